// RtmClient end to end against the mock server, over ws and wss, with millisecond timings.

#include "test_support.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;
using rtm::testing::Reaction;

namespace {

class ClientTest : public ::testing::TestWithParam<bool> {
protected:
    bool tls() const { return GetParam(); }

    void start_server(MockServerConfig c = {})
    {
        c.tls = tls();
        server = std::make_unique<MockServer>(ioc.get_executor(), c);
        ASSERT_FALSE(server->start());
    }

    rtm::ClientConfig config() const { return fast_config(*server, tls()); }

    /// Starts a client and waits until it is logged in.
    void start_ready(rtm::ClientConfig cfg)
    {
        client = std::make_unique<rtm::v3_0::RtmClient>(ioc, std::move(cfg));
        client->async_run(run.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::ready; }));
    }

    void start_ready() { start_ready(config()); }

    /// The connection still serves requests.
    void expect_still_serving()
    {
        Outcome<> next;
        client->async_call("get_chats_summary", json::object(), next.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return next.done(); }));
        EXPECT_FALSE(next.ec) << next.ec.message();
        EXPECT_EQ(client->state(), rtm::SessionState::ready);
    }

    /// Lets the I/O run for `d` (bounded; handlers keep running) to see nothing else happens.
    void keep_running_for(std::chrono::milliseconds d)
    {
        run_until(ioc, [] { return false; }, d);
    }

    asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::unique_ptr<rtm::v3_0::RtmClient> client;
    RunOutcome run;
};

} // namespace

TEST_P(ClientTest, LogsInWithBearerTokenAndReportsTheTypedResponse)
{
    start_server();
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, config());
    client->async_run(run.handler());
    Outcome<rtm::v3_0::LoginResponse> login;
    rtm::v3_0::LoginRequest req;
    req.customer_page = rtm::v3_0::CustomerPage{"https://shop.example", "Shop"};
    client->async_login(req, login.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return login.done(); }));
    EXPECT_FALSE(login.ec) << login.ec.message();
    EXPECT_EQ(login.value.customer_id.str(), "b7a4c9e2-0000-4000-8000-00000000c001");
    EXPECT_EQ(client->state(), rtm::SessionState::ready);
    ASSERT_EQ(server->count("login"), 1u);
    auto sent = json::parse(server->received().front().payload_json);
    EXPECT_EQ(sent["token"], "Bearer good-token");
    EXPECT_EQ(sent["customer_page"]["title"], "Shop");
}

TEST_P(ClientTest, LoginAfterReadyCompletesAtOnceWithoutASecondLogin)
{
    start_server();
    start_ready();
    Outcome<rtm::v3_0::LoginResponse> login;
    client->async_login({}, login.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return login.done(); }));
    EXPECT_FALSE(login.ec);
    EXPECT_FALSE(login.value.customer_id.empty());
    EXPECT_EQ(server->count("login"), 1u);
}

TEST_P(ClientTest, BadTokenEndsTheRunWithAuthentication)
{
    start_server();
    auto cfg = config();
    cfg.token_provider = rtm::static_token("invalid-token");
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
    client->async_run(run.handler());
    rtm::Diagnostics diag;
    Outcome<rtm::v3_0::LoginResponse> login;
    client->async_login({}, diag, login.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done() && login.done(); }));
    EXPECT_EQ(run.ec, rtm::error::authentication);
    EXPECT_EQ(login.ec, rtm::error::authentication);
    EXPECT_EQ(diag.server_type, "authentication");
    EXPECT_EQ(client->diagnostics().server_message, "Invalid access token");
    EXPECT_EQ(client->state(), rtm::SessionState::closed);
}

TEST_P(ClientTest, ClientClosesWhenLoginMissesItsWindow)
{
    start_server();
    server->script("login", Reaction::withhold());
    auto cfg = config();
    cfg.login_window = std::chrono::milliseconds(150);
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
    client->async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::login_timeout);
}

