// The client against servers that break the rules on purpose (testing::HostileServer): every
// close path is bounded by close_timeout, whatever the peer does, and every request completes
// exactly once. Every test runs over a v3.0 and a 3.6 connection.

#include <livechat/rtm/v3_0/version.hpp>
#include <livechat/rtm/v3_6/version.hpp>
#include <livechat/rtm/testing/hostile_server.hpp>

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "test_support.hpp"

namespace {

using namespace rtm_test;
namespace rtm = livechat::rtm;
using Server = livechat::rtm::testing::HostileServer;
using livechat::rtm::testing::HostileStep;
using Steps = std::vector<HostileStep>;

Steps concat(Steps a, const Steps& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// The clients every test runs with: one per protocol version.
using Clients = ::testing::Types<rtm::v3_0::RtmClient, rtm::v3_6::RtmClient>;
template <class Client>
class HostileServer : public ::testing::Test {};
TYPED_TEST_SUITE(HostileServer, Clients);

template <class Client>
rtm::ClientConfig hostile_config(const livechat::rtm::testing::HostileServer& server)
{
    rtm::ClientConfig cfg;
    cfg.url = server.url(Client::version_type::name);
    cfg.token_provider = rtm::static_token("good-token");
    cfg.login_window = 2s;
    cfg.ping_interval = 10s;
    cfg.request_timeout = 300ms;
    cfg.connect_timeout = 1s;
    cfg.close_timeout = 200ms;
    cfg.reconnect.enabled = false;
    return cfg;
}

/// Logs in against `script`, then stops the client and checks that the stop (and the run)
/// complete within close_timeout plus a margin, whatever the server does meanwhile.
template <class Client>
void expect_bounded_stop(const Steps& after_login, bool call_first = false)
{
    boost::asio::io_context ioc;
    Server server(ioc.get_executor(), concat(HostileStep::handshake_and_login(), after_login));
    ASSERT_FALSE(server.start());
    Client client(ioc, hostile_config<Client>(server));
    RunOutcome run, stop;
    Outcome<> login, call;
    client.async_run(run.handler());
    client.async_login({}, [&](error_code ec, auto) { login.handler()(ec, {}); });
    ASSERT_TRUE(run_until(ioc, [&] { return login.done(); }, 3s));
    ASSERT_FALSE(login.ec) << login.ec.message();
    if (call_first) { // a request times out while the line is stuck inside a frame
        client.async_call("get_customer", rtm::json::object(), call.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return call.done(); }, 3s));
        EXPECT_EQ(call.ec, rtm::error::deadline_exceeded);
    } else {
        // Let the hostile bytes arrive before the stop.
        run_until(ioc, [&] { return server.scripts_finished() > 0; }, 300ms);
    }
    auto started = std::chrono::steady_clock::now();
    client.async_stop(stop.handler());
    // close_timeout is 200 ms: 1.2 s is "bounded" with room for a loaded machine.
    EXPECT_TRUE(run_until(ioc, [&] { return stop.done() && run.done(); }, 1200ms))
        << "the stop hung: " << server.frames_read() << " client frames seen by the server";
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1200ms);
    EXPECT_EQ(stop.calls, 1);
    EXPECT_EQ(run.calls, 1);
    EXPECT_EQ(client.state(), rtm::SessionState::closed);
    // Nothing is left behind: with the server gone too, io_context::run() runs out of work.
    // (Beast used to keep a close suspended behind a stuck read: run() never returned.)
    server.stop();
    ioc.restart();
    auto drained = std::chrono::steady_clock::now();
    ioc.run_for(2s);
    EXPECT_LT(std::chrono::steady_clock::now() - drained, 1s) << "work was left on the io_context";
}

TYPED_TEST(HostileServer, TruncatedFrameThenCloseFrameAndFinDoesNotHangTheStop)
{
    // 1000 bytes announced, 3 sent; the server answers the client's close with its own, then
    // closes TCP with FIN. From the client's side the close frame is payload of the open frame.
    expect_bounded_stop<TypeParam>({HostileStep::truncated_frame(1000, "abc"), HostileStep::await_close(),
        HostileStep::send_close(), HostileStep::fin(), HostileStep::stall()});
}

TYPED_TEST(HostileServer, TruncatedFrameAndSilenceDoesNotHangTheStop)
{
    expect_bounded_stop<TypeParam>({HostileStep::truncated_frame(1000, "abc"), HostileStep::stall()});
}

