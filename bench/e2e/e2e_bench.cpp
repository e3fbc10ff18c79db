// e2e_bench: the SDK against plain Boost.Beast, on the same loopback server, in the same run.
//
// A server child process (bench_server.hpp, pinned to the second core when there is one)
// serves ws and wss. This process runs the clients on the first core: (a) RtmClient, (b) the
// yardstick (yardstick_client.hpp). Every figure is measured several times for both, in turns,
// and printed as median (min..max) with the ratio SDK / yardstick. bench/README.md says how to
// read them.
//
//   e2e_bench [--repeats N] [--connections K] [--quick] [--throughput-only] [--json FILE]

#include "bench_server.hpp"
#include "yardstick_client.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/testing/impl/test_certificate.ipp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read.hpp>

#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <list>
#include <string>
#include <vector>

namespace {

namespace rtm = livechat::rtm;
namespace v3 = livechat::rtm::v3_0;
using namespace bench;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options {
    int repeats = 7;
    int sequential = 10000;  ///< requests per sequential sample
    int in_flight_total = 20000;
    int pushes = 100000;
    int connections = 1000;
    int memory_repeats = 3;
    bool memory = true; ///< --throughput-only skips the K-connection figures (for profiling)
    std::string json_file;
};

// ~140 characters of text: with the envelope, a ~200-byte send_event frame.
const std::string message_text =
    "Hello! I ordered a blue jacket last Monday (order 1042) and wonder whether it has shipped "
    "yet, and when it should arrive at my address?";

void pin_to_cpu(int cpu)
{
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// Runs `ioc` until `done` is set (the figure's own completion), or fails loudly after `limit`.
void run_until(asio::io_context& ioc, const bool& done, std::chrono::seconds limit = std::chrono::seconds(120))
{
    auto deadline = Clock::now() + limit;
    while (!done && Clock::now() < deadline)
        ioc.run_one_for(std::chrono::milliseconds(100));
    if (!done) {
        std::cerr << "e2e_bench: a figure did not complete within " << limit.count() << " s\n";
        std::exit(3);
    }
}

// ---- the SDK side ------------------------------------------------------------------------------

rtm::ClientConfig sdk_config(unsigned short port, bool tls)
{
    rtm::ClientConfig cfg;
    cfg.url = std::string(tls ? "wss" : "ws") + "://127.0.0.1:" + std::to_string(port) + "/v3.0/customer/rtm/ws?license_id=1";
    cfg.token_provider = rtm::static_token("bench");
    cfg.reconnect.enabled = false;
    cfg.tls.ca_pem = rtm::testing::detail::test_certificate;
    cfg.tls.use_system_trust_store = false; // as the yardstick: trust the test CA only
    cfg.request_timeout = std::chrono::seconds(60);
    return cfg;
}

v3::SendEventRequest send_event_request()
{
    v3::Message m;
    m.text = message_text;
    return {rtm::ChatId("PJ0MRSHTDG"), v3::Event(std::move(m)), std::nullopt, std::nullopt};
}

/// One SDK client, logged in.
struct SdkClient {
    SdkClient(asio::io_context& ioc, unsigned short port, bool tls) : client(ioc, sdk_config(port, tls))
    {
        client.on_state_change([this](rtm::SessionState s, rtm::error_code) { ready = ready || s == rtm::SessionState::ready; });
        client.async_run([](rtm::error_code) {});
    }
    rtm::v3_0::RtmClient client;
    bool ready = false;
};

struct SdkSequential {
    rtm::v3_0::RtmClient& c;
    int left;
    bool& done;
    void next()
    {
        if (left-- == 0) {
            done = true;
            return;
        }
        c.async_execute<v3::SendEvent>(send_event_request(), [this](rtm::error_code ec, v3::SendEventResponse) {
            if (ec)
                std::cerr << "send_event failed: " << ec.message() << "\n";
            next();
        });
    }
};

struct SdkInFlight {
    rtm::v3_0::RtmClient& c;
    int to_start;
    int to_finish;
    bool& done;
    void start()
    {
        --to_start;
        c.async_execute<v3::SendEvent>(send_event_request(), [this](rtm::error_code ec, v3::SendEventResponse) {
            if (ec)
                std::cerr << "send_event failed: " << ec.message() << "\n";
            if (--to_finish == 0)
                done = true;
            else if (to_start > 0)
                start();
        });
    }
};

double sdk_sequential(asio::io_context& ioc, SdkClient& s, int n)
{
    bool done = false;
    SdkSequential run{s.client, n, done};
    auto t0 = Clock::now();
    run.next();
    run_until(ioc, done);
    return n / seconds_since(t0);
}

double sdk_in_flight(asio::io_context& ioc, SdkClient& s, int total, int window)
{
    bool done = false;
    SdkInFlight run{s.client, total, total, done};
    auto t0 = Clock::now();
    for (int i = 0; i < window; ++i)
        run.start();
    run_until(ioc, done);
    return total / seconds_since(t0);
}

double sdk_pushes(asio::io_context& ioc, SdkClient& s, int n)
{
    bool done = false;
    int seen = 0;
    std::size_t text_bytes = 0; // the handler reads the typed event, as an application would
    auto sub = s.client.pushes().on<v3::IncomingEvent>([&](const v3::IncomingEvent& e) {
        if (e.event)
            if (const auto* m = std::get_if<v3::Message>(&*e.event))
                text_bytes += m->text.size();
        if (++seen == n)
            done = true;
    });
    auto t0 = Clock::now();
    s.client.async_call("bench_push", json{{"count", n}}, [](rtm::error_code, json) {});
    run_until(ioc, done);
    double rate = n / seconds_since(t0);
    if (text_bytes == 0)
        std::cerr << "no text read\n";
    return rate;
}

// ---- the yardstick side ------------------------------------------------------------------------

json send_event_payload()
{
    return {{"chat_id", "PJ0MRSHTDG"}, {"event", {{"type", "message"}, {"text", message_text}}}};
}

template <bool Tls>
double yard_sequential(asio::io_context& ioc, YardstickClient<Tls>& c, int n)
{
    bool done = false;
    int left = n;
    std::string expected;
    c.on_frame([&](const json& f) {
        auto it = f.find("request_id");
        if (it == f.end() || *it != expected)
            return;
        if (--left == 0) {
            done = true;
            return;
        }
        expected = std::to_string(c.request("send_event", send_event_payload()));
    });
    auto t0 = Clock::now();
    expected = std::to_string(c.request("send_event", send_event_payload()));
    run_until(ioc, done);
    return n / seconds_since(t0);
}

template <bool Tls>
double yard_in_flight(asio::io_context& ioc, YardstickClient<Tls>& c, int total, int window)
{
    bool done = false;
    int to_start = total, to_finish = total;
    c.on_frame([&](const json& f) {
        if (f.value("type", "") != "response")
            return;
        if (--to_finish == 0)
            done = true;
        else if (to_start > 0) {
            --to_start;
            c.request("send_event", send_event_payload());
        }
    });
    auto t0 = Clock::now();
    for (int i = 0; i < window; ++i, --to_start)
        c.request("send_event", send_event_payload());
    run_until(ioc, done);
    return total / seconds_since(t0);
}

template <bool Tls>
double yard_pushes(asio::io_context& ioc, YardstickClient<Tls>& c, int n)
{
    bool done = false;
    int seen = 0;
    c.on_frame([&](const json& f) {
        if (f.value("action", "") == "incoming_event" && ++seen == n)
            done = true;
    });
    auto t0 = Clock::now();
    c.request("bench_push", {{"count", n}});
    run_until(ioc, done);
    return n / seconds_since(t0);
}

// ---- figures -----------------------------------------------------------------------------------

struct Samples {
    std::vector<double> v;
    double median() const
    {
        auto s = v;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[s.size() / 2];
    }
    double min() const { return v.empty() ? 0 : *std::min_element(v.begin(), v.end()); }
    double max() const { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }
};

struct Figure {
    std::string name;
    std::string transport;
    std::string unit;
    Samples sdk, yardstick;
    double ratio() const { return yardstick.median() > 0 ? sdk.median() / yardstick.median() : 0; }
};

void print(const Figure& f)
{
    auto fmt = [](const Samples& s) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%10.0f (%.0f..%.0f)", s.median(), s.min(), s.max());
        return std::string(buf);
    };
    std::printf("%-34s %-3s  SDK %-28s Beast %-28s SDK/Beast %.2f   [%s]\n", f.name.c_str(), f.transport.c_str(),
        fmt(f.sdk).c_str(), fmt(f.yardstick).c_str(), f.ratio(), f.unit.c_str());
    std::fflush(stdout);
}

json to_json(const std::vector<Figure>& figures)
{
    json out = json::array();
    for (const auto& f : figures) {
        auto side = [](const Samples& s) {
            return json{{"median", s.median()}, {"min", s.min()}, {"max", s.max()}, {"samples", s.v}};
        };
        out.push_back({{"name", f.name}, {"transport", f.transport}, {"unit", f.unit}, {"sdk", side(f.sdk)},
            {"yardstick", side(f.yardstick)}, {"ratio", f.ratio()}});
    }
    return out;
}

// ---- throughput: one client of each kind per transport -----------------------------------------

template <bool Tls>
void throughput(const Options& o, unsigned short port, std::vector<Figure>& out)
{
    const char* t = Tls ? "wss" : "ws";
    asio::io_context ioc;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.add_certificate_authority(asio::buffer(std::string(rtm::testing::detail::test_certificate)));
    tls.set_verify_mode(asio::ssl::verify_peer);

    SdkClient sdk(ioc, port, Tls);
    run_until(ioc, sdk.ready);
    YardstickClient<Tls> yard(ioc, tls);
    bool yard_ready = false;
    yard.open(port, [&](bool ok) {
        if (!ok)
            std::cerr << "yardstick: login failed\n";
        yard_ready = true;
    });
    run_until(ioc, yard_ready);

    Figure seq{"sequential round trips", t, "requests/s"};
    Figure window{"10 in flight", t, "requests/s"};
    Figure pushes{"pushes to a typed handler", t, "pushes/s"};
    // Warm-up, not counted: allocator pools, TLS session, caches.
    sdk_sequential(ioc, sdk, o.sequential / 10);
    yard_sequential(ioc, yard, o.sequential / 10);
    for (int r = 0; r < o.repeats; ++r) { // in turns, so drift hits both sides alike
        seq.sdk.v.push_back(sdk_sequential(ioc, sdk, o.sequential));
        seq.yardstick.v.push_back(yard_sequential(ioc, yard, o.sequential));
        window.sdk.v.push_back(sdk_in_flight(ioc, sdk, o.in_flight_total, 10));
        window.yardstick.v.push_back(yard_in_flight(ioc, yard, o.in_flight_total, 10));
        pushes.sdk.v.push_back(sdk_pushes(ioc, sdk, o.pushes));
        pushes.yardstick.v.push_back(yard_pushes(ioc, yard, o.pushes));
    }
    for (auto* f : {&seq, &window, &pushes}) {
        print(*f);
        out.push_back(*f);
    }
    sdk.client.cancel();
    ioc.run_for(std::chrono::milliseconds(200));
}

// ---- memory and connect time: K connections in a fresh child process ---------------------------

std::size_t rss_bytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

struct ManyResult {
    double bytes_per_connection = 0;
    double connect_seconds = 0;
};

/// In this (child) process: opens K logged-in connections of one kind, then measures.
ManyResult open_many(bool sdk, bool tls, unsigned short port, int k)
{
    asio::io_context ioc;
    auto rss0 = rss_bytes();
    auto t0 = Clock::now();
    int ready = 0;
    bool all = false;
    ManyResult r;
    if (sdk) {
        std::list<SdkClient> clients;
        for (int i = 0; i < k; ++i) {
            auto& c = clients.emplace_back(ioc, port, tls);
            c.client.on_state_change([&](rtm::SessionState s, rtm::error_code) {
                if (s == rtm::SessionState::ready && ++ready == k)
                    all = true;
            });
        }
        run_until(ioc, all);
        r.connect_seconds = seconds_since(t0);
        ioc.run_for(std::chrono::milliseconds(300)); // idle: nothing should grow
        r.bytes_per_connection = double(rss_bytes() - rss0) / k;
        return r;
    }
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    ctx.add_certificate_authority(asio::buffer(std::string(rtm::testing::detail::test_certificate)));
    ctx.set_verify_mode(asio::ssl::verify_peer);
    auto open = [&](auto& list) {
        for (int i = 0; i < k; ++i)
            list.emplace_back(ioc, ctx).open(port, [&](bool ok) {
                if (ok && ++ready == k)
                    all = true;
            });
        run_until(ioc, all);
        r.connect_seconds = seconds_since(t0);
        ioc.run_for(std::chrono::milliseconds(300));
        r.bytes_per_connection = double(rss_bytes() - rss0) / k;
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

ManyResult in_child(bool sdk, bool tls, unsigned short port, int k)
{
    int fds[2];
    if (pipe(fds) != 0)
        std::exit(3);
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        auto r = open_many(sdk, tls, port, k);
        if (write(fds[1], &r, sizeof r) != sizeof r)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    ManyResult r;
    if (read(fds[0], &r, sizeof r) != sizeof r)
        std::cerr << "e2e_bench: a memory child failed\n";
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    return r;
}

void many_connections(const Options& o, unsigned short ws_port, unsigned short wss_port, std::vector<Figure>& out)
{
    for (bool tls : {false, true}) {
        const char* t = tls ? "wss" : "ws";
        unsigned short port = tls ? wss_port : ws_port;
        Figure memory{"idle memory per connection", t, "bytes, K=" + std::to_string(o.connections)};
        Figure connect{"connect + login K connections", t, "ms, K=" + std::to_string(o.connections)};
        for (int r = 0; r < o.memory_repeats; ++r) {
            for (bool sdk : {true, false}) {
                auto m = in_child(sdk, tls, port, o.connections);
                (sdk ? memory.sdk : memory.yardstick).v.push_back(m.bytes_per_connection);
                (sdk ? connect.sdk : connect.yardstick).v.push_back(m.connect_seconds * 1000);
            }
        }
        print(memory);
        print(connect);
        out.push_back(memory);
        out.push_back(connect);
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
    control = ctl[1];
    unsigned short p[2] = {0, 0};
    if (read(ports[0], p, sizeof p) != sizeof p)
        std::exit(3);
    close(ports[0]);
    return {p[0], p[1]};
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
        else if (a == "--throughput-only")
            o.memory = false;
        else if (a == "--json" && i + 1 < argc)
            o.json_file = argv[++i];
        else if (a == "--quick") {
            o.repeats = 2;
            o.sequential = 300;
            o.in_flight_total = 2000;
            o.pushes = 2000;
            o.connections = 50;
            o.memory_repeats = 1;
        } else {
            std::cerr << "usage: e2e_bench [--repeats N] [--connections K] [--quick] [--throughput-only] [--json FILE]\n";
            std::exit(2);
        }
    }
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    auto opts = parse(argc, argv);
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max; // K connections need K descriptors here, K in the server
    setrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < rlim_t(opts.connections) + 64) {
        std::cerr << "e2e_bench: --connections " << opts.connections << " needs more open files than "
                  << files.rlim_cur << "\n";
        return 2;
    }

    int control = -1;
    auto [ws_port, wss_port] = start_server(control);
    pin_to_cpu(0);
    std::printf("e2e_bench: server pid child on 127.0.0.1:%u (ws) and :%u (wss); %d repeats; medians (min..max)\n",
        ws_port, wss_port, opts.repeats);

    std::vector<Figure> figures;
    if (opts.memory)
        many_connections(opts, ws_port, wss_port, figures); // first: this process is still small
    throughput<false>(opts, ws_port, figures);
    throughput<true>(opts, wss_port, figures);

    close(control); // the server exits
    wait(nullptr);
    if (!opts.json_file.empty()) {
        std::ofstream(opts.json_file) << json{{"figures", to_json(figures)}}.dump(2) << "\n";
        std::printf("e2e_bench: wrote %s\n", opts.json_file.c_str());
    }
    return 0;
}