TEST_P(ClientTest, ServerDisconnectsAConnectionThatNeverLogsIn)
{
    MockServerConfig mc;
    mc.login_window = std::chrono::milliseconds(100);
    start_server(mc);
    auto cfg = config();
    cfg.auto_login = false; // nobody logs in
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
    std::string reason;
    auto sub = client->pushes().on("customer_disconnected",
        [&](const rtm::RawPush& p) { reason = p.payload["reason"]; });
    client->async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::disconnected_by_server);
    EXPECT_EQ(reason, "connection_timeout");
    EXPECT_EQ(client->diagnostics().server_type, "connection_timeout");
}

TEST_P(ClientTest, ManualLoginStartsWhenAsked)
{
    start_server();
    auto cfg = config();
    cfg.auto_login = false;
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
    client->async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::authorizing; }));
    EXPECT_EQ(server->count("login"), 0u);
    Outcome<rtm::v3_0::LoginResponse> login;
    client->async_login({}, login.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return login.done(); }));
    EXPECT_FALSE(login.ec);
    EXPECT_EQ(server->count("login"), 1u);
}

TEST_P(ClientTest, SendsControlPingsEveryInterval)
{
    MockServerConfig mc;
    mc.idle_timeout = std::chrono::milliseconds(400);
    start_server(mc);
    auto cfg = config();
    cfg.ping_interval = std::chrono::milliseconds(40);
    start_ready(cfg);
    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(run_until(ioc, [&] { return server->control_pings() >= 10; }));
    auto elapsed = std::chrono::steady_clock::now() - start;
    // Ten pings at 40 ms take at least ~360 ms; the idle cut-off (400 ms) never fired.
    EXPECT_GE(elapsed, std::chrono::milliseconds(360));
    EXPECT_EQ(client->state(), rtm::SessionState::ready);
    EXPECT_TRUE(server->disconnect_reasons().empty());
}

TEST_P(ClientTest, SendsProtocolPingsWhenConfigured)
{
    start_server();
    auto cfg = config();
    cfg.ping_interval = std::chrono::milliseconds(30);
    cfg.ping_mode = rtm::PingMode::protocol_message;
    start_ready(cfg);
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("ping") >= 4; }));
    EXPECT_EQ(server->control_pings(), 0u);
    EXPECT_EQ(client->state(), rtm::SessionState::ready);
}

TEST_P(ClientTest, ServerDropsAClientThatDoesNotPing)
{
    MockServerConfig mc;
    mc.idle_timeout = std::chrono::milliseconds(100);
    start_server(mc);
    auto cfg = config();
    cfg.ping_interval = std::chrono::seconds(10); // far too slow
    start_ready(cfg);
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::disconnected_by_server);
    EXPECT_EQ(server->disconnect_reasons(), std::vector<std::string>{"connection_timeout"});
}

TEST_P(ClientTest, StalledServerIsDetectedAsPingTimeout)
{
    start_server();
    for (int i = 0; i < 10; ++i) // the server stops answering pings
        server->script("ping", Reaction::withhold());
    auto cfg = config();
    cfg.ping_interval = std::chrono::milliseconds(40);
    cfg.ping_mode = rtm::PingMode::protocol_message;
    start_ready(cfg);
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::ping_timeout);
}

TEST_P(ClientTest, DeliversPushesBeforeLogin)
{
    start_server();
    auto cfg = config();
    cfg.auto_login = false;
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
    std::vector<std::string> seen;
    auto sub = client->pushes().on_any([&](const rtm::RawPush& p) { seen.emplace_back(p.action); });
    client->async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] {
        return client->state() == rtm::SessionState::authorizing && server->open_connections() == 1;
    }));
    server->push_to_all("incoming_multicast", R"({"type":"lc2","content":{}})");
    ASSERT_TRUE(run_until(ioc, [&] { return !seen.empty(); }));
    EXPECT_EQ(seen, std::vector<std::string>{"incoming_multicast"});
}