TYPED_TEST(HostileServer, FrameAnnouncingTwoToTheSixtyThreeBytesDoesNotHangAfterATimeout)
{
    expect_bounded_stop<TypeParam>(
        {HostileStep::truncated_frame(std::uint64_t(1) << 63, "abc"), HostileStep::stall()},
        /*call_first=*/true);
}

TYPED_TEST(HostileServer, TruncatedFrameThenFinDoesNotHangTheStop)
{
    expect_bounded_stop<TypeParam>({HostileStep::truncated_frame(1000, "abc"), HostileStep::fin(), HostileStep::stall()});
}

TYPED_TEST(HostileServer, ServerThatNeverAnswersTheCloseFrameDoesNotHangTheStop)
{
    expect_bounded_stop<TypeParam>({HostileStep::stall()});
}

TYPED_TEST(HostileServer, ServerThatAnswersCloseWithResetDoesNotHangTheStop)
{
    expect_bounded_stop<TypeParam>({HostileStep::await_close(), HostileStep::rst()});
}

TYPED_TEST(HostileServer, CloseRaceBothSidesCloseAtOnce)
{
    expect_bounded_stop<TypeParam>({HostileStep::send_close(), HostileStep::await_close(), HostileStep::stall()});
}

/// A server that stalls at one step of the opening handshake: the run fails with
/// connect_timeout within connect_timeout (not close_timeout, not forever).
template <class Client>
void expect_open_bounded(const Steps& script)
{
    boost::asio::io_context ioc;
    Server server(ioc.get_executor(), script);
    ASSERT_FALSE(server.start());
    auto cfg = hostile_config<Client>(server);
    cfg.connect_timeout = 400ms;
    cfg.close_timeout = 50ms;
    Client client(ioc, cfg);
    RunOutcome run;
    auto started = std::chrono::steady_clock::now();
    client.async_run(run.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return run.done(); }, 3s));
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(run.ec, rtm::error::connect_timeout) << run.ec.message();
    // Bounded by connect_timeout, and not cut short by the (much shorter) close_timeout.
    EXPECT_GE(took, 350ms);
    EXPECT_LT(took, 2s);
}

TYPED_TEST(HostileServer, StallBeforeReadingTheUpgradeRequestIsBoundedByConnectTimeout)
{
    expect_open_bounded<TypeParam>({HostileStep::pause(10s)});
}

TYPED_TEST(HostileServer, StallAfterTheUpgradeRequestIsBoundedByConnectTimeout)
{
    Steps s{HostileStep::handshake().front(), HostileStep::stall()};
    expect_open_bounded<TypeParam>(s);
}

TYPED_TEST(HostileServer, StallInsideTheUpgradeResponseIsBoundedByConnectTimeout)
{
    Steps s{HostileStep::handshake().front(), HostileStep::raw("HTTP/1.1 101 Switching Protocols\r\nUpg"),
        HostileStep::stall()};
    expect_open_bounded<TypeParam>(s);
}

