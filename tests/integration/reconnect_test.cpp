// Reconnects, re-logins, the in-flight limit and the request queue, with faults injected by
// the mock server. Every request must complete exactly once.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/steady_timer.hpp>

#include <gtest/gtest.h>

#include <optional>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;
using rtm::testing::Reaction;
using S = rtm::SessionState;

namespace {

using Call = Outcome<>; // one completion, counted

class Reconnect : public ::testing::Test {
protected:
    void start(MockServerConfig mc = {}, std::function<void(rtm::ClientConfig&)> tweak = {})
    {
        server = std::make_unique<MockServer>(ioc.get_executor(), mc);
        ASSERT_FALSE(server->start());
        auto cfg = fast_config(*server);
        cfg.reconnect.enabled = true;
        cfg.reconnect.backoff.min_delay = std::chrono::milliseconds(5);
        cfg.reconnect.backoff.slow_min_delay = std::chrono::milliseconds(10);
        cfg.reconnect.backoff.max_delay = std::chrono::milliseconds(40);
        cfg.reconnect.random = [] { return 0.0; };
        cfg.token_provider = [this](rtm::TokenCallback done) {
            ++tokens_asked;
            done({}, "token-" + std::to_string(tokens_asked));
        };
        if (tweak)
            tweak(cfg);
        client = std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg);
        client->on_state_change([this](S s, error_code) { states.push_back(s); });
        client->on_reconnecting([this](std::chrono::milliseconds d, const rtm::DisconnectCause& c) {
            delays.push_back(d);
            causes.push_back(c);
        });
        client->async_run([this](error_code ec) {
            ++run_calls;
            run_ec = ec;
        });
    }

    bool ready_with_logins(std::size_t n)
    {
        return run_until(ioc, [&] {
            return server->count("login") >= n && client->state() == S::ready;
        });
    }

    asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::unique_ptr<rtm::v3_0::RtmClient> client;
    std::vector<S> states;
    std::vector<std::chrono::milliseconds> delays;
    std::vector<rtm::DisconnectCause> causes;
    int tokens_asked = 0;
    int run_calls = 0;
    error_code run_ec;
};

} // namespace

TEST_F(Reconnect, ReconnectsAfterACutAndLogsInAgainWithAFreshToken)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->cut_all();
    ASSERT_TRUE(ready_with_logins(2));
    EXPECT_EQ(tokens_asked, 2);
    EXPECT_EQ(json::parse(server->received().back().payload_json)["token"], "Bearer token-2");
    ASSERT_EQ(causes.size(), 1u);
    EXPECT_EQ(causes[0].ec, rtm::error::connection_lost);
    EXPECT_EQ(delays[0], std::chrono::milliseconds(5));
    ASSERT_TRUE(run_until(ioc, [&] { return states.size() >= 7; }));
    EXPECT_EQ(std::vector<S>(states.begin(), states.begin() + 7),
        (std::vector<S>{S::connecting, S::authorizing, S::ready, S::backing_off, S::connecting,
            S::authorizing, S::ready}));
    EXPECT_EQ(run_calls, 0);
}

TEST_F(Reconnect, InFlightRequestsFailOnceAndQueuedOnesWaitForTheNextLogin)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->script("get_form", Reaction::withhold());
    Call in_flight, queued;
    client->async_call("get_form", json{{"type", "postchat"}}, in_flight.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 1; }));
    server->cut_all();
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == S::backing_off; }));
    client->async_call("get_form", json{{"type", "postchat"}}, queued.handler()); // while down
    ASSERT_TRUE(run_until(ioc, [&] { return in_flight.done() && queued.done(); }));
    EXPECT_EQ(in_flight.ec, rtm::error::connection_lost); // never resent
    EXPECT_FALSE(queued.ec);
    EXPECT_EQ(server->count("get_form"), 2u);
    EXPECT_EQ(server->count("login"), 2u);
    EXPECT_EQ(in_flight.calls, 1);
    EXPECT_EQ(queued.calls, 1);
}

