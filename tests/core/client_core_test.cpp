// The real client core over an in-memory transport and a virtual clock: login window, pings,
// dead-peer detection, reconnect back-off and request completion, each in microseconds.
#include "memory_environment.hpp"

#include <livechat/rtm/impl/internal/environment.hpp>
#include <livechat/rtm/v3_0/version.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace livechat::rtm;
using namespace std::chrono_literals;
using json = nlohmann::json;
using rtm_test::MemoryEnvironment;
using rtm_test::MemoryLine;

namespace {

/// Records how often a completion came and with what.
struct Completion {
    int calls = 0;
    error_code ec;
    json payload;
};

/// One client core speaking v3.0 over MemoryLines; the test plays the server.
struct CoreHarness {
    explicit CoreHarness(ClientConfig cfg) : env(ioc)
    {
        core = detail::make_client_core(ioc.get_executor(), std::move(cfg), v3_0::Version::protocol(), env.environment());
    }
    /// Stops the core as RtmClient's destructor does. A virtual timer owns its callback, which
    /// owns the core: only a stop (which cancels every timer) breaks that cycle.
    ~CoreHarness()
    {
        detail::shutdown(*core);
        rtm_test::settle(ioc);
        core.reset();
        rtm_test::settle(ioc);
    }

    static ClientConfig config()
    {
        ClientConfig cfg;
        cfg.license_id = 1;
        cfg.token_provider = static_token("t0ken");
        cfg.reconnect.enabled = false;
        cfg.reconnect.random = [] { return 0.0; }; // no jitter: delays are exact
        return cfg;
    }

    void start()
    {
        detail::start_run(core, [this](error_code ec) {
            ++run.calls;
            run.ec = ec;
        });
        rtm_test::settle(ioc);
    }

    /// Sends a raw request; its completion lands in `out`.
    void request(std::string action, Completion& out)
    {
        static const json empty = json::object();
        detail::RequestWriter writer{&empty, [](json& o, const void* p, Diagnostics&) -> error_code {
                                         o = *static_cast<const json*>(p);
                                         return {};
                                     }};
        detail::start_request(core, action, writer, nullptr, [&out](error_code ec, detail::Reply r) {
            ++out.calls;
            out.ec = ec;
            if (r.payload)
                out.payload = *r.payload;
        });
        rtm_test::settle(ioc);
    }

    /// The last frame the client sent on the current line, parsed.
    json last_sent() { return env.line().sent.empty() ? json() : json::parse(env.line().sent.back()); }

    /// Answers the frame the client sent with `request_id`.
    void answer(MemoryLine& line, const json& request, json payload = json::object(), bool success = true)
    {
        line.deliver(json{{"type", "response"}, {"action", request["action"]}, {"request_id", request["request_id"]},
            {"success", success}, {"payload", std::move(payload)}}
                         .dump());
        rtm_test::settle(ioc);
    }

    /// Connects and logs in on a new line; returns the login frame.
    json log_in(std::string customer = "c1")
    {
        env.line().accept();
        rtm_test::settle(ioc);
        auto login = last_sent();
        EXPECT_EQ(login["action"], "login");
        answer(env.line(), login, json{{"customer_id", customer}});
        EXPECT_EQ(detail::state_of(*core), SessionState::ready);
        return login;
    }

    boost::asio::io_context ioc;
    MemoryEnvironment env;
    std::shared_ptr<detail::ClientCore> core;
    Completion run;
};

} // namespace

TEST(ClientCore, LogsInWithTheVersionsLoginFrame)
{
    CoreHarness h(CoreHarness::config());
    h.start();
    ASSERT_EQ(h.env.lines.size(), 1u);
    EXPECT_EQ(h.env.line().endpoint.target, "/v3.0/customer/rtm/ws?license_id=1");
    auto login = h.log_in();
    EXPECT_EQ(login["payload"]["token"], "Bearer t0ken");
    EXPECT_TRUE(login.contains("request_id"));
}

TEST(ClientCore, AServerSilentThroughTheLoginWindowIsLeft)
{
    auto cfg = CoreHarness::config();
    cfg.login_window = 30s;
    CoreHarness h(cfg);
    h.start();
    h.env.line().accept();
    h.env.clock->advance(29s);
    EXPECT_FALSE(h.env.line().close_reason);
    h.env.clock->advance(1s);
    ASSERT_TRUE(h.env.line().close_reason);
    EXPECT_EQ(*h.env.line().close_reason, error::login_timeout);
    EXPECT_EQ(h.run.calls, 1);
    EXPECT_EQ(h.run.ec, error::login_timeout);
}

TEST(ClientCore, PingsEveryIntervalAfterLogin)
{
    auto cfg = CoreHarness::config();
    cfg.ping_interval = 15s;
    CoreHarness h(cfg);
    h.start();
    h.log_in();
    for (int i = 1; i <= 4; ++i) {
        h.env.clock->advance(15s);
        EXPECT_EQ(h.env.line().pings, i);
        h.env.line().pong();
    }
    EXPECT_FALSE(h.env.line().close_reason);
}

TEST(ClientCore, ProtocolPingsAreTheVersionsPingFrame)
{
    auto cfg = CoreHarness::config();
    cfg.ping_mode = PingMode::protocol_message;
    CoreHarness h(cfg);
    h.start();
    h.log_in();
    h.env.clock->advance(15s);
    auto ping = h.last_sent();
    EXPECT_EQ(ping["action"], "ping");
    EXPECT_FALSE(ping.contains("request_id"));
}