std::string nested(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

// Issue 10: about 12,000 nested arrays in a response, an error, a push or a login field crashed
// the client (stack overflow). Each is refused with nesting_too_deep and the client lives on.
TYPED_TEST(HostileServer, DeeplyNestedLoginResponseFailsTheLoginWithANamedError)
{
    using Client = TypeParam;
    boost::asio::io_context ioc;
    Server server(ioc.get_executor(),
        HostileStep::handshake_and_login(R"({"customer_id":"c","chats":[],"x":)" + nested(12'000) + "}"));
    ASSERT_FALSE(server.start());
    Client client(ioc, hostile_config<Client>(server));
    RunOutcome run;
    Outcome<> login;
    client.async_run(run.handler());
    client.async_login({}, [&](error_code ec, auto) { login.handler()(ec, {}); });
    ASSERT_TRUE(run_until(ioc, [&] { return login.done() && run.done(); }, 3s));
    EXPECT_EQ(login.ec, rtm::error::nesting_too_deep);
    EXPECT_EQ(run.ec, rtm::error::nesting_too_deep);
}

TYPED_TEST(HostileServer, DeeplyNestedPushesResponsesAndErrorsAreRefusedAndTheClientLivesOn)
{
    using Client = TypeParam;
    boost::asio::io_context ioc;
    auto deep = nested(12'000);
    Server server(ioc.get_executor(),
        concat(HostileStep::handshake_and_login(),
            {HostileStep::text(R"({"type":"push","action":"incoming_event","payload":{"event":)" + deep + "}}"),
                HostileStep::answer(R"({"x":)" + deep + "}"),
                HostileStep::answer(R"({"error":{"type":"validation","message":"m","data":)" + deep + "}}"),
                HostileStep::answer(R"({"total_chats":0,"chats_summary":[]})"), HostileStep::stall()}));
    ASSERT_FALSE(server.start());
    Client client(ioc, hostile_config<Client>(server));
    RunOutcome run;
    Outcome<> login, deep_ok, deep_error, fine;
    client.async_run(run.handler());
    client.async_login({}, [&](error_code ec, auto) { login.handler()(ec, {}); });
    ASSERT_TRUE(run_until(ioc, [&] { return login.done(); }, 3s));
    ASSERT_FALSE(login.ec) << login.ec.message();
    client.async_call("get_chats_summary", rtm::json::object(), deep_ok.handler());
    client.async_call("get_chats_summary", rtm::json::object(), deep_error.handler());
    client.async_call("get_chats_summary", rtm::json::object(), fine.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return fine.done(); }, 3s));
    EXPECT_EQ(deep_ok.ec, rtm::error::nesting_too_deep);
    EXPECT_EQ(deep_error.ec, rtm::error::nesting_too_deep);
    EXPECT_FALSE(fine.ec) << fine.ec.message();
    EXPECT_EQ(fine.value["total_chats"], 0);
    EXPECT_EQ(client.state(), rtm::SessionState::ready);
}

// Issue 10: misdirected_connection right after every login reconnected at 0 ms each time.
TYPED_TEST(HostileServer, ADisconnectPushAfterEveryLoginIsMetWithAGrowingBackoff)
{
    using Client = TypeParam;
    boost::asio::io_context ioc;
    Server server(ioc.get_executor(),
        concat(HostileStep::handshake_and_login(),
            {HostileStep::text(R"({"type":"push","action":"customer_disconnected","payload":{"reason":"misdirected_connection","data":{"region":"fra"}}})"),
                HostileStep::send_close(), HostileStep::close()}));
    ASSERT_FALSE(server.start());
    auto cfg = hostile_config<Client>(server);
    cfg.reconnect.enabled = true;
    cfg.reconnect.backoff.min_delay = 10ms;
    cfg.reconnect.backoff.max_delay = 1s;
    cfg.reconnect.random = [] { return 0.9; }; // the most jitter: still never below the minimum
    Client client(ioc, cfg);
    std::vector<std::chrono::milliseconds> delays;
    client.on_reconnecting([&](std::chrono::milliseconds d, const rtm::DisconnectCause&) { delays.push_back(d); });
    client.async_run([](error_code) {});
    ASSERT_TRUE(run_until(ioc, [&] { return delays.size() >= 4; }, 5s));
    EXPECT_GE(server.connections(), 4u);
    for (std::size_t i = 0; i < delays.size(); ++i) {
        EXPECT_GE(delays[i], 10ms) << i;
        if (i > 0 && i < 4) {
            EXPECT_GT(delays[i], delays[i - 1]) << i;
        }
    }
}

// Issue 10: a login that outlived the window was reported as "connection lost".
TYPED_TEST(HostileServer, ALoginThatOutlivesTheWindowFailsWithLoginTimeout)
{
    using Client = TypeParam;
    boost::asio::io_context ioc;
    auto steps = HostileStep::handshake();
    steps.push_back(HostileStep::stall());
    Server server(ioc.get_executor(), steps);
    ASSERT_FALSE(server.start());
    auto cfg = hostile_config<Client>(server);
    cfg.login_window = 200ms;
    Client client(ioc, cfg);
    RunOutcome run;
    Outcome<> login;
    client.async_run(run.handler());
    client.async_login({}, [&](error_code ec, auto) { login.handler()(ec, {}); });
    ASSERT_TRUE(run_until(ioc, [&] { return login.done() && run.done(); }, 3s));
    EXPECT_EQ(login.ec, rtm::error::login_timeout) << login.ec.message();
    EXPECT_EQ(run.ec, rtm::error::login_timeout);
}

} // namespace