TEST_F(Reconnect, PolicyStopReasonsEndTheRun)
{
    for (const char* reason : {"customer_banned", "license_expired", "license_not_found",
             "unsupported_version", "too_many_connections", "logged_out_remotely",
             "product_version_changed", "inactivity_timeout"}) {
        SCOPED_TRACE(reason);
        start();
        ASSERT_TRUE(ready_with_logins(1));
        server->disconnect_all(reason);
        ASSERT_TRUE(run_until(ioc, [&] { return run_calls == 1; }));
        EXPECT_EQ(run_ec, rtm::error::disconnected_by_server);
        EXPECT_EQ(client->diagnostics().server_type, reason);
        EXPECT_EQ(server->connections_accepted(), 1u);
        client.reset();
        server.reset();
        run_calls = 0;
    }
}

TEST_F(Reconnect, ReconnectReasonsComeBack)
{
    for (const char* reason : {"access_token_expired", "access_token_revoked", "connection_evicted",
             "connection_timeout", "internal_error", "too_many_unauthorized_connections",
             "service_temporarily_unavailable", "a_reason_from_the_future"}) {
        SCOPED_TRACE(reason);
        tokens_asked = 0;
        start();
        ASSERT_TRUE(ready_with_logins(1));
        server->disconnect_all(reason);
        ASSERT_TRUE(ready_with_logins(2));
        EXPECT_EQ(tokens_asked, 2); // a fresh token for every login
        EXPECT_EQ(causes.back().server_reason, reason);
        client.reset();
        server.reset();
        causes.clear();
    }
}

TEST_F(Reconnect, TemporarilyBlockedWaitsTheServersTimeout)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->disconnect_all("customer_temporarily_blocked", R"({"timeout":0.05})");
    ASSERT_TRUE(ready_with_logins(2));
    EXPECT_EQ(delays.back(), std::chrono::milliseconds(50));
}

// Issue 10: it used to reconnect at 0 ms, and again after every login (113 in 5 s).
TEST_F(Reconnect, MisdirectedConnectionReconnectsAfterTheMinimumDelayAndBacksOff)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->disconnect_all("misdirected_connection", R"({"region":"fra"})");
    ASSERT_TRUE(ready_with_logins(2)); // a user-set URL is kept: same mock, same port
    EXPECT_EQ(delays.back(), std::chrono::milliseconds(5));
    server->disconnect_all("misdirected_connection", R"({"region":"fra"})");
    ASSERT_TRUE(ready_with_logins(3));
    EXPECT_EQ(delays.back(), std::chrono::milliseconds(10)) << "the login in between did not reset it";
}

TEST_F(Reconnect, HugeBlockTimeoutsAreClampedNotOverflowed)
{
    for (const char* timeout : {"1e10", "1e300", "18446744073709551615"}) {
        ASSERT_NO_FATAL_FAILURE(start());
        ASSERT_TRUE(ready_with_logins(1));
        server->disconnect_all("customer_temporarily_blocked", std::string(R"({"timeout":)") + timeout + "}");
        ASSERT_TRUE(run_until(ioc, [&] { return !delays.empty(); }));
        EXPECT_EQ(delays.back(), rtm::Backoff{}.max_server_delay) << timeout;
        client.reset();
        delays.clear();
    }
}

TEST_F(Reconnect, SurvivesAStormOfFailedLogins)
{
    start();
    for (int i = 0; i < 4; ++i)
        server->script("login", Reaction::cut());
    ASSERT_TRUE(ready_with_logins(5));
    EXPECT_EQ(delays.size(), 4u);
    EXPECT_LT(delays[0], delays[3]); // exponential
    EXPECT_EQ(run_calls, 0);
}

TEST_F(Reconnect, StopDuringBackoffEndsEverything)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->stop(); // nobody answers any more
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == S::backing_off; }));
    Call waiting;
    client->async_call("get_form", json::object(), waiting.handler());
    client->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return run_calls == 1 && waiting.done(); }));
    EXPECT_EQ(run_ec, asio::error::operation_aborted);
    EXPECT_EQ(waiting.ec, asio::error::operation_aborted);
    EXPECT_EQ(client->state(), S::closed);
}