TEST_P(ClientTest, DeliversPushesAfterLogin)
{
    start_server();
    start_ready();
    json got;
    auto sub = client->pushes().on("incoming_event", [&](const rtm::RawPush& p) {
        got = p.payload;
        EXPECT_FALSE(p.request_id);
    });
    server->push("incoming_event", R"({"chat_id":"C1","event":{"type":"message","text":"hi"}})");
    ASSERT_TRUE(run_until(ioc, [&] { return !got.is_null(); }));
    EXPECT_EQ(got["event"]["text"], "hi");
}

TEST_P(ClientTest, PushCarryingOurRequestIdIsAPushAndTheResponseStillCompletes)
{
    for (bool push_first : {true, false}) {
        SCOPED_TRACE(push_first ? "push before response" : "response before push");
        start_server();
        auto reaction = Reaction::respond(R"({"chat":{"id":"C7"}})");
        if (push_first)
            reaction.push_before("incoming_chat_thread", R"({"chat":{"id":"C7"}})");
        else
            reaction.push_after("incoming_chat_thread", R"({"chat":{"id":"C7"}})");
        server->script("start_chat", reaction);
        start_ready();
        std::optional<std::string> push_rid;
        auto sub = client->pushes().on("incoming_chat_thread", [&](const rtm::RawPush& p) {
            push_rid = std::string(p.request_id.value_or("<none>"));
        });
        Outcome<> call;
        client->async_call("start_chat", json::object(), call.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return call.done() && push_rid; }));
        EXPECT_FALSE(call.ec);
        EXPECT_EQ(call.value["chat"]["id"], "C7");
        EXPECT_EQ(*push_rid, server->received().back().request_id);
        EXPECT_EQ(call.calls, 1);
        client.reset();
        server.reset();
    }
}

TEST_P(ClientTest, ServerErrorBecomesErrorCodeWithRawPayload)
{
    start_server();
    server->script("get_form", Reaction::fail("group_not_found", "No such group", R"({"g":7})"));
    start_ready();
    Outcome<> call;
    client->async_call("get_form", json{{"group_id", 7}, {"type", "prechat"}}, call.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return call.done(); }));
    EXPECT_EQ(call.ec, rtm::error::group_not_found);
    EXPECT_EQ(call.value["error"]["message"], "No such group");
    expect_still_serving(); // a failed request is not fatal
}

namespace {
// A typed action defined outside the library: the generic typed path works for any action.
struct FormRequest {
    std::int64_t group_id = 0;
};
struct FormResponse {
    bool enabled = false;
};
void encode_payload(json& out, const FormRequest& r) { out = {{"group_id", r.group_id}, {"type", "prechat"}}; }
error_code decode_payload(const json& in, FormResponse& out, rtm::Diagnostics& d)
{
    if (!in.contains("enabled") || !in["enabled"].is_boolean()) {
        d.client_message = "payload.enabled must be a boolean";
        return rtm::error::malformed_payload;
    }
    out.enabled = in["enabled"].get<bool>();
    return {};
}
struct GetForm {
    static constexpr std::string_view name = "get_form";
    using request = FormRequest;
    using response = FormResponse;
};
} // namespace

TEST_P(ClientTest, TypedCallsDecodeAndReportDiagnostics)
{
    start_server();
    server->script("get_form", Reaction::respond(R"({"enabled":true})"));
    server->script("get_form", Reaction::respond(R"({"enabled":"yes"})"));
    server->script("get_form", Reaction::fail("internal", "Oops"));
    start_ready();
    Outcome<FormResponse> ok, bad, failed;
    rtm::Diagnostics bad_diag, failed_diag;
    client->async_execute<GetForm>(FormRequest{3}, ok.handler());
    client->async_execute<GetForm>(FormRequest{3}, bad_diag, bad.handler());
    client->async_execute<GetForm>(FormRequest{3}, failed_diag, failed.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return ok.done() && bad.done() && failed.done(); }));
    EXPECT_FALSE(ok.ec);
    EXPECT_TRUE(ok.value.enabled);
    EXPECT_EQ(bad.ec, rtm::error::malformed_payload);
    EXPECT_EQ(bad_diag.client_message, "payload.enabled must be a boolean");
    EXPECT_EQ(failed.ec, rtm::error::internal);
    EXPECT_EQ(failed_diag.server_message, "Oops");
    EXPECT_EQ(json::parse(server->received().back().payload_json)["group_id"], 3);
}

