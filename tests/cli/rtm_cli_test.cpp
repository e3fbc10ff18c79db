// rtm-cli end to end: the real binary, run as a child process against a MockServer on
// loopback (served by a thread of this test), checked by its exit code, stdout and stderr.

#include "sanitizers.hpp"

#include <livechat/rtm/v3_0/version.hpp>
#include <livechat/rtm/default_version.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/testing/hostile_server.hpp>
#include <livechat/rtm/testing/mock_accounts_server.hpp>
#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace asio = boost::asio;
using livechat::rtm::testing::MockServer;
using livechat::rtm::testing::MockServerConfig;
using livechat::rtm::testing::Reaction;
using nlohmann::json;

struct Result {
    int exit_code = -1;
    std::string out;
    std::string err;
    /// With a signal condition: seconds from SIGTERM to the child's end (or -1: never sent).
    double seconds_after_sigterm = -1;
};

/// Runs rtm-cli with `args`, bounded by coreutils' timeout, and collects what it printed.
/// With `sigterm_when`, SIGTERM is sent (through timeout, which forwards it) once the output
/// so far satisfies it.
Result run_cli(const std::vector<std::string>& args,
    const std::function<bool(const Result&)>& sigterm_when = {})
{
    std::vector<std::string> argv_s = {"timeout", "20", RTM_CLI_PATH};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    pid_t pid = 0;
    int spawned = posix_spawnp(&pid, "timeout", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    Result r;
    if (spawned != 0)
        return r;
    // Read both pipes until the child closes them (it exits, or timeout kills it).
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_fds = 2;
    std::optional<std::chrono::steady_clock::time_point> signalled;
    while (open_fds > 0) {
        if (sigterm_when && !signalled && sigterm_when(r)) {
            kill(pid, SIGTERM);
            signalled = std::chrono::steady_clock::now();
        }
        if (poll(fds, 2, 100) < 0)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char buf[4096];
            auto n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (signalled)
        r.seconds_after_sigterm =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - *signalled).count();
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> v;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty())
            v.push_back(l);
    return v;
}

/// A mock server served by a background thread. Script it before `serve()`; read its state
/// only after `stop()`.
class CliTest : public ::testing::Test {
protected:
    void start(MockServerConfig cfg = {})
    {
        server_.emplace(ioc_.get_executor(), std::move(cfg));
        ASSERT_FALSE(server_->start());
    }
    MockServer& server() { return *server_; }
    /// A mock Accounts API on the same thread, sharing the RTM mock's token table.
    void start_with_accounts()
    {
        livechat::rtm::testing::MockAccountsConfig ac;
        ac.issued_tokens = std::make_shared<livechat::rtm::testing::IssuedTokens>();
        MockServerConfig cfg;
        cfg.issued_tokens = ac.issued_tokens;
        start(cfg);
        accounts_.emplace(ioc_.get_executor(), ac);
        ASSERT_FALSE(accounts_->start());
    }
    livechat::rtm::testing::MockAccountsServer& accounts() { return *accounts_; }
    void serve()
    {
        io_ = std::thread([this] { ioc_.run_for(std::chrono::seconds(60)); });
    }
    void stop()
    {
        if (!io_.joinable())
            return;
        asio::post(ioc_, [this] {
            server_->stop();
            if (accounts_)
                accounts_->stop();
        });
        guard_.reset();
        io_.join();
    }
    void TearDown() override { stop(); }

    std::string temp_file(const std::string& content)
    {
        std::string path = ::testing::TempDir() + "rtm_cli_test_" + std::to_string(getpid()) + "_" +
                           std::to_string(files_++);
        std::ofstream(path) << content;
        return path;
    }

private:
    asio::io_context ioc_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_ = asio::make_work_guard(ioc_);
    std::optional<MockServer> server_;
    std::optional<livechat::rtm::testing::MockAccountsServer> accounts_;
    std::thread io_;
    int files_ = 0;
};