TEST_F(Reconnect, CustomerSideStorageIsEchoedAtTheNextLogin)
{
    MockServerConfig mc;
    mc.customer_side_storage = {{"visits", "3"}};
    start(mc);
    ASSERT_TRUE(ready_with_logins(1));
    server->cut_all();
    ASSERT_TRUE(ready_with_logins(2));
    auto second = json::parse(server->received().back().payload_json);
    EXPECT_EQ(second["customer_side_storage"]["visits"], "3");
}

TEST_F(Reconnect, AnotherCustomerOnReLoginStops)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->set_customer_id("someone-else");
    server->cut_all();
    ASSERT_TRUE(run_until(ioc, [&] { return run_calls == 1; }));
    EXPECT_EQ(run_ec, rtm::error::customer_changed);
}

TEST_F(Reconnect, AtMostTenRequestsAreInFlight)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    for (int i = 0; i < 15; ++i)
        server->script("get_form", Reaction::respond(R"({"enabled":false})").after(std::chrono::milliseconds(80)));
    std::vector<Call> calls(15);
    for (auto& c : calls)
        client->async_call("get_form", json{{"type", "postchat"}}, c.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 10; }));
    run_until(ioc, [] { return false; }, std::chrono::milliseconds(30)); // before any answer
    EXPECT_EQ(server->count("get_form"), 10u);
    ASSERT_TRUE(run_until(ioc, [&] {
        return std::all_of(calls.begin(), calls.end(), [](const Call& c) { return c.done(); });
    }));
    EXPECT_EQ(server->count("get_form"), 15u);
    for (auto& c : calls) {
        EXPECT_FALSE(c.ec);
        EXPECT_EQ(c.calls, 1);
    }
}

TEST_F(Reconnect, FullQueueRejectsAtOnce)
{
    start({}, [](rtm::ClientConfig& cfg) {
        cfg.auto_login = false; // nothing is sent until login
        cfg.max_queued_requests = 2;
    });
    Call a, b, c;
    client->async_call("get_form", json::object(), a.handler());
    client->async_call("get_form", json::object(), b.handler());
    client->async_call("get_form", json::object(), c.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return c.done(); }));
    EXPECT_EQ(c.ec, rtm::error::request_queue_full);
    EXPECT_FALSE(a.done());
    client->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return a.done() && b.done(); }));
    EXPECT_EQ(a.ec, asio::error::operation_aborted);
}

TEST_F(Reconnect, DestroyingTheClientWhileBackingOffAbortsEverything)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    server->stop();
    ASSERT_TRUE(run_until(ioc, [&] { return client->state() == S::backing_off; }));
    Call waiting;
    client->async_call("get_form", json::object(), waiting.handler());
    client.reset();
    ASSERT_TRUE(run_until(ioc, [&] { return run_calls == 1 && waiting.done(); }));
    EXPECT_EQ(waiting.ec, asio::error::operation_aborted);
    EXPECT_EQ(waiting.calls, 1);
}

TEST_F(Reconnect, TenInFlightAtACutAllFailOnceAndTheClientComesBack)
{
    start();
    ASSERT_TRUE(ready_with_logins(1));
    for (int i = 0; i < 10; ++i)
        server->script("get_form", Reaction::withhold());
    std::vector<Call> calls(10);
    for (auto& c : calls)
        client->async_call("get_form", json::object(), c.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 10; }));
    server->cut_all();
    ASSERT_TRUE(ready_with_logins(2));
    ASSERT_TRUE(run_until(ioc, [&] {
        return std::all_of(calls.begin(), calls.end(), [](const Call& c) { return c.done(); });
    }));
    for (auto& c : calls) {
        EXPECT_EQ(c.calls, 1);
        EXPECT_EQ(c.ec, rtm::error::connection_lost);
    }
    EXPECT_EQ(server->count("get_form"), 10u); // none resent
}

