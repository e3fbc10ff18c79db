// e2e_bench: the SDK against plain Boost.Beast, on the same loopback server, in the same run,
// for each protocol version (3.0 and 3.6).
//
// A server child process (bench_server.hpp, pinned to the second core when there is one)
// serves ws and wss. This process runs the clients on the first core: (a) RtmClient, (b) the
// yardstick (yardstick_client.hpp). Every figure is measured several times for both, in turns,
// and printed as median (min..max) with the ratio SDK / yardstick and its target.
// bench/README.md says how to read them.
//
// Four kinds of figure:
//   wall clock    requests/s and pushes/s in this process;
//   K connections memory per connection, connect time (and, for the scale figure, CPU while
//                 idle for one ping interval), each side in a fresh child process;
//   cost          instructions per message (callgrind, only the measured messages) and system
//                 calls per message (strace, between two marks), each side in its own child;
//                 independent of the machine's speed and load.
//
//   e2e_bench [--repeats N] [--connections K] [--connection-repeats N] [--scale K]
//             [--version 3.0|3.6] [--quick]
//             [--throughput-only] [--connections-only] [--no-cost] [--json FILE]
//   e2e_bench --serve                                   the server alone; prints its ports
//   e2e_bench --cost-run KIND SIDE VERSION N PORT [wss] one cost child, e.g. under callgrind:
//       KIND round_trip|in_flight|push|connect, SIDE sdk|beast, VERSION 3.0|3.6

#include "clients.hpp"
#include "figures.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define LIVECHAT_BENCH_HAS_CALLGRIND 1
#endif

#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <list>
#include <sstream>
#include <type_traits>

