// The mock service's own contract, seen through a raw client.

#include "sanitizers.hpp"
#include "test_support.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/testing/scripted_agent.hpp>

#include <boost/asio/ip/tcp.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;

namespace {
struct Ready {
    asio::io_context ioc;
    MockServer server;
    rtm::v3_0::RtmClient client;
    bool ended = false;
    rtm::error_code run_ec;
    explicit Ready(MockServerConfig mc = {})
        : server(ioc.get_executor(), mc), client(ioc, (server.start(), fast_config(server)))
    {
        client.async_run([this](rtm::error_code ec) {
            ended = true;
            run_ec = ec;
        });
        run_until(ioc, [&] { return client.state() == rtm::SessionState::ready; });
    }
    std::pair<rtm::error_code, json> call(std::string action, json payload = json::object())
    {
        std::optional<std::pair<rtm::error_code, json>> out;
        client.async_call(action, std::move(payload),
            [&](rtm::error_code ec, json j) { out.emplace(ec, std::move(j)); });
        run_until(ioc, [&] { return out.has_value(); });
        return out.value_or(std::pair{rtm::error_code(rtm::error::deadline_exceeded), json()});
    }
};
} // namespace

TEST(MockServer, AnswersChatsSummaryAndProtocolPing)
{
    Ready r;
    auto [ec, summary] = r.call("get_chats_summary");
    EXPECT_FALSE(ec);
    EXPECT_EQ(summary, json::parse(R"({"chats_summary":[],"total_chats":0})"));
    auto [pec, pong] = r.call("ping");
    EXPECT_FALSE(pec);
}

TEST(MockServer, RejectsUnknownActionsWithValidation)
{
    Ready r;
    auto [ec, payload] = r.call("no_such_action");
    EXPECT_EQ(ec, rtm::error::validation);
    EXPECT_EQ(payload["error"]["message"], "unknown action");
}

TEST(MockServer, CountsConnectionsAndLogins)
{
    Ready r;
    EXPECT_EQ(r.server.connections_accepted(), 1u);
    EXPECT_EQ(r.server.open_connections(), 1u);
    EXPECT_EQ(r.server.logged_in_connections(), 1u);
    r.client.cancel();
    ASSERT_TRUE(run_until(r.ioc, [&] { return r.server.open_connections() == 0; }));
}

// A server that ran out of descriptors accepts again once they are back (its accept loop used
// to end at the first failed accept, leaving every later client waiting in the backlog).
TEST(MockServer, KeepsAcceptingAfterRunningOutOfDescriptors)
{
#if defined(LIVECHAT_RTM_TEST_ASAN) || defined(LIVECHAT_RTM_TEST_TSAN)
    // The sanitizers need descriptors themselves (UBSan opens a pipe to probe memory when it
    // checks a virtual call): with none left they report errors that are not there.
    GTEST_SKIP() << "needs a process that may run out of descriptors; not under sanitizers";
#endif
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    struct Restore {
        rlimit limit;
        ~Restore() { ::setrlimit(RLIMIT_NOFILE, &limit); }
    } restore{saved};
    // Leave one descriptor free: the client's socket takes it, so the server's accept fails.
    int lowest_free = ::open("/dev/null", O_RDONLY);
    ASSERT_GE(lowest_free, 0);
    ::close(lowest_free);
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(lowest_free) + 1;
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &tight), 0);
    asio::ip::tcp::socket client(ioc);
    rtm::error_code ec;
    client.connect({asio::ip::make_address("127.0.0.1"), server.port()}, ec);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_TRUE(run_until(ioc, [&] { return server.accept_failures() > 0; }));
    EXPECT_EQ(server.connections_accepted(), 0u);
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
    ASSERT_TRUE(run_until(ioc, [&] { return server.connections_accepted() == 1; }));
    // And it goes on serving: a client logs in.
    rtm::v3_0::RtmClient customer(ioc, fast_config(server));
    customer.async_run([](rtm::error_code) {});
    EXPECT_TRUE(run_until(ioc, [&] { return customer.state() == rtm::SessionState::ready; }));
    customer.cancel();
    run_until(ioc, [&] { return server.logged_in_connections() == 0; });
}

TEST(MockServer, CloseAllEndsTheClientRun)
{
    Ready r;
    r.server.close_all();
    ASSERT_TRUE(run_until(r.ioc, [&] { return r.ended; }));
    EXPECT_EQ(r.run_ec, rtm::error::connection_lost);
}

TEST(MockServer, ScriptedReactionsAreUsedInOrderThenDefaultsResume)
{
    Ready r;
    r.server.script("get_form", rtm::testing::Reaction::respond(R"({"enabled":true})"));
    r.server.script("get_form", rtm::testing::Reaction::fail("not_found", "x"));
    EXPECT_EQ(r.call("get_form").second["enabled"], true);
    EXPECT_EQ(r.call("get_form").first, rtm::error::not_found);
    EXPECT_FALSE(r.call("get_form").first);
}