TEST_F(CliTest, CallPrintsTheResponsePayloadOnStdoutAndExitsZero)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "get_chats_summary", R"({"limit":5})"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto out = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(out.is_object()) << r.out;
    EXPECT_EQ(out["total_chats"], 0);
    EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, CallOnA3_6UrlSpeaks3_6)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url_v3_6(), "--token", "t0k3n", "call", "list_chats", "{}"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto out = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(out.is_object()) << r.out;
    EXPECT_TRUE(out.contains("chats_summary")) << r.out;
    EXPECT_EQ(out["total_chats"], 0);
    // The same action name means nothing to the v3.0 service: the URL chose the version.
    auto old = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "list_chats", "{}"});
    EXPECT_EQ(old.exit_code, 1) << old.err;
}

TEST_F(CliTest, VerbosePrintsALifecycleHeaderOnce)
{
    MockServerConfig mc;
    mc.handshake_headers = {{"Legacy", "2027-06-30"}};
    start(mc);
    serve();
    auto r = run_cli({"--verbose", "--url", server().url_v3_6(), "--token", "t0k3n", "call", "list_chats"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto first = r.err.find("Legacy: 2027-06-30");
    EXPECT_NE(first, std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("Legacy: 2027-06-30", first + 1), std::string::npos);
}

TEST_F(CliTest, CallSendsTheGivenPayload)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "update_customer",
        R"({"name":"Ann Example"})"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    stop();
    EXPECT_NE(server().customer_json().find("Ann Example"), std::string::npos);
}

TEST_F(CliTest, ServerErrorPrintsItsJsonOnStderrAndExitsOne)
{
    start();
    server().script("get_form", Reaction::fail("group_offline", "nobody is there", R"({"group_id":3})"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "get_form", R"({"group_id":3})"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    auto err = json::parse(r.err, nullptr, false);
    ASSERT_TRUE(err.is_object()) << r.err;
    EXPECT_EQ(err["type"], "group_offline");
    EXPECT_EQ(err["message"], "nobody is there");
    EXPECT_EQ(err["data"]["group_id"], 3);
}

TEST_F(CliTest, BadTokenExitsTwoWithoutShowingTheToken)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "invalid-s3cret", "call", "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("login failed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("authentication"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnreachableServerExitsTwo)
{
    // A port that was free a moment ago and has no listener now.
    asio::io_context probe;
    asio::ip::tcp::acceptor a(probe, {asio::ip::make_address("127.0.0.1"), 0});
    auto port = a.local_endpoint().port();
    a.close();
    auto r = run_cli({"--url", "ws://127.0.0.1:" + std::to_string(port) + "/v3.0/customer/rtm/ws", "--token",
        "t0k3n", "call", "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("cannot connect"), std::string::npos) << r.err;
}

TEST_F(CliTest, ConnectionCutDuringTheCallExitsTwo)
{
    start();
    server().script("get_chats_summary", Reaction::cut());
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("get_chats_summary failed"), std::string::npos) << r.err;
}

TEST_F(CliTest, TokenFileIsReadAndItsBearerPrefixAndNewlineDropped)
{
    start();
    serve();
    auto path = temp_file("Bearer t0k3n-from-file\n");
    auto r = run_cli({"--url", server().url(), "--token-file", path, "call", "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    stop();
    ASSERT_FALSE(server().received().empty());
    EXPECT_EQ(json::parse(server().received().front().payload_json)["token"], "Bearer t0k3n-from-file");
}

TEST_F(CliTest, VerbosePrintsFramesWithTheTokenRedacted)
{
    start();
    serve();
    auto r = run_cli({"--verbose", "--url", server().url(), "--token", "very-s3cret-token", "call",
        "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(R"(> {"action":"login")"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("<redacted>"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(R"(< {"action":"get_chats_summary")"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
}

TEST_F(CliTest, WssWithTheMockCertificateFromCaFile)
{
    MockServerConfig cfg;
    cfg.tls = true;
    start(cfg);
    serve();
    auto ca = temp_file(MockServer::test_certificate_pem());
    auto r = run_cli({"--url", server().url(), "--ca-file", ca, "--token", "t0k3n", "call", "get_chats_summary"});
    EXPECT_EQ(r.exit_code, 0) << r.err;

    auto untrusted = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "get_chats_summary"});
    EXPECT_EQ(untrusted.exit_code, 2);
    EXPECT_NE(untrusted.err.find("cannot connect"), std::string::npos) << untrusted.err;
}

TEST_F(CliTest, ListenPrintsEachPushAsOneJsonLineUntilCount)
{
    start();
    server().script("login", Reaction::answer()
                                 .push_after("incoming_event", R"({"chat_id":"C1","event":{"type":"message","text":"one"}})")
                                 .push_after("incoming_typing_indicator", R"({"chat_id":"C1"})")
                                 .push_after("incoming_event", R"({"chat_id":"C1","event":{"type":"message","text":"three"}})"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "listen", "--count", "2"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto got = lines(r.out);
    ASSERT_EQ(got.size(), 2u) << r.out;
    auto first = json::parse(got[0]);
    EXPECT_EQ(first["action"], "incoming_event");
    EXPECT_EQ(first["payload"]["event"]["text"], "one");
    EXPECT_EQ(json::parse(got[1])["action"], "incoming_typing_indicator");
}

TEST_F(CliTest, ListenEndsAfterTheGivenSeconds)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "listen", "--seconds", "0.2"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, ListenWithABadTokenExitsTwoInsteadOfRetrying)
{
    start();
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "invalid-x", "listen"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("login failed"), std::string::npos) << r.err;
}

TEST_F(CliTest, ListenExitsTwoWhenTheServerEndsTheSessionForGood)
{
    start();
    server().script("login", Reaction::answer().push_after("customer_disconnected", R"({"reason":"customer_banned"})"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "listen"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("connection ended"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("customer_disconnected"), std::string::npos) << r.out;
}

TEST_F(CliTest, ClientIdGetsItsOwnTokenAndTheIdentityFileKeepsTheCustomer)
{
    start_with_accounts();
    serve();
    const std::string org = "00000000-0000-4000-8000-000000000001";
    auto base = std::vector<std::string>{"--accounts-url", accounts().url(), "--client-id", "C", "--organization-id", org,
        "--url", server().url_v3_6()};
    auto once = base;
    once.insert(once.end(), {"call", "list_chats", "{}"});
    auto r = run_cli(once);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("chats_summary"), std::string::npos) << r.out;

    auto identity = temp_file("");
    std::remove(identity.c_str());
    auto who = base;
    who.insert(who.end(), {"--identity-file", identity, "call", "get_customer", "{}"});
    auto first = run_cli(who);
    auto second = run_cli(who);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_EQ(second.exit_code, 0) << second.err;
    auto id = [](const std::string& out) { return json::parse(out).value("id", std::string()); };
    EXPECT_FALSE(id(first.out).empty()) << first.out;
    EXPECT_EQ(id(first.out), id(second.out)) << "both runs are the same customer";
    auto third = run_cli(once); // no identity file: a new customer
    EXPECT_EQ(third.exit_code, 0);
    stop();
    EXPECT_EQ(accounts().customers(), 3u);
    // The identity file is the customer's secret: owner-only.
    struct stat st {};
    ASSERT_EQ(::stat(identity.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::remove(identity.c_str());
}

TEST_F(CliTest, UploadSendsAFileAndOptionallyPutsItInAChat)
{
    start();
    serve();
    auto file = temp_file(std::string(100000, 'x'));
    auto r = run_cli({"--url", server().url_v3_6(), "--token", "t0k3n", "upload", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto url = json::parse(r.out).value("url", std::string());
    EXPECT_EQ(url.rfind("https://cdn.livechat-files.com/", 0), 0u) << r.out;

    auto chat = run_cli({"--url", server().url_v3_6(), "--token", "t0k3n", "call", "start_chat", "{}"});
    ASSERT_EQ(chat.exit_code, 0) << chat.err;
    auto chat_id = json::parse(chat.out).value("chat_id", std::string());
    auto sent = run_cli({"--url", server().url_v3_6(), "--token", "t0k3n", "upload", file, "--chat-id", chat_id});
    ASSERT_EQ(sent.exit_code, 0) << sent.err;
    EXPECT_NE(sent.out.find("event_id"), std::string::npos) << sent.out;

    auto big = temp_file(std::string(11 * 1024 * 1024, 'x'));
    auto refused = run_cli({"--url", server().url_v3_6(), "--token", "t0k3n", "upload", big});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("10 MB"), std::string::npos) << refused.err;
    std::remove(big.c_str());
    stop();
    EXPECT_EQ(server().uploads().size(), 2u);
}

TEST_F(CliTest, BadCommandLinesExit64WithAReason)
{
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    std::vector<Case> cases = {
        {{"call", "get_chats_summary"}, "token is required"},
        {{"--token", "t", "call", "x"}, "give --url, --organization-id or --license-id"},
        {{"--token", "t", "--organization-id", "o", "--license-id", "1", "call", "x"}, "give --url"},
        {{"--token", "t", "--url", "ws://h/", "--api-version", "3.1", "call", "x"}, "must be 3.0 or 3.6"},
        {{"--token", "t", "--url", "ws://h/v3.0/customer/rtm/ws", "--api-version", "3.6", "call", "x"}, "does not match"},
        {{"--token", "t", "--license-id", "1", "--api-version", "3.6", "call", "x"}, "does not match"},
        {{"--token", "t", "--url", "ws://h/", "--license-id", "1", "--organization-id", "o", "call", "x"}, "not both"},
        {{"--client-id", "c", "--url", "ws://h/", "call", "x"}, "needs --organization-id"},
        {{"--client-id", "c", "--token", "t", "--organization-id", "o", "call", "x"}, "not both"},
        {{"--token", "t", "--identity-file", "f", "--url", "ws://h/", "call", "x"}, "need --client-id"},
        {{"--token", "t", "--url", "ws://h/", "upload"}, "needs a FILE"},
        {{"--token", "t", "--url", "ws://h/", "upload", "f", "--bogus"}, "unknown upload option"},
        {{"--token", "t", "--url", "ws://h/", "call"}, "needs an ACTION"},
        {{"--token", "t", "--url", "ws://h/", "call", "a", "{not json"}, "JSON object"},
        {{"--token", "t", "--url", "ws://h/", "call", "a", "[1]"}, "JSON object"},
        {{"--token", "t", "--url", "ws://h/"}, "missing command"},
        {{"--token", "t", "--url", "ws://h/", "listen", "--count", "-1"}, "non-negative"},
        {{"--bogus"}, "unknown option"},
        {{"--token-file", "/nonexistent/file", "--url", "ws://h/", "call", "a"}, "cannot read"},
    };
    for (const auto& c : cases) {
        auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, 64) << c.says;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    }
    auto help = run_cli({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("usage: rtm-cli"), std::string::npos);
}

} // namespace

namespace {

TEST_F(CliTest, ListenReconnectsAfterTheServerDropsItAndKeepsPrinting)
{
    MockServerConfig cfg;
    cfg.idle_timeout = std::chrono::milliseconds(300); // shorter than the CLI's 15 s pings
    start(cfg);
    server().script("login", Reaction::answer().push_after("incoming_event", R"({"chat_id":"C1","n":1})"));
    server().script("login", Reaction::answer().push_after("incoming_event", R"({"chat_id":"C1","n":2})"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "listen", "--count", "3"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto got = lines(r.out); // 1, the server's customer_disconnected, then 2 after the re-login
    ASSERT_EQ(got.size(), 3u) << r.out;
    EXPECT_EQ(json::parse(got[0])["payload"]["n"], 1);
    EXPECT_EQ(json::parse(got[1])["action"], "customer_disconnected");
    EXPECT_EQ(json::parse(got[2])["payload"]["n"], 2);
    EXPECT_NE(r.err.find("reconnecting"), std::string::npos) << r.err;
}

} // namespace

// ---- issue 10: hostile servers, hostile input, secrets ----------------------------------------

namespace {

using livechat::rtm::testing::HostileServer;
using livechat::rtm::testing::HostileStep;

/// A HostileServer served by a background thread for the length of one test.
class HostileThread {
public:
    explicit HostileThread(std::vector<HostileStep> script) : server_(ioc_.get_executor(), std::move(script))
    {
        EXPECT_FALSE(server_.start());
        url_ = server_.url();
        io_ = std::thread([this] { ioc_.run_for(std::chrono::seconds(60)); });
    }
    ~HostileThread()
    {
        asio::post(ioc_, [this] { server_.stop(); });
        guard_.reset();
        io_.join();
    }
    const std::string& url() const { return url_; }

private:
    asio::io_context ioc_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_ = asio::make_work_guard(ioc_);
    HostileServer server_;
    std::string url_;
    std::thread io_;
};

std::vector<HostileStep> after_login(std::vector<HostileStep> steps)
{
    auto all = HostileStep::handshake_and_login();
    all.insert(all.end(), steps.begin(), steps.end());
    return all;
}

// rtm-cli's close_timeout is the library default (3 s): every stop ends within it plus a second.
constexpr double close_bound_s = 3.0 + 1.0;

const char* const a_push = R"({"type":"push","action":"incoming_typing_indicator","payload":{}})";

} // namespace

TEST(CliHostile, SigtermEndsListenWhileATruncatedFrameIsOpenAndTheServerAnswersCloseThenFin)
{
    HostileThread server(after_login({HostileStep::text(a_push), HostileStep::truncated_frame(1000, "abc"),
        HostileStep::await_close(), HostileStep::send_close(), HostileStep::fin(), HostileStep::stall()}));
    auto r = run_cli({"--url", server.url(), "--token", "t0k3n", "listen"},
        [](const Result& so_far) { return so_far.out.find('\n') != std::string::npos; });
    ASSERT_GE(r.seconds_after_sigterm, 0) << r.err;
    EXPECT_LT(r.seconds_after_sigterm, close_bound_s) << r.err;
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliHostile, SigtermEndsListenWhenTheServerNeverAnswersAnything)
{
    HostileThread server(after_login({HostileStep::text(a_push), HostileStep::truncated_frame(std::uint64_t(1) << 63, "abc"),
        HostileStep::stall()}));
    auto r = run_cli({"--url", server.url(), "--token", "t0k3n", "listen"},
        [](const Result& so_far) { return so_far.out.find('\n') != std::string::npos; });
    ASSERT_GE(r.seconds_after_sigterm, 0) << r.err;
    EXPECT_LT(r.seconds_after_sigterm, close_bound_s) << r.err;
}

TEST(CliHostile, ListenSecondsEndsDespiteATruncatedFrameCloseRace)
{
    HostileThread server(after_login({HostileStep::truncated_frame(1000, "abc"), HostileStep::await_close(),
        HostileStep::send_close(), HostileStep::fin(), HostileStep::stall()}));
    auto started = std::chrono::steady_clock::now();
    auto r = run_cli({"--url", server.url(), "--token", "t0k3n", "listen", "--seconds", "0.3"});
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_LT(took, 0.3 + close_bound_s) << r.err;
}

TEST(CliHostile, CallTimesOutAndEndsWhenAFrameAnnouncesTwoToTheSixtyThreeBytes)
{
    HostileThread server(after_login({HostileStep::truncated_frame(std::uint64_t(1) << 63, "abc"), HostileStep::stall()}));
    auto started = std::chrono::steady_clock::now();
    auto r = run_cli({"--url", server.url(), "--token", "t0k3n", "--timeout", "0.3", "call", "get_customer"});
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("timed out"), std::string::npos) << r.err;
    EXPECT_LT(took, 0.3 + close_bound_s) << r.err;
}

TEST_F(CliTest, RedactionEndsWhenTheTokenIsPartOfItsOwnReplacement)
{
    start();
    serve();
    // "t", "red" and "<redacted>" all occur in "<redacted>": the old loop never finished.
    for (std::string token : {"t", "red", "<redacted>"}) {
        auto r = run_cli({"--url", server().url(), "--token", token, "--verbose", "call", "get_chats_summary"});
        EXPECT_EQ(r.exit_code, 0) << token << ": " << r.err;
        if (token == "t") { // "total_chats" has a 't'
            EXPECT_NE(r.out.find("<redacted>"), std::string::npos) << r.out;
        }
    }
}

TEST_F(CliTest, DurationsAndCountsOutOfRangeAreUsageErrors)
{
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"--timeout", "inf", "call", "x"}, {"--timeout", "1e300", "call", "x"},
             {"--timeout", "1e-9", "call", "x"}, {"--timeout", "nan", "call", "x"},
             {"listen", "--seconds", "1e300"}, {"listen", "--seconds", "inf"},
             {"listen", "--count", "1e300"}, {"listen", "--count", "2.5"},
             {"--license-id", "1e300", "call", "x"}}) {
        std::vector<std::string> full = {"--token", "t"};
        if (args.front() != "--license-id") {
            full.push_back("--url");
            full.push_back("ws://127.0.0.1:1/");
        }
        full.insert(full.end(), args.begin(), args.end());
        auto r = run_cli(full);
        EXPECT_EQ(r.exit_code, 64) << args[0] << " " << args[1] << ": " << r.err;
    }
}

TEST_F(CliTest, AnOversizedResponseIsReportedAsSuchNotAsALostConnection)
{
    start();
    server().script("get_customer", Reaction::respond(R"({"blob":")" + std::string(5 << 20, 'x') + R"("})"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "call", "get_customer"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("exceeded the configured maximum"), std::string::npos) << r.err;
}

TEST_F(CliTest, VerboseNeverWritesControlBytesToTheTerminal)
{
    start();
    server().script("get_customer", Reaction::garbage("\x1b[2J\x07\xc2\x9b boom"));
    serve();
    auto r = run_cli({"--url", server().url(), "--token", "t0k3n", "--timeout", "0.5", "--verbose", "call", "get_customer"});
    EXPECT_NE(r.err.find("boom"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\x07'), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\xc2\x9b"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\\x1b"), std::string::npos) << r.err;
}

/// Every printed form of `token` (as it is and JSON-escaped) is absent from `text`.
void expect_no_token(const std::string& text, const std::string& token, const std::string& where)
{
    std::string escaped = json(token).dump();
    escaped = escaped.substr(1, escaped.size() - 2);
    std::string slash_escaped = escaped;
    for (auto at = slash_escaped.find('/'); at != std::string::npos; at = slash_escaped.find('/', at + 2))
        slash_escaped.replace(at, 1, "\\/");
    for (const auto& form : {token, escaped, slash_escaped})
        EXPECT_EQ(text.find(form), std::string::npos) << where << " shows the token as " << form << ":\n" << text;
}

// The server echoes the token everywhere it can: the call result, a push, an error's message
// and data, a disconnect reason and its data; rtm-cli runs verbose. No output shows it.
TEST_F(CliTest, AnEchoedTokenNeverReachesAnyOutputInAnyForm)
{
    const std::string token = R"(s3"cr\et/tok)";
    const std::string in_json = json(token).dump(); // a JSON string literal of the token
    const std::string echo = R"({"token":)" + in_json + R"(,"nested":{"again":)" + in_json + "}}";
    start();
    server().script("get_customer", Reaction::respond(echo).push_before("incoming_typing_indicator", echo));
    server().script("get_form", Reaction::fail("validation", token, echo));
    server().script("login", Reaction::answer()
        .push_after("incoming_event", echo)
        .push_after("customer_disconnected", R"({"reason":)" + in_json + R"(,"data":)" + echo + "}"));
    serve();
    // The first login is the listener's; the calls log in after it.
    auto listen = run_cli({"--url", server().url(), "--token", token, "--verbose", "listen", "--seconds", "1"});
    auto ok = run_cli({"--url", server().url(), "--token", token, "--verbose", "call", "get_customer"});
    auto failed = run_cli({"--url", server().url(), "--token", token, "--verbose", "call", "get_form"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(failed.exit_code, 1) << failed.err;
    EXPECT_NE(listen.out.find("incoming_event"), std::string::npos) << listen.out << listen.err;
    EXPECT_NE(ok.out.find("<redacted>"), std::string::npos) << ok.out;
    for (const auto* r : {&listen, &ok, &failed}) {
        expect_no_token(r->out, token, "stdout");
        expect_no_token(r->err, token, "stderr");
    }
}

// SIGTERM ends rtm-cli within close_timeout plus a second in every state: connecting (the
// server never answers the upgrade), authorizing (it never answers the login), logged in.
TEST(CliHostile, SigtermEndsItInEveryState)
{
    struct Case {
        const char* state;
        std::vector<HostileStep> script;
        std::function<bool(const Result&)> ready_for_signal;
    };
    auto login_sent = [](const Result& r) { return r.err.find("> {\"action\":\"login\"") != std::string::npos; };
    auto started = std::make_shared<std::chrono::steady_clock::time_point>();
    auto a_moment_later = [started](const Result&) {
        // Nothing is printed while the upgrade is unanswered: wait a bounded moment.
        return std::chrono::steady_clock::now() - *started > std::chrono::milliseconds(300);
    };
    auto upgrade_only = HostileStep::handshake();
    upgrade_only.resize(1); // reads the upgrade request, never answers it
    upgrade_only.push_back(HostileStep::stall());
    auto no_login = HostileStep::handshake();
    no_login.push_back(HostileStep::stall());
    std::vector<Case> cases = {
        {"connecting", upgrade_only, a_moment_later},
        {"authorizing", no_login, login_sent},
        {"ready", after_login({HostileStep::text(a_push), HostileStep::stall()}),
            [](const Result& r) { return r.out.find('\n') != std::string::npos; }},
    };
    for (auto& c : cases) {
        HostileThread server(c.script);
        *started = std::chrono::steady_clock::now();
        auto r = run_cli({"--url", server.url(), "--token", "t0k3n", "--verbose", "listen"}, c.ready_for_signal);
        ASSERT_GE(r.seconds_after_sigterm, 0) << c.state << ": " << r.err;
        EXPECT_LT(r.seconds_after_sigterm, close_bound_s) << c.state << ": " << r.err;
        EXPECT_NE(r.exit_code, 124) << c.state << ": killed by timeout";
    }
}

// Issue 10: rtm-mock-server kept every request in memory (161 MB after 20,000 requests of
// 8 KB). Its memory must stay flat however many requests it answers.
namespace {
long rss_kib(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}
} // namespace

TEST(MockServerBinary, MemoryStaysFlatUnderManyRequests)
{
#ifdef LIVECHAT_RTM_TEST_ASAN
    GTEST_SKIP() << "ASan's allocator and shadow memory make RSS meaningless; the normal suite checks it";
#endif
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<std::string> argv_s = {"timeout", "60", RTM_MOCK_SERVER_PATH};
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t wrapper = 0;
    ASSERT_EQ(posix_spawnp(&wrapper, "timeout", &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string url;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') // the server prints its URL first
        url += c;
    ASSERT_EQ(url.rfind("ws://", 0), 0u) << url;
    // timeout(1) forks the server as its only child: find it to read its memory.
    pid_t server_pid = -1;
    std::ifstream children("/proc/" + std::to_string(wrapper) + "/task/" + std::to_string(wrapper) + "/children");
    children >> server_pid;
    ASSERT_GT(server_pid, 0);

    asio::io_context ioc;
    livechat::rtm::ClientConfig cfg;
    cfg.url = url;
    cfg.token_provider = livechat::rtm::static_token("t0k3n");
    cfg.reconnect.enabled = false;
    livechat::rtm::v3_0::RtmClient client(ioc, cfg);
    client.async_run([](livechat::rtm::error_code) {});
    const json padded = {{"limit", 1}, {"padding", std::string(8 * 1024, 'x')}};
    auto send_batch = [&](int n) {
        int done = 0, failed = 0;
        for (int i = 0; i < n; ++i)
            client.async_call("get_chats_summary", padded, [&](livechat::rtm::error_code ec, json) {
                ++done;
                failed += ec ? 1 : 0;
            });
        auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (done < n && std::chrono::steady_clock::now() < end)
            ioc.run_one_for(std::chrono::milliseconds(10));
        EXPECT_EQ(done, n);
        EXPECT_EQ(failed, 0);
    };
    send_batch(500); // warm up: buffers and allocator pools reach their working size
    long before = rss_kib(server_pid);
    for (int i = 0; i < 6; ++i)
        send_batch(500); // 24 MB of requests in all, within the client's queue bound
    long after = rss_kib(server_pid);
    kill(wrapper, SIGTERM);
    int status = 0;
    waitpid(wrapper, &status, 0);
    close(out[0]);
    ASSERT_GT(before, 0);
    EXPECT_LT(after - before, 8 * 1024) << "RSS grew from " << before << " KiB to " << after << " KiB";
}