// The transport starts with a small masking buffer and grows it at the first larger message:
// small, larger, much larger (many buffers) and small again must each arrive whole, in order.
TEST_P(ClientTest, MessagesOfEverySizeArriveWhole)
{
    start_server();
    start_ready();
    const std::size_t sizes[] = {10, 600, 100, 20000, 4096, 3};
    std::vector<Outcome<>> sent(std::size(sizes));
    for (std::size_t i = 0; i < std::size(sizes); ++i)
        client->async_call("get_form", json{{"text", std::string(sizes[i], char('a' + i))}}, sent[i].handler());
    ASSERT_TRUE(run_until(ioc, [&] { return std::all_of(sent.begin(), sent.end(), [](auto& o) { return o.done(); }); }));
    auto received = server->received();
    ASSERT_GE(received.size(), std::size(sizes));
    auto first = received.size() - std::size(sizes);
    for (std::size_t i = 0; i < std::size(sizes); ++i) {
        EXPECT_FALSE(sent[i].ec) << i << ": " << sent[i].ec.message();
        EXPECT_EQ(json::parse(received[first + i].payload_json)["text"], std::string(sizes[i], char('a' + i))) << i;
    }
}

TEST_P(ClientTest, RequestTimesOutOnTheClientAndTheConnectionStays)
{
    start_server();
    server->script("get_form", Reaction::withhold());
    auto cfg = config();
    cfg.request_timeout = std::chrono::milliseconds(100);
    start_ready(cfg);
    Outcome<> timed_out;
    client->async_call("get_form", json::object(), timed_out.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return timed_out.done(); }));
    EXPECT_EQ(timed_out.ec, rtm::error::deadline_exceeded);
    expect_still_serving();
    EXPECT_EQ(timed_out.calls, 1);
}

TEST_P(ClientTest, CancelledRequestCompletesAtOnceAndItsLateResponseIsDropped)
{
    start_server();
    server->script("get_form", Reaction::respond(R"({"enabled":true})").after(std::chrono::milliseconds(100)));
    start_ready();
    asio::cancellation_signal signal;
    Outcome<> cancelled;
    client->async_call("get_form", json::object(),
        asio::bind_cancellation_slot(signal.slot(), cancelled.handler()));
    signal.emit(asio::cancellation_type::terminal);
    ASSERT_TRUE(run_until(ioc, [&] { return cancelled.done(); }));
    EXPECT_EQ(cancelled.ec, asio::error::operation_aborted);
    // The late response (100 ms) arrives and finds nothing; the connection carries on.
    keep_running_for(std::chrono::milliseconds(200));
    expect_still_serving();
    EXPECT_EQ(cancelled.calls, 1);
}

TEST_P(ClientTest, ConnectionCutFailsEveryRequestInFlightExactlyOnce)
{
    start_server();
    for (int i = 0; i < 5; ++i)
        server->script("get_form", Reaction::withhold());
    start_ready();
    std::vector<Outcome<>> calls(5);
    for (auto& c : calls)
        client->async_call("get_form", json::object(), c.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 5; }));
    server->cut_all();
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    ASSERT_TRUE(run_until(ioc, [&] {
        return std::all_of(calls.begin(), calls.end(), [](auto& c) { return c.done(); });
    }));
    for (auto& c : calls) {
        EXPECT_EQ(c.calls, 1);
        EXPECT_EQ(c.ec, rtm::error::connection_lost);
    }
    EXPECT_EQ(run.ec, rtm::error::connection_lost);
    keep_running_for(std::chrono::milliseconds(50)); // nothing completes a second time
    for (auto& c : calls)
        EXPECT_EQ(c.calls, 1);
}