TEST_F(Reconnect, SlowTokenProviderMissesTheWindowThenRecovers)
{
    // The first two tokens come after the login window has closed; the third in time.
    asio::steady_timer slow(ioc);
    start({}, [&](rtm::ClientConfig& cfg) {
        cfg.login_window = std::chrono::milliseconds(60);
        cfg.token_provider = [this, &slow](rtm::TokenCallback done) {
            if (++tokens_asked >= 3)
                return done({}, "quick");
            slow.expires_after(std::chrono::milliseconds(150));
            slow.async_wait([done](error_code) { done({}, "late"); });
        };
    });
    ASSERT_TRUE(ready_with_logins(1));
    EXPECT_EQ(tokens_asked, 3);
    ASSERT_GE(causes.size(), 2u);
    EXPECT_EQ(causes[0].ec, rtm::error::login_timeout);
    EXPECT_EQ(json::parse(server->received().back().payload_json)["token"], "Bearer quick");
}

TEST_F(Reconnect, FailingTokenProviderIsRetried)
{
    start({}, [&](rtm::ClientConfig& cfg) {
        cfg.token_provider = [this](rtm::TokenCallback done) {
            if (++tokens_asked < 3)
                return done(asio::error::host_unreachable, {});
            done({}, "finally");
        };
    });
    ASSERT_TRUE(ready_with_logins(1));
    EXPECT_EQ(causes.at(0).ec, rtm::error::token_provider_failed);
    EXPECT_EQ(tokens_asked, 3);
}

TEST(Stop, AsyncStopCompletesAfterEverythingElseAndLeavesNoTimers)
{
    asio::io_context ioc;
    auto server = std::make_unique<MockServer>(ioc.get_executor());
    ASSERT_FALSE(server->start());
    auto cfg = fast_config(*server);
    cfg.reconnect.enabled = true;
    rtm::v3_0::RtmClient client(ioc, cfg);
    std::vector<std::string> order;
    client.async_run([&](error_code ec) {
        EXPECT_EQ(ec, asio::error::operation_aborted);
        order.push_back("run");
    });
    ASSERT_TRUE(run_until(ioc, [&] { return client.state() == S::ready; }));
    server->script("get_form", Reaction::withhold());
    client.async_call("get_form", json::object(), [&](error_code ec, json) {
        EXPECT_EQ(ec, asio::error::operation_aborted);
        order.push_back("request");
    });
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("get_form") == 1; }));
    bool stopped = false;
    client.async_stop([&](error_code ec) {
        EXPECT_FALSE(ec);
        order.push_back("stop");
        stopped = true;
    });
    ASSERT_TRUE(run_until(ioc, [&] { return stopped; }));
    EXPECT_EQ(order, (std::vector<std::string>{"request", "run", "stop"}));
    server->stop();
    server.reset();
    // Nothing of the client is left pending: run() returns by itself (bounded by run_for).
    ioc.restart();
    ioc.run_for(std::chrono::seconds(5));
    EXPECT_TRUE(ioc.stopped());
    bool again = false; // stopping a stopped client completes at once
    client.async_stop([&](error_code) { again = true; });
    ioc.restart();
    ioc.run_for(std::chrono::seconds(1));
    EXPECT_TRUE(again);
}

TEST_F(Reconnect, RequestsThatExpireWhileQueuedCompleteOnceAndLeaveNothingBehind)
{
    start({}, [](rtm::ClientConfig& cfg) {
        cfg.auto_login = false; // requests stay queued until they expire
        cfg.request_timeout = std::chrono::milliseconds(30);
        cfg.max_queued_requests = 50;
    });
    std::vector<Call> calls(200); // four times the queue bound: expired ones free their places
    for (std::size_t i = 0; i < calls.size(); ++i) {
        client->async_call("get_form", json::object(), calls[i].handler());
        if (i % 40 == 39) {
            ASSERT_TRUE(run_until(ioc, [&] { return calls[i].done(); }));
        }
    }
    ASSERT_TRUE(run_until(ioc, [&] {
        return std::all_of(calls.begin(), calls.end(), [](const Call& c) { return c.done(); });
    }));
    for (auto& c : calls) {
        EXPECT_EQ(c.calls, 1);
        EXPECT_TRUE(c.ec == rtm::error::deadline_exceeded || c.ec == rtm::error::request_queue_full);
    }
    // The queue is empty again: a login now sends nothing stale.
    std::optional<error_code> login;
    client->async_login({}, [&](error_code ec, auto) { login = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return login.has_value(); }));
    EXPECT_FALSE(*login);
    EXPECT_EQ(server->count("get_form"), 0u);
}