TEST(MockServer, CertificateIsPem)
{
    EXPECT_NE(MockServer::test_certificate_pem().find("BEGIN CERTIFICATE"), std::string::npos);
}

TEST(MockServer, ScriptedCloseEndsTheConnectionAndFailsTheRequest)
{
    Ready r;
    r.server.script("get_form", rtm::testing::Reaction::close());
    auto [ec, payload] = r.call("get_form");
    EXPECT_EQ(ec, rtm::error::connection_lost);
    ASSERT_TRUE(run_until(r.ioc, [&] { return r.ended; }));
    EXPECT_EQ(r.run_ec, rtm::error::connection_lost);
}

TEST(MockServer, ScriptedCutDropsTheConnectionAndFailsTheRequest)
{
    Ready r;
    r.server.script("get_form", rtm::testing::Reaction::cut());
    auto [ec, payload] = r.call("get_form");
    EXPECT_EQ(ec, rtm::error::connection_lost);
    ASSERT_TRUE(run_until(r.ioc, [&] { return r.ended; }));
}

// Issue 15's drop point: the server stored the event, the answer never reached the client.
TEST(MockServer, ApplyThenCutStoresTheEventAndDropsTheAnswer)
{
    Ready r;
    auto [sec, started] = r.call("start_chat", json::parse(R"({"chat":{}})"));
    ASSERT_FALSE(sec);
    std::string chat_id = started["chat"]["id"];
    r.server.script("send_event", rtm::testing::Reaction::apply_then_cut());
    auto [ec, payload] = r.call("send_event",
        json{{"chat_id", chat_id}, {"event", {{"type", "message"}, {"text", "sent once"}, {"custom_id", "m-1"}}}});
    EXPECT_EQ(ec, rtm::error::connection_lost);
    ASSERT_TRUE(run_until(r.ioc, [&] { return r.ended; }));
    EXPECT_EQ(r.run_ec, rtm::error::connection_lost);
    EXPECT_EQ(r.server.count("send_event"), 1u);
    int stored = 0;
    auto chat = json::parse(r.server.chat_json(chat_id));
    for (const auto& thread : chat["threads"])
        for (const auto& event : thread["events"])
            if (event.value("custom_id", "") == "m-1") {
                ++stored;
                EXPECT_EQ(event["text"], "sent once");
            }
    EXPECT_EQ(stored, 1) << chat.dump();
}

TEST(MockServer, DelayedResponseComesAfterTheDelay)
{
    Ready r;
    r.server.script("get_form",
        rtm::testing::Reaction::respond(R"({"enabled":false})").after(std::chrono::milliseconds(150)));
    auto start = std::chrono::steady_clock::now();
    auto [ec, payload] = r.call("get_form");
    EXPECT_FALSE(ec);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
}

TEST(MockServer, TokenPolicyIsConfigurable)
{
    MockServerConfig mc;
    mc.accept_token = [](std::string_view token) { return token == "Bearer secret"; };
    asio::io_context ioc;
    MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    for (auto [token, expected] : {std::pair{"secret", rtm::error_code()},
             std::pair{"other", rtm::error_code(rtm::error::authentication)}}) {
        auto cfg = fast_config(server);
        cfg.token_provider = rtm::static_token(token);
        rtm::v3_0::RtmClient client(ioc, cfg);
        std::optional<rtm::error_code> login;
        client.async_run([](rtm::error_code) {});
        client.async_login({}, [&](rtm::error_code ec, auto) { login = ec; });
        ASSERT_TRUE(run_until(ioc, [&] { return login.has_value(); }));
        EXPECT_EQ(*login, expected) << token;
    }
}

TEST(ScriptedAgent, AnswersEachCustomerMessageAfterTypingAndIgnoresOtherRequests)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rtm::testing::ScriptedAgentConfig agent_cfg;
    agent_cfg.replies = {"first", "second"};
    agent_cfg.typing_after = std::chrono::milliseconds(1);
    agent_cfg.reply_after = std::chrono::milliseconds(5);
    rtm::testing::ScriptedAgent agent(server, agent_cfg);

    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    std::vector<std::string> seen; // typing and agent texts, in order
    auto typing = client.pushes().on<rtm::v3_0::IncomingTypingIndicator>(
        [&](const rtm::v3_0::IncomingTypingIndicator& t) { seen.push_back(t.typing_indicator.is_typing ? "typing" : "stopped"); });
    auto events = client.pushes().on<rtm::v3_0::IncomingEvent>([&](const rtm::v3_0::IncomingEvent& e) {
        if (e.event && rtm::v3_0::base_of(*e.event).author_id == std::string("agent@mock.livechat"))
            seen.push_back(std::get<rtm::v3_0::Message>(*e.event).text);
    });
    client.async_run([](error_code) {});

    Outcome<rtm::v3_0::ChatResponse> started;
    rtm::v3_0::async_start_chat_with_message(client, "hello", started.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return agent.replies_sent() == 1; }));
    ASSERT_TRUE(run_until(ioc, [&] { return seen.size() == 3; }));
    EXPECT_EQ(seen, (std::vector<std::string>{"typing", "stopped", "first"}));

    Outcome<json> summary; // not a message: no answer
    client.async_call("get_chats_summary", json::object(), summary.handler());
    Outcome<rtm::v3_0::SendEventResponse> sent;
    rtm::v3_0::async_send_message(client, started.value.chat.id, "again", sent.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return agent.replies_sent() == 2; }));
    ASSERT_TRUE(run_until(ioc, [&] { return seen.size() == 6; }));
    EXPECT_EQ(seen.back(), "second");
    client.cancel();
    server.stop();
}