TEST_P(ClientTest, GarbageFramesAreSkippedAndBrokenResponsesFailTheirRequest)
{
    start_server();
    // The client's ids are sequential: login is "1", the first call "2".
    server->script("get_form",
        Reaction::garbage(R"({"type":"response","action":"get_form","request_id":"2","success":"yes"})"));
    start_ready();
    std::vector<std::string> pushes;
    auto sub = client->pushes().on_any([&](const rtm::RawPush& p) { pushes.emplace_back(p.action); });
    Outcome<> broken;
    client->async_call("get_form", json::object(), broken.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return broken.done(); }));
    EXPECT_EQ(broken.ec, rtm::error::malformed_frame);
    server->send_raw("{definitely not json");
    server->send_raw("[1,2,3]");
    server->send_raw(R"({"type":"push"})");
    server->send_raw(R"({"type":"response","action":"x","request_id":"999","success":true})");
    expect_still_serving();
    EXPECT_TRUE(pushes.empty());
}

TEST_P(ClientTest, OversizedMessageEndsTheConnectionClearly)
{
    start_server();
    server->script("get_form", Reaction::withhold());
    auto cfg = config();
    cfg.max_message_size = 1024;
    start_ready(cfg);
    Outcome<> pending;
    client->async_call("get_form", json::object(), pending.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 1; }));
    server->push("incoming_event", json{{"text", std::string(4096, 'x')}}.dump());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done() && pending.done(); }));
    EXPECT_EQ(run.ec, rtm::error::message_too_big);
    EXPECT_EQ(pending.ec, rtm::error::connection_lost);
}

TEST_P(ClientTest, RequestsMadeBeforeLoginWaitAndLoginGoesFirst)
{
    start_server();
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, config());
    client->async_run(run.handler());
    Outcome<> a, b;
    client->async_call("get_chats_summary", json::object(), a.handler());
    client->async_call("get_form", json::object(), b.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return a.done() && b.done(); }));
    EXPECT_FALSE(a.ec);
    EXPECT_FALSE(b.ec);
    ASSERT_EQ(server->received().size(), 3u);
    EXPECT_EQ(server->received()[0].action, "login");
    EXPECT_EQ(server->received()[1].action, "get_chats_summary");
    EXPECT_EQ(server->received()[2].action, "get_form");
}

TEST_P(ClientTest, CancelClosesGracefullyAndAbortsWhatIsPending)
{
    start_server();
    server->script("get_form", Reaction::withhold());
    start_ready();
    Outcome<> pending;
    client->async_call("get_form", json::object(), pending.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 1; }));
    client->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return run.done() && pending.done(); }));
    EXPECT_EQ(run.ec, asio::error::operation_aborted);
    EXPECT_EQ(pending.ec, asio::error::operation_aborted);
    EXPECT_EQ(client->state(), rtm::SessionState::closed);
    ASSERT_TRUE(run_until(ioc, [&] { return server->open_connections() == 0; }));
}

TEST_P(ClientTest, RunCanBeCancelledThroughItsSlot)
{
    start_server();
    asio::cancellation_signal signal;
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, config());
    client->async_run(asio::bind_cancellation_slot(signal.slot(), run.handler()));
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::ready; }));
    signal.emit(asio::cancellation_type::terminal);
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, asio::error::operation_aborted);
}

TEST_P(ClientTest, DestroyingTheClientAbortsEverything)
{
    start_server();
    server->script("get_form", Reaction::withhold());
    start_ready();
    Outcome<> pending;
    client->async_call("get_form", json::object(), pending.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 1; }));
    client.reset();
    ASSERT_TRUE(run_until(ioc, [&] { return run.done() && pending.done(); }));
    EXPECT_EQ(run.ec, asio::error::operation_aborted);
    EXPECT_EQ(pending.ec, asio::error::operation_aborted);
    EXPECT_EQ(pending.calls, 1);
}