namespace {

using namespace bench;
using nlohmann::json;
using V30 = rtm::v3_0::Version;
using V36 = rtm::v3_6::Version;

struct Options {
    int repeats = 11; ///< with 7, a wss rate's median moved by 0.05-0.2 between runs (bench/README.md)
    int sequential = 10000; ///< requests per sequential sample
    int in_flight_total = 20000;
    int pushes = 100000;
    int connections = 1000;
    int connection_repeats = 15; ///< --connection-repeats: the K = 1000 figures (medians of 7 moved by 0.1)
    int scale = 10000;      ///< the scale figure's K (0: skip it)
    int scale_repeats = 3;
    std::chrono::milliseconds idle_window{15000}; ///< one ping interval (the SDK's default)
    int cost_round_trips = 2000;
    int cost_pushes = 5000;
    int cost_connects = 500;
    bool memory = true; ///< --throughput-only skips the K-connection and cost figures
    bool cost = true;
    bool throughput = true; ///< --connections-only: the K-connection figures alone (scale too, unless --scale 0)
    /// --quick: instructions (callgrind, seconds per run) for the round trip only; every kind
    /// still runs under strace, so each measured child's path is exercised.
    bool cost_instructions_round_trip_only = false;
    bool v3_0 = true, v3_6 = true;
    std::string json_file;
};

void pin_to_cpu(int cpu)
{
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

// ---- wall clock: one client of each kind per transport and version ------------------------------

/// Whether the SDK's side runs, in the order the two sides run in repeat r: the SDK first in
/// even repeats, the yardstick in odd ones. Every paired figure takes its samples in this
/// order, so that neither side always comes second (for the K-connection figures: the server
/// is still closing the previous child's K connections while the next child connects).
std::array<bool, 2> sides_in_turn(int r) { return {r % 2 == 0, r % 2 != 0}; }

template <class V, bool Tls>
void throughput(const Options& o, unsigned short port, std::vector<Figure>& out)
{
    const char* t = Tls ? "wss" : "ws";
    const char* v = Api<V>::name;
    asio::io_context ioc;
    auto tls = client_tls_context();

    SdkClient<V> sdk(ioc, port, Tls);
    run_until(ioc, sdk.ready);
    YardstickClient<Tls> yard(ioc, tls);
    bool yard_ready = false;
    yard.open(port, Api<V>::path, [&](bool ok) {
        if (!ok)
            std::cerr << "yardstick: login failed\n";
        yard_ready = true;
    });
    run_until(ioc, yard_ready);

    Figure seq{"sequential round trips", v, t, "requests/s", at_least(0.95)};
    Figure window{"10 in flight", v, t, "requests/s", at_least(0.95)};
    Figure pushes{"pushes to a typed handler", v, t, "pushes/s", at_least(0.95)};
    // Warm-up, not counted: allocator pools, TLS session, caches.
    sdk_requests(ioc, sdk, o.sequential / 10, 1);
    yard_requests(ioc, yard, o.sequential / 10, 1);
    // In turns, so that drift hits both sides alike, and in alternating order, so that neither
    // always runs right after the other's figure of another kind.
    for (int r = 0; r < o.repeats; ++r) {
        auto both = [r](auto sdk_sample, auto yard_sample) {
            for (bool sdk_side : sides_in_turn(r))
                sdk_side ? sdk_sample() : yard_sample();
        };
        both([&] { seq.sdk.v.push_back(sdk_requests(ioc, sdk, o.sequential, 1)); },
            [&] { seq.yardstick.v.push_back(yard_requests(ioc, yard, o.sequential, 1)); });
        both([&] { window.sdk.v.push_back(sdk_requests(ioc, sdk, o.in_flight_total, 10)); },
            [&] { window.yardstick.v.push_back(yard_requests(ioc, yard, o.in_flight_total, 10)); });
        both([&] { pushes.sdk.v.push_back(sdk_pushes(ioc, sdk, o.pushes)); },
            [&] { pushes.yardstick.v.push_back(yard_pushes(ioc, yard, o.pushes)); });
    }
    for (auto* f : {&seq, &window, &pushes}) {
        print(*f);
        out.push_back(*f);
    }
    sdk.client.cancel();
    ioc.run_for(std::chrono::milliseconds(200));
}

// ---- K connections, each side in a fresh child process ------------------------------------------

std::size_t rss_bytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

double cpu_seconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto s = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

struct ManyResult {
    double bytes_per_connection = 0;
    double connect_seconds = 0;
    double idle_cpu_seconds = 0;
    bool ok = false;
};

/// In this (child) process: opens K logged-in connections of one kind, then stays idle for
/// `idle` and measures resident memory growth per connection and the CPU the idle time cost.
template <class V>
ManyResult open_many(bool sdk, bool tls, unsigned short port, int k, std::chrono::milliseconds idle)
{
    asio::io_context ioc;
    auto rss0 = rss_bytes();
    auto t0 = Clock::now();
    int ready = 0;
    bool all = false;
    ManyResult r;
    auto measure = [&] {
        run_until(ioc, all);
        r.connect_seconds = seconds_since(t0);
        auto cpu0 = cpu_seconds();
        ioc.run_for(idle); // idle: nothing should grow but the pings the protocol asks for
        r.idle_cpu_seconds = cpu_seconds() - cpu0;
        r.bytes_per_connection = double(rss_bytes() - rss0) / k;
        r.ok = true;
    };
    if (sdk) {
        std::list<SdkClient<V>> clients;
        for (int i = 0; i < k; ++i) {
            auto& c = clients.emplace_back(ioc, port, tls);
            c.client.on_state_change([&](rtm::SessionState s, rtm::error_code) {
                if (s == rtm::SessionState::ready && ++ready == k)
                    all = true;
            });
        }
        measure();
        return r;
    }
    auto ctx = client_tls_context();
    auto open = [&](auto& list) {
        for (int i = 0; i < k; ++i)
            list.emplace_back(ioc, ctx).open(port, Api<V>::path, [&](bool ok) {
                if (ok && ++ready == k)
                    all = true;
            });
        measure();
    };
    if (tls) {
        std::list<YardstickClient<true>> list;
        open(list);
    } else {
        std::list<YardstickClient<false>> list;
        open(list);
    }
    return r;
}

template <class V>
ManyResult in_child(bool sdk, bool tls, unsigned short port, int k, std::chrono::milliseconds idle)
{
    int fds[2];
    if (pipe(fds) != 0)
        std::exit(3);
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        auto r = open_many<V>(sdk, tls, port, k, idle);
        if (write(fds[1], &r, sizeof r) != sizeof r)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    ManyResult r;
    if (read(fds[0], &r, sizeof r) != sizeof r || !r.ok)
        std::cerr << "e2e_bench: a K-connection child failed\n";
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    return r;
}

/// Memory per connection and connect time for K connections, ws and wss.
template <class V>
void many_connections(const Options& o, unsigned short ws_port, unsigned short wss_port, std::vector<Figure>& out)
{
    for (bool tls : {false, true}) {
        const char* t = tls ? "wss" : "ws";
        unsigned short port = tls ? wss_port : ws_port;
        auto k = "K=" + std::to_string(o.connections);
        Figure memory{"idle memory per connection", Api<V>::name, t, "bytes, " + k, at_most(1.15)};
        Figure connect{"connect + login K connections", Api<V>::name, t, "ms, " + k,
            tls ? Target{} : at_most(1.15)};
        for (int r = 0; r < o.connection_repeats; ++r) {
            for (bool sdk : sides_in_turn(r)) {
                auto m = in_child<V>(sdk, tls, port, o.connections, std::chrono::milliseconds(300));
                (sdk ? memory.sdk : memory.yardstick).v.push_back(m.bytes_per_connection);
                (sdk ? connect.sdk : connect.yardstick).v.push_back(m.connect_seconds * 1000);
            }
        }
        for (auto* f : {&memory, &connect}) {
            print(*f);
            out.push_back(*f);
        }
    }
}

/// K = 10,000 idle logged-in customers (ws): memory, connect time, CPU over one ping interval.
template <class V>
void scale(const Options& o, unsigned short ws_port, std::vector<Figure>& out)
{
    auto k = "K=" + std::to_string(o.scale);
    Figure memory{"idle memory per connection", Api<V>::name, "ws", "bytes, " + k, at_most(1.15)};
    Figure connect{"connect + login K connections", Api<V>::name, "ws", "ms, " + k};
    Figure idle{"CPU while idle, one ping interval", Api<V>::name, "ws",
        "ms per " + std::to_string(o.idle_window.count() / 1000) + " s, " + k};
    for (int r = 0; r < o.scale_repeats; ++r) {
        for (bool sdk : sides_in_turn(r)) {
            auto m = in_child<V>(sdk, false, ws_port, o.scale, o.idle_window);
            (sdk ? memory.sdk : memory.yardstick).v.push_back(m.bytes_per_connection);
            (sdk ? connect.sdk : connect.yardstick).v.push_back(m.connect_seconds * 1000);
            (sdk ? idle.sdk : idle.yardstick).v.push_back(m.idle_cpu_seconds * 1000);
        }
    }
    for (auto* f : {&memory, &connect, &idle}) {
        print(*f);
        out.push_back(*f);
    }
}

// ---- cost: instructions and system calls per message ---------------------------------------------
//
// The parent runs `e2e_bench --cost-run KIND SIDE VERSION N PORT [wss]` under callgrind (collection
// switched on only around the N measured messages) and under strace (counted between two marks
// the child makes). The server stays in the parent's native child process.

enum class CostKind { round_trip, in_flight, push, connect };
const char* cost_kind_name(CostKind k)
{
    switch (k) {
    case CostKind::round_trip: return "round_trip";
    case CostKind::in_flight: return "in_flight";
    case CostKind::push: return "push";
    default: return "connect";
    }
}

/// A system call strace shows, that marks where counting starts and stops.
void mark(const char* what) { ::access(what, F_OK); }
constexpr const char* mark_start = "/livechat-rtm-bench-mark/start";
constexpr const char* mark_stop = "/livechat-rtm-bench-mark/stop";

void collect(bool on)
{
#ifdef LIVECHAT_BENCH_HAS_CALLGRIND
    CALLGRIND_TOGGLE_COLLECT;
#endif
    mark(on ? mark_start : mark_stop);
}

/// Opens n connections of one kind at once and waits until all are logged in; when `counted`,
/// only that is counted (the clients' destruction is not).
template <class V>
void cost_connect(asio::io_context& ioc, bool sdk, int n, unsigned short port, bool counted)
{
    int ready = 0;
    bool all = n == 0; // (a warm-up of n / 5 for n < 5 opens nothing)
    std::list<SdkClient<V>> clients;
    std::list<YardstickClient<false>> yards;
    auto tls = client_tls_context();
    if (counted)
        collect(true);
    for (int i = 0; i < n; ++i) {
        if (sdk) {
            clients.emplace_back(ioc, port, false).client.on_state_change([&](rtm::SessionState s, rtm::error_code) {
                if (s == rtm::SessionState::ready && ++ready == n)
                    all = true;
            });
        } else {
            yards.emplace_back(ioc, tls).open(port, Api<V>::path, [&](bool ok) {
                if (ok && ++ready == n)
                    all = true;
            });
        }
    }
    run_until(ioc, all);
    if (counted)
        collect(false);
}

/// `tls`: over wss (round trips and pushes; connect + login is counted over ws only).
template <class V>
int cost_run(CostKind kind, bool sdk, int n, unsigned short port, bool tls)
{
    asio::io_context ioc;
    if (kind == CostKind::connect) {
        cost_connect<V>(ioc, sdk, n / 5, port, false); // warm-up: allocator pools
        // The warm-up's clients finish closing before anything is counted: an SDK client
        // closes its websocket (close frame, then the TCP shutdown) after its destructor.
        ioc.run_for(std::chrono::seconds(10)); // returns as soon as nothing is left to do
        ioc.restart();
        cost_connect<V>(ioc, sdk, n, port, true);
        return 0;
    }
    // `run(k)` sends or receives k messages: warm up on n/5 (handlers, buffers and pools reach
    // their size), then count n.
    auto measure = [&](auto run) {
        run(n / 5);
        collect(true);
        run(n);
        collect(false);
    };
    int window = kind == CostKind::in_flight ? 10 : 1;
    if (sdk) {
        SdkClient<V> c(ioc, port, tls);
        run_until(ioc, c.ready);
        if (kind == CostKind::push)
            measure([&](int k) { sdk_pushes(ioc, c, k); });
        else
            measure([&](int k) { sdk_requests(ioc, c, k, window); });
        c.client.cancel();
        ioc.run_for(std::chrono::milliseconds(50));
        return 0;
    }
    auto yardstick = [&](auto with_tls) {
        auto tls_context = client_tls_context();
        YardstickClient<decltype(with_tls)::value> y(ioc, tls_context);
        bool ready = false;
        y.open(port, Api<V>::path, [&](bool) { ready = true; });
        run_until(ioc, ready);
        if (kind == CostKind::push)
            measure([&](int k) { yard_pushes(ioc, y, k); });
        else
            measure([&](int k) { yard_requests(ioc, y, k, window); });
    };
    if (tls)
        yardstick(std::true_type{});
    else
        yardstick(std::false_type{});
    return 0;
}

std::string self_path()
{
    char buf[4096];
    auto len = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return len > 0 ? std::string(buf, std::size_t(len)) : std::string();
}

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

/// Runs `command`; false when it did not exit with 0.
bool run(const std::string& command)
{
    int status = std::system(command.c_str());
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// Instructions per message: callgrind's total over the collected part, divided by n.
double instructions_per_message(const std::string& child_args, int n)
{
    std::string out = "/tmp/livechat-rtm-bench-callgrind." + std::to_string(getpid());
    if (!run("valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=" + out +
             " --log-file=/dev/null " + self_path() + " " + child_args + " >/dev/null 2>&1")) {
        std::cerr << "e2e_bench: callgrind run failed: " << child_args << "\n";
        return 0;
    }
    std::ifstream in(out);
    std::string line;
    double total = 0;
    while (std::getline(in, line))
        if (line.rfind("totals:", 0) == 0 || (total == 0 && line.rfind("summary:", 0) == 0))
            total = std::strtod(line.c_str() + line.find(':') + 1, nullptr);
    std::remove(out.c_str());
    return total / n;
}

/// System calls per message: the calls strace saw between the child's two marks, divided by n.
double syscalls_per_message(const std::string& child_args, int n)
{
    std::string out = "/tmp/livechat-rtm-bench-strace." + std::to_string(getpid());
    if (!run("strace -o " + out + " " + self_path() + " " + child_args + " >/dev/null 2>&1")) {
        std::cerr << "e2e_bench: strace run failed: " << child_args << "\n";
        return 0;
    }
    std::ifstream in(out);
    std::string line;
    long count = 0;
    bool counting = false;
    while (std::getline(in, line)) {
        if (line.find(mark_start) != std::string::npos)
            counting = true;
        else if (line.find(mark_stop) != std::string::npos)
            break;
        else if (counting && line.rfind("---", 0) != 0 && line.rfind("+++", 0) != 0) // signals, exit
            ++count;
    }
    std::remove(out.c_str());
    return double(count) / n;
}

template <class V>
void cost(const Options& o, unsigned short ws_port, unsigned short wss_port, std::vector<Figure>& out)
{
    bool callgrind = have("valgrind"), strace = have("strace");
#ifndef LIVECHAT_BENCH_HAS_CALLGRIND
    callgrind = false;
#endif
    if (!callgrind || !strace)
        std::printf("cost figures: %s%s missing (bash bench/run.sh installs them)\n", callgrind ? "" : "valgrind ",
            strace ? "" : "strace");
    struct Kind {
        CostKind kind;
        const char* name;
        int n;
        bool tls = false;
    };
    // Over ws every kind; over wss the one whose wall-clock figure the SDK misses most often
    // (10 in flight), to show what TLS adds on each side.
    for (auto k : {Kind{CostKind::round_trip, "round trip, 1 in flight", o.cost_round_trips},
             Kind{CostKind::in_flight, "round trip, 10 in flight", o.cost_round_trips},
             Kind{CostKind::push, "typed push", o.cost_pushes},
             Kind{CostKind::connect, "connect + login", o.cost_connects},
             Kind{CostKind::in_flight, "round trip, 10 in flight", o.cost_round_trips, true}}) {
        const char* t = k.tls ? "wss" : "ws";
        Figure instructions{std::string("instructions per ") + k.name, Api<V>::name, t, "instructions",
            k.kind == CostKind::connect ? Target{} : at_most(1.10)};
        Figure syscalls{std::string("system calls per ") + k.name, Api<V>::name, t, "calls"};
        bool count_instructions = callgrind && (!o.cost_instructions_round_trip_only || k.kind == CostKind::round_trip);
        for (bool sdk : {true, false}) {
            auto args = std::string("--cost-run ") + cost_kind_name(k.kind) + (sdk ? " sdk " : " beast ") + Api<V>::name +
                        " " + std::to_string(k.n) + " " + std::to_string(k.tls ? wss_port : ws_port) + (k.tls ? " wss" : "");
            // One run: the count is the same every time for the same binary. A tool that could
            // not run (no ptrace in a container, say) leaves the figure out rather than at 0.
            if (double v = count_instructions ? instructions_per_message(args, k.n) : 0; v > 0)
                (sdk ? instructions.sdk : instructions.yardstick).v.push_back(v);
            if (double v = strace ? syscalls_per_message(args, k.n) : 0; v > 0)
                (sdk ? syscalls.sdk : syscalls.yardstick).v.push_back(v);
        }
        for (auto* f : {&instructions, &syscalls})
            if (f->measured()) {
                print(*f);
                out.push_back(*f);
            }
    }
}

// ---- the server child ----------------------------------------------------------------------------

/// Forks the server; returns its ports. It exits when `control` (our end of a pipe) closes.
std::pair<unsigned short, unsigned short> start_server(int& control)
{
    int ports[2], ctl[2];
    if (pipe(ports) != 0 || pipe(ctl) != 0)
        std::exit(3);
    if (fork() == 0) {
        close(ports[0]);
        close(ctl[1]);
        pin_to_cpu(1);
        asio::io_context ioc;
        BenchServer server(ioc, rtm::testing::detail::test_certificate, rtm::testing::detail::test_private_key);
        unsigned short p[2] = {server.ws_port(), server.wss_port()};
        if (write(ports[1], p, sizeof p) != sizeof p)
            _exit(1);
        asio::posix::stream_descriptor parent(ioc, ctl[0]);
        char byte;
        parent.async_read_some(asio::buffer(&byte, 1), [&](beast::error_code, std::size_t) { ioc.stop(); });
        ioc.run();
        _exit(0);
    }
    close(ports[1]);
    close(ctl[0]);
    fcntl(ctl[1], F_SETFD, FD_CLOEXEC); // the cost children must not hold the server alive
    control = ctl[1];
    unsigned short p[2] = {0, 0};
    if (read(ports[0], p, sizeof p) != sizeof p)
        std::exit(3);
    close(ports[0]);
    return {p[0], p[1]};
}

[[noreturn]] void usage()
{
    std::cerr << "usage: e2e_bench [--repeats N] [--connections K] [--connection-repeats N] [--scale K]\n"
                 "                 [--version 3.0|3.6] [--quick]\n"
                 "                 [--throughput-only] [--connections-only] [--no-cost] [--json FILE]\n";
    std::exit(2);
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (a == "--repeats")
            o.repeats = std::max(1, next());
        else if (a == "--connections")
            o.connections = std::max(1, next());
        else if (a == "--connection-repeats")
            o.connection_repeats = std::max(1, next());
        else if (a == "--scale")
            o.scale = std::max(0, next());
        else if (a == "--throughput-only")
            o.memory = o.cost = false;
        else if (a == "--no-cost")
            o.cost = false;
        else if (a == "--connections-only")
            o.throughput = o.cost = false;
        else if (a == "--version" && i + 1 < argc) {
            std::string v = argv[++i];
            if (v != "3.0" && v != "3.6")
                usage();
            o.v3_0 = v == "3.0";
            o.v3_6 = v == "3.6";
        } else if (a == "--json" && i + 1 < argc)
            o.json_file = argv[++i];
        else if (a == "--quick") {
            o.repeats = 1;
            o.sequential = 100;
            o.in_flight_total = 500;
            o.pushes = 500;
            o.connections = 50;
            o.connection_repeats = 1;
            o.scale = 100;
            o.scale_repeats = 1;
            o.idle_window = std::chrono::milliseconds(200);
            o.cost_round_trips = 50;
            o.cost_pushes = 100;
            o.cost_connects = 20;
            o.cost_instructions_round_trip_only = true;
        } else
            usage();
    }
    return o;
}

/// `--cost-run KIND SIDE VERSION N PORT [wss]`: one measured child of the cost figures.
int cost_child(int argc, char** argv)
{
    std::string kind = argc > 2 ? argv[2] : "";
    if (argc != 7 && !(argc == 8 && std::string(argv[7]) == "wss" && kind != "connect"))
        usage();
    std::string side = argv[3], version = argv[4];
    auto k = kind == "push"        ? CostKind::push
             : kind == "in_flight" ? CostKind::in_flight
             : kind == "connect"   ? CostKind::connect
                                   : CostKind::round_trip;
    int n = std::max(1, std::atoi(argv[5]));
    auto port = static_cast<unsigned short>(std::atoi(argv[6]));
    bool tls = argc == 8;
    return version == "3.6" ? cost_run<V36>(k, side == "sdk", n, port, tls) : cost_run<V30>(k, side == "sdk", n, port, tls);
}

template <class V>
void figures_for(const Options& o, unsigned short ws_port, unsigned short wss_port, std::vector<Figure>& figures)
{
    std::printf("-- protocol %s --\n", Api<V>::name);
    if (o.memory) { // first: this process is still small
        many_connections<V>(o, ws_port, wss_port, figures);
        if (o.scale > 0)
            scale<V>(o, ws_port, figures);
    }
    if (o.throughput) {
        throughput<V, false>(o, ws_port, figures);
        throughput<V, true>(o, wss_port, figures);
    }
    if (o.cost)
        cost<V>(o, ws_port, wss_port, figures);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::string(argv[1]) == "--cost-run")
        return cost_child(argc, argv);
    if (argc > 1 && std::string(argv[1]) == "--serve") { // for profiling by hand (bench/README.md)
        asio::io_context ioc;
        BenchServer server(ioc, rtm::testing::detail::test_certificate, rtm::testing::detail::test_private_key);
        std::printf("ws %u wss %u\n", server.ws_port(), server.wss_port());
        std::fflush(stdout);
        ioc.run();
        return 0;
    }
    auto opts = parse(argc, argv);
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max; // K connections need K descriptors here, K in the server
    setrlimit(RLIMIT_NOFILE, &files);
    auto needed = rlim_t(std::max(opts.connections, opts.scale)) + 64;
    if (opts.memory && files.rlim_cur < needed) {
        std::cerr << "e2e_bench: " << needed << " open files needed, the limit is " << files.rlim_cur << "\n";
        return 2;
    }

    int control = -1;
    auto [ws_port, wss_port] = start_server(control);
    pin_to_cpu(0);
    std::printf("e2e_bench: server child on 127.0.0.1:%u (ws) and :%u (wss); %d repeats; medians (min..max)\n",
        ws_port, wss_port, opts.repeats);

    std::vector<Figure> figures;
    if (opts.v3_0)
        figures_for<V30>(opts, ws_port, wss_port, figures);
    if (opts.v3_6)
        figures_for<V36>(opts, ws_port, wss_port, figures);

    close(control); // the server exits
    wait(nullptr);
    int missed = 0;
    for (const auto& f : figures)
        missed += f.met() ? 0 : 1;
    std::printf("e2e_bench: %zu figures, %d targets missed\n", figures.size(), missed);
    if (!opts.json_file.empty()) {
        std::ofstream(opts.json_file) << json{{"figures", to_json(figures)}}.dump(2) << "\n";
        std::printf("e2e_bench: wrote %s\n", opts.json_file.c_str());
    }
    return 0;
}