// ---- issue 10: the mock under hostile requests -----------------------------------------------

TEST(MockServer, RangeChecksEveryNumberItIsGiven)
{
    Ready r;
    auto [sec, started] = r.call("start_chat", json::parse(R"({"chat":{}})"));
    ASSERT_FALSE(sec) << sec.message();
    auto chat_id = started["chat"]["id"];
    // -1 and 4294967295 read out of bounds, -2 threw std::length_error.
    auto summary_at = [&](const char* offset) {
        return r.call("get_chat_threads_summary",
            json::parse(std::string(R"({"chat_id":)") + chat_id.dump() + R"(,"offset":)" + offset + "}"));
    };
    for (const char* offset : {"-1", "-2", "18446744073709551615", "1.5", "\"3\""}) {
        auto [ec, payload] = summary_at(offset);
        EXPECT_EQ(ec, rtm::error::validation) << offset;
    }
    // The spec sets no upper bound on this offset: past the end is an empty page.
    auto [far_ec, far] = summary_at("4294967295");
    EXPECT_FALSE(far_ec);
    EXPECT_EQ(far["threads_summary"], json::array());
    for (const char* p : {R"({"limit":0})", R"({"limit":1000000})", R"({"offset":-5})"}) {
        auto [ec, payload] = r.call("get_chats_summary", json::parse(p));
        EXPECT_EQ(ec, rtm::error::validation) << p;
    }
    auto [tec, t] = r.call("update_last_seen_timestamp",
        json{{"chat_id", chat_id}, {"timestamp", -1}});
    EXPECT_EQ(tec, rtm::error::validation);
    auto [gec, g] = r.call("get_predicted_agent", json{{"group_id", 1e300}});
    EXPECT_EQ(gec, rtm::error::validation);
    auto [okec, ok] = r.call("get_chat_threads_summary", json{{"chat_id", chat_id}, {"offset", 0}});
    EXPECT_FALSE(okec);
    EXPECT_EQ(ok["threads_summary"].size(), 1u);
}

TEST(MockServer, RefusesANullEventAndStaysUsable)
{
    Ready r;
    auto [sec, started] = r.call("start_chat", json::parse(R"({"chat":{}})"));
    ASSERT_FALSE(sec);
    for (json bad : {json(nullptr), json::array(), json::object(), json{{"type", 5}}}) {
        auto [ec, payload] = r.call("send_event", json{{"chat_id", started["chat"]["id"]}, {"event", bad}});
        EXPECT_EQ(ec, rtm::error::validation) << bad.dump();
    }
    auto [ec, summary] = r.call("get_chats_summary"); // failed for good after `event: null`
    EXPECT_FALSE(ec) << ec.message();
}

TEST(MockServer, RefusalsOfMalformedRequestsKeepTheirRequestId)
{
    Ready r;
    // A payload that is not an object: the refusal names the request, so it fails at once.
    auto [ec, payload] = r.call("get_chats_summary", json::array({1, 2}));
    EXPECT_EQ(ec, rtm::error::validation);
    EXPECT_EQ(payload["error"]["message"], "payload must be an object");
}

TEST(MockServer, RefusesRequestsNestedDeeperThanTheLimit)
{
    Ready r;
    json deep = json::array();
    for (int i = 0; i < 300; ++i)
        deep = json::array({std::move(deep)});
    auto [ec, payload] = r.call("update_customer", json{{"fields", deep}});
    EXPECT_EQ(ec, rtm::error::validation);
    EXPECT_EQ(payload["error"]["message"], "request nests too deeply");
    auto [cec, summary] = r.call("get_chats_summary");
    EXPECT_FALSE(cec) << cec.message();
}

TEST(MockServer, EnforcesTenPendingRequestsPerConnection)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    for (int i = 0; i < 10; ++i)
        server.script("get_customer", rtm::testing::Reaction::withhold());
    auto cfg = fast_config(server);
    cfg.max_in_flight = 11; // the client's own limit would hold the 11th back
    rtm::v3_0::RtmClient client(ioc, cfg);
    client.async_run([](rtm::error_code) {});
    std::vector<Outcome<>> calls(11);
    for (auto& c : calls)
        client.async_call("get_customer", json::object(), c.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return calls.back().done(); }));
    EXPECT_EQ(calls.back().ec, rtm::error::pending_requests_limit_reached);
    for (int i = 0; i < 10; ++i)
        EXPECT_FALSE(calls[i].done());
}