// A response's completion runs from the read path (dispatched, not posted). Whatever the
// handler does there, nothing of the client is left half done.
TEST_P(ClientTest, AHandlerThatThrowsLeavesRunAndTheConnectionReadsOn)
{
    start_server();
    start_ready();
    struct AppBug : std::runtime_error {
        using std::runtime_error::runtime_error;
    };
    // Runs the io_context until a handler's exception comes out of it (bounded).
    auto until_thrown = [&] {
        auto end = std::chrono::steady_clock::now() + 5s;
        while (std::chrono::steady_clock::now() < end) {
            try {
                ioc.run_one_for(10ms);
            } catch (const AppBug&) {
                return true;
            }
        }
        return false;
    };
    int completions = 0;
    client->async_call("get_form", json::object(), [&](error_code, json) {
        ++completions;
        throw AppBug("from a response handler");
    });
    ASSERT_TRUE(until_thrown());
    EXPECT_EQ(completions, 1);
    expect_still_serving();

    auto sub = client->pushes().on("incoming_event", [](const rtm::RawPush&) { throw AppBug("from a push handler"); });
    server->push("incoming_event", R"({"chat_id":"C1","event":{"type":"message","text":"hi"}})");
    ASSERT_TRUE(until_thrown());
    expect_still_serving();
    EXPECT_EQ(completions, 1);
}

TEST_P(ClientTest, AResponseHandlerMayDestroyTheClientOrSendTheNextRequest)
{
    start_server();
    start_ready();
    // The next request, sent from the completion, goes out and completes once.
    Outcome<> second;
    int first_calls = 0;
    client->async_call("get_form", json::object(), [&](error_code ec, json) {
        ++first_calls;
        EXPECT_FALSE(ec);
        client->async_call("get_chats_summary", json::object(), second.handler());
    });
    ASSERT_TRUE(run_until(ioc, [&] { return second.done(); }));
    EXPECT_FALSE(second.ec);
    EXPECT_EQ(first_calls, 1);
    EXPECT_EQ(second.calls, 1);

    // The handler destroys the client; the request behind it ends aborted, once.
    server->script("get_chats_summary", Reaction::withhold());
    Outcome<> behind;
    client->async_call("get_chats_summary", json::object(), behind.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_chats_summary") == 2; }));
    client->async_call("get_form", json::object(), [&](error_code, json) { client.reset(); });
    ASSERT_TRUE(run_until(ioc, [&] { return !client && behind.done() && run.done(); }));
    EXPECT_EQ(behind.ec, asio::error::operation_aborted);
    EXPECT_EQ(behind.calls, 1);
    EXPECT_EQ(run.calls, 1);
    keep_running_for(50ms);
    EXPECT_EQ(behind.calls, 1);
}

TEST_P(ClientTest, ReportsEveryStateChange)
{
    start_server();
    client = std::make_unique<rtm::v3_0::RtmClient>(ioc, config());
    std::vector<rtm::SessionState> states;
    client->on_state_change([&](rtm::SessionState s, error_code) { states.push_back(s); });
    client->async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::ready; }));
    client->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return run.done() && states.size() == 5; }));
    using S = rtm::SessionState;
    EXPECT_EQ(states, (std::vector<S>{S::connecting, S::authorizing, S::ready, S::closing, S::closed}));
}

TEST_P(ClientTest, DisconnectPushEndsTheRunWithItsReason)
{
    start_server();
    start_ready();
    server->disconnect_all("misdirected_connection", R"({"region":"fra"})");
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::disconnected_by_server);
    EXPECT_EQ(client->diagnostics().server_type, "misdirected_connection");
    EXPECT_EQ(json::parse(client->diagnostics().server_data)["region"], "fra");
}

INSTANTIATE_TEST_SUITE_P(Transport, ClientTest, ::testing::Values(false, true),
    [](const auto& info) { return info.param ? std::string("wss") : std::string("ws"); });

// ---- failures before any connection ----------------------------------------------------------

TEST(ClientStart, RequestBeforeRunIsNotRunning)
{
    asio::io_context ioc;
    rtm::ClientConfig cfg;
    cfg.license_id = 1;
    cfg.token_provider = rtm::static_token("t");
    rtm::v3_0::RtmClient client(ioc, cfg);
    Outcome<> call;
    client.async_call("get_form", json::object(), call.handler());
    EXPECT_FALSE(call.done()); // never inside the initiating call
    ASSERT_TRUE(run_until(ioc, [&] { return call.done(); }));
    EXPECT_EQ(call.ec, rtm::error::not_running);
}

