// rtm-cli end to end: the real binary, run as a child process against a MockServer on
// loopback (served by a thread of this test), checked by its exit code, stdout and stderr.

#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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
};

/// Runs rtm-cli with `args`, bounded by coreutils' timeout, and collects what it printed.
Result run_cli(const std::vector<std::string>& args)
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
    while (open_fds > 0 && poll(fds, 2, -1) > 0) {
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
    void serve()
    {
        io_ = std::thread([this] { ioc_.run_for(std::chrono::seconds(60)); });
    }
    void stop()
    {
        if (!io_.joinable())
            return;
        asio::post(ioc_, [this] { server_->stop(); });
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

TEST_F(CliTest, BadCommandLinesExit64WithAReason)
{
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    std::vector<Case> cases = {
        {{"call", "get_chats_summary"}, "token is required"},
        {{"--token", "t", "call", "x"}, "exactly one of --url and --license-id"},
        {{"--token", "t", "--url", "ws://h/", "--license-id", "1", "call", "x"}, "exactly one"},
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