TEST(ClientCore, ASilentPeerIsDeclaredDead)
{
    auto cfg = CoreHarness::config();
    cfg.ping_interval = 15s;
    cfg.silent_pings_before_dead = 2;
    CoreHarness h(cfg);
    h.start();
    h.log_in();
    h.env.clock->advance(29s); // one ping at 15 s went unanswered
    EXPECT_EQ(h.env.line().pings, 1);
    EXPECT_FALSE(h.env.line().close_reason);
    h.env.clock->advance(1s);
    ASSERT_TRUE(h.env.line().close_reason);
    EXPECT_EQ(*h.env.line().close_reason, error::ping_timeout);
    EXPECT_EQ(h.run.ec, error::ping_timeout);
}

TEST(ClientCore, ReconnectsAfterTheBackoffDelayAndLogsInAgain)
{
    auto cfg = CoreHarness::config();
    cfg.reconnect.enabled = true;
    cfg.reconnect.backoff.min_delay = 300ms;
    CoreHarness h(cfg);
    h.start();
    h.log_in();
    h.env.line().drop(error::connection_lost);
    h.env.clock->advance(299ms);
    EXPECT_EQ(h.env.lines.size(), 1u);
    EXPECT_EQ(detail::state_of(*h.core), SessionState::backing_off);
    h.env.clock->advance(1ms);
    ASSERT_EQ(h.env.lines.size(), 2u);
    // That attempt fails too: the delay has grown (factor 2).
    h.env.line().refuse(boost::asio::error::connection_refused);
    h.env.clock->advance(599ms);
    EXPECT_EQ(h.env.lines.size(), 2u);
    h.env.clock->advance(1ms);
    ASSERT_EQ(h.env.lines.size(), 3u);
    h.log_in();
    EXPECT_EQ(h.run.calls, 0);
}

TEST(ClientCore, EveryRequestCompletesExactlyOnceAcrossACut)
{
    auto cfg = CoreHarness::config();
    cfg.reconnect.enabled = true;
    cfg.reconnect.backoff.min_delay = 1s;
    cfg.max_in_flight = 2;
    CoreHarness h(cfg);
    h.start();
    Completion early; // issued before login: waits
    h.request("get_form", early);
    h.log_in();
    auto& first = h.env.line();
    ASSERT_EQ(first.sent.size(), 2u);
    Completion second, third;
    h.request("get_form", second);
    h.request("get_form", third); // over the in-flight limit: queued
    EXPECT_EQ(first.sent.size(), 3u);
    auto early_frame = json::parse(first.sent[1]);
    auto second_frame = json::parse(first.sent[2]);

    first.drop(error::connection_lost);
    rtm_test::settle(h.ioc);
    EXPECT_EQ(early.calls, 1);
    EXPECT_EQ(early.ec, error::connection_lost); // in flight: never resent
    EXPECT_EQ(second.calls, 1);
    EXPECT_EQ(second.ec, error::connection_lost);
    EXPECT_EQ(third.calls, 0); // never sent: waits for the next login

    h.env.clock->advance(1s);
    ASSERT_EQ(h.env.lines.size(), 2u);
    h.log_in();
    auto& again = h.env.line();
    ASSERT_EQ(again.sent.size(), 2u);
    auto third_frame = json::parse(again.sent[1]);
    EXPECT_NE(third_frame["request_id"], early_frame["request_id"]);
    // Late answers to the lost requests on the new line complete nothing twice.
    h.answer(again, early_frame);
    h.answer(again, second_frame);
    h.answer(again, third_frame, json{{"fields", json::array()}});
    EXPECT_EQ(early.calls, 1);
    EXPECT_EQ(second.calls, 1);
    EXPECT_EQ(third.calls, 1);
    EXPECT_FALSE(third.ec);
    EXPECT_TRUE(third.payload.contains("fields"));

    detail::request_stop(*h.core);
    rtm_test::settle(h.ioc);
    EXPECT_EQ(h.run.calls, 1);
    EXPECT_EQ(h.run.ec, boost::asio::error::operation_aborted);
}

TEST(ClientCore, ARequestWithoutAnswerExpiresAtItsDeadline)
{
    auto cfg = CoreHarness::config();
    cfg.request_timeout = 20s;
    cfg.ping_interval = 1h; // keep the line quiet
    CoreHarness h(cfg);
    h.start();
    h.log_in();
    Completion c;
    h.request("get_form", c);
    h.env.clock->advance(19s);
    EXPECT_EQ(c.calls, 0);
    h.env.clock->advance(1s);
    EXPECT_EQ(c.calls, 1);
    EXPECT_EQ(c.ec, error::deadline_exceeded);
}

TEST(ClientCore, StopCompletesEverythingPendingWithOperationAborted)
{
    CoreHarness h(CoreHarness::config());
    h.start();
    Completion waiting;
    h.request("get_form", waiting);
    h.env.line().accept();
    rtm_test::settle(h.ioc);
    detail::request_stop(*h.core);
    rtm_test::settle(h.ioc);
    EXPECT_EQ(waiting.calls, 1);
    EXPECT_EQ(waiting.ec, boost::asio::error::operation_aborted);
    EXPECT_EQ(h.run.calls, 1);
}