TEST(ClientStart, MissingTokenProviderIsInvalidConfig)
{
    asio::io_context ioc;
    rtm::ClientConfig cfg;
    cfg.license_id = 1;
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::invalid_config);
    EXPECT_EQ(client.diagnostics().client_message, "token_provider is required");
}

TEST(ClientStart, BadUrlIsInvalidConfig)
{
    asio::io_context ioc;
    rtm::ClientConfig cfg;
    cfg.url = "http://example.com/";
    cfg.token_provider = rtm::static_token("t");
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::invalid_config);
}

TEST(ClientStart, RefusedConnectionEndsTheRun)
{
    asio::io_context ioc;
    std::string url;
    {
        MockServer probe(ioc.get_executor());
        ASSERT_FALSE(probe.start());
        url = probe.url(); // a port that is closed again right away
    }
    rtm::ClientConfig cfg;
    cfg.url = url;
    cfg.token_provider = rtm::static_token("t");
    cfg.reconnect.enabled = false;
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, asio::error::connection_refused);
    EXPECT_EQ(client.state(), rtm::SessionState::closed);
}

TEST(ClientStart, UntrustedCertificateIsRejected)
{
    asio::io_context ioc;
    MockServerConfig mc;
    mc.tls = true;
    MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server, false); // does not trust the test certificate
    cfg.tls.use_system_trust_store = false;
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_TRUE(run.ec);
    EXPECT_EQ(server.count("login"), 0u);
}

TEST(ClientStart, FailingTokenProviderEndsTheRun)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server);
    cfg.token_provider = [](rtm::TokenCallback done) { done(asio::error::host_not_found, {}); };
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::token_provider_failed);
    EXPECT_EQ(server.count("login"), 0u);
}

TEST(ClientStart, SecondRunWhileRunningIsRejected)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    RunOutcome first, second;
    client.async_run(first.handler());
    client.async_run(second.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return second.done(); }));
    EXPECT_EQ(second.ec, rtm::error::already_running);
    client.cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return first.done(); }));
}

TEST(ClientStart, LoginIsBoundedByTheLoginWindowNotTheRequestTimeout)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    server.script("login", Reaction::withhold());
    auto cfg = fast_config(server);
    cfg.request_timeout = std::chrono::milliseconds(50);
    cfg.login_window = std::chrono::milliseconds(300);
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, rtm::error::login_timeout);
}

namespace {

/// Runs a client with `cfg` until it is ready or its run ends; returns the run's outcome.
std::pair<bool, error_code> try_login(asio::io_context& ioc, const rtm::ClientConfig& cfg)
{
    rtm::v3_0::RtmClient client(ioc, cfg);
    bool ready = false;
    RunOutcome run;
    client.on_state_change([&](rtm::SessionState s, error_code) { ready = ready || s == rtm::SessionState::ready; });
    client.async_run(run.handler());
    run_until(ioc, [&] { return ready || run.done(); });
    client.cancel();
    run_until(ioc, [&] { return run.done(); });
    return {ready, run.ec};
}

} // namespace

TEST(ClientStart, HostNamesAreResolved)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server);
    cfg.url = "ws://localhost:" + std::to_string(server.port()) + "/v3.0/customer/rtm/ws?license_id=1";
    EXPECT_TRUE(try_login(ioc, cfg).first);
}

TEST(ClientStart, ClientsWithEqualTlsOptionsShareAContextButNotTheirTrust)
{
    asio::io_context ioc;
    MockServerConfig mc;
    mc.tls = true;
    MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());

    auto trusting = fast_config(server, true);
    EXPECT_TRUE(try_login(ioc, trusting).first);
    EXPECT_TRUE(try_login(ioc, trusting).first); // the same options again

    auto untrusting = trusting; // differs only in what it trusts: must not reuse the context
    untrusting.tls.ca_pem.clear();
    auto [ready, ec] = try_login(ioc, untrusting);
    EXPECT_FALSE(ready);
    EXPECT_TRUE(ec);

    auto broken = trusting; // a context that cannot be built is reported, and not remembered
    broken.tls.ca_pem = "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n";
    auto [broken_ready, broken_ec] = try_login(ioc, broken);
    EXPECT_FALSE(broken_ready);
    EXPECT_EQ(broken_ec, rtm::error::invalid_config);
    EXPECT_TRUE(try_login(ioc, trusting).first);
}

