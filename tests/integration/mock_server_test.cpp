// The mock service's own contract, seen through a raw client.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <gtest/gtest.h>

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
    rtm::RtmClient client;
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
        rtm::RtmClient client(ioc, cfg);
        std::optional<rtm::error_code> login;
        client.async_run([](rtm::error_code) {});
        client.async_login({}, [&](rtm::error_code ec, auto) { login = ec; });
        ASSERT_TRUE(run_until(ioc, [&] { return login.has_value(); }));
        EXPECT_EQ(*login, expected) << token;
    }
}