TEST(FrameTrace, SeesEveryFrameBothWaysButNeverTheToken)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server);
    cfg.token_provider = rtm::static_token("s3cret-t0ken");
    std::vector<std::pair<rtm::FrameDirection, std::string>> frames;
    cfg.frame_trace = [&](rtm::FrameDirection d, std::string_view text) { frames.emplace_back(d, text); };
    rtm::v3_0::RtmClient client(ioc, cfg);
    client.async_run([](error_code) {});
    Outcome<json> call;
    client.async_call("get_chats_summary", json::object(), call.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return call.done(); }));
    ASSERT_FALSE(call.ec);

    ASSERT_EQ(frames.size(), 4u); // login, its response, the request, its response
    EXPECT_EQ(frames[0].first, rtm::FrameDirection::sent);
    EXPECT_EQ(json::parse(frames[0].second)["payload"]["token"], "<redacted>");
    EXPECT_EQ(frames[1].first, rtm::FrameDirection::received);
    EXPECT_EQ(json::parse(frames[2].second)["action"], "get_chats_summary");
    EXPECT_EQ(json::parse(frames[3].second)["action"], "get_chats_summary");
    for (const auto& f : frames)
        EXPECT_EQ(f.second.find("s3cret"), std::string::npos) << f.second;
    ASSERT_FALSE(server.received().empty()); // the server still got the real token
    EXPECT_EQ(json::parse(server.received().front().payload_json)["token"], "Bearer s3cret-t0ken");
    client.cancel();
    server.stop();
}

// Issue 10: no diagnostics text and no traced frame carries the token, in any form, however
// the server echoes it (an error's message and data, a response, a disconnect reason).
TEST(Secrets, NoDiagnosticsTextOrTracedFrameShowsAnEchoedToken)
{
    const std::string token = R"(s3"cr\et/tok)";
    const std::string literal = json(token).dump();
    const std::string echo = R"({"token":)" + literal + "}";
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    server.script("get_form", Reaction::fail("validation", token, echo));
    server.script("get_url_details", Reaction::respond(echo).push_before("incoming_event", echo));
    server.script("get_predicted_agent", Reaction::fail(token, "x " + token + " y", echo));
    auto cfg = fast_config(server);
    cfg.token_provider = rtm::static_token(token);
    std::string traced;
    cfg.frame_trace = [&](rtm::FrameDirection, std::string_view f) { traced.append(f).append("\n"); };
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    std::vector<rtm::Diagnostics> diags(3);
    int done = 0;
    auto count = [&](error_code, auto&&) { ++done; };
    namespace v3 = rtm::v3_0;
    client.async_execute<v3::GetForm>({}, diags[0], count);
    client.async_execute<v3::GetUrlDetails>({"https://example.com"}, diags[1], count);
    client.async_execute<v3::GetPredictedAgent>({}, diags[2], count);
    ASSERT_TRUE(run_until(ioc, [&] { return done == 3; }));
    server.disconnect_all(token, echo); // the reason itself is the token
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }));
    diags.push_back(client.diagnostics());
    std::string all = traced;
    for (const auto& d : diags)
        all += d.server_type + "|" + d.server_message + "|" + d.server_data + "|" + d.client_message + "\n";
    EXPECT_NE(all.find("<redacted>"), std::string::npos) << all;
    for (const auto& form : livechat::rtm::detail::secret_forms(token))
        EXPECT_EQ(all.find(form), std::string::npos) << "shows " << form << " in:\n" << all;
    // What the app asked for is still there: only the secret is masked.
    EXPECT_EQ(diags[0].server_type, "validation");
    EXPECT_EQ(diags[2].server_message, "x <redacted> y");
}
