// The Accounts client against the mock Accounts API: grants, cookies, errors, faults, limits.

#include "accounts_support.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <functional>
#include <string>

namespace {

using namespace accounts_test;

TEST_F(AccountsFixture, ACookieGrantWithoutCookiesCreatesACustomerAndSetsBothCookies)
{
    auto r = grant(accounts::GrantRequest::cookie(organization));
    ASSERT_FALSE(r.ec) << r.ec.message() << " " << r.diag.client_message;
    EXPECT_EQ(r.value.token.region(), "dal");
    EXPECT_FALSE(r.value.token.entity_id.empty());
    EXPECT_EQ(r.value.token.organization_id, organization);
    EXPECT_EQ(r.value.cookies.lc_cid, r.value.token.entity_id);
    EXPECT_EQ(r.value.cookies.lc_cst.size(), 64u);
    ASSERT_EQ(server.requests().size(), 1u);
    const auto& req = server.requests().front();
    EXPECT_EQ(req.target, "/v2/customer/token");
    EXPECT_EQ(req.content_type, "application/json");
    EXPECT_EQ(req.grant_type, "cookie");
    EXPECT_TRUE(req.cookie.empty());
    EXPECT_NE(req.body.find(R"("response_type":"token")"), std::string::npos);
}

TEST_F(AccountsFixture, TheStoredCookiesGetANewTokenForTheSameCustomer)
{
    auto first = grant(accounts::GrantRequest::cookie(organization));
    ASSERT_FALSE(first.ec);
    auto second = grant(accounts::GrantRequest::cookie(organization, first.value.cookies));
    ASSERT_FALSE(second.ec);
    EXPECT_EQ(second.value.token.entity_id, first.value.token.entity_id);
    EXPECT_NE(second.value.token.access_token, first.value.token.access_token);
    EXPECT_EQ(server.customers(), 1u);
    const auto& req = server.requests().back();
    EXPECT_EQ(req.cookie, "__lc_cid=" + first.value.token.entity_id + "; __lc_cst=<redacted>")
        << "both cookies are sent back explicitly; the record hides the secret";
}

TEST_F(AccountsFixture, AGroupSeparatedIdentityUsesTheGroupPath)
{
    auto req = accounts::GrantRequest::cookie(organization);
    req.group_id = "7";
    auto r = grant(req);
    ASSERT_FALSE(r.ec) << r.diag.server_message;
    EXPECT_EQ(server.requests().back().target, "/v2/customer/" + organization + "/7/token");
}

TEST_F(AccountsFixture, TheAgentTokenGrantIsKeyedByEntityId)
{
    auto created = grant(accounts::GrantRequest::agent(agent_token));
    ASSERT_FALSE(created.ec) << created.diag.server_message;
    EXPECT_TRUE(created.value.cookies.empty());
    auto again = grant(accounts::GrantRequest::agent(agent_token, created.value.token.entity_id));
    ASSERT_FALSE(again.ec);
    EXPECT_EQ(again.value.token.entity_id, created.value.token.entity_id);
    EXPECT_EQ(server.requests().back().authorization, "Bearer <redacted>");

    auto unknown = grant(accounts::GrantRequest::agent("someone-else"));
    EXPECT_EQ(unknown.ec, accounts::error::identity_unauthorized);
    auto weak = grant(accounts::GrantRequest::agent(weak_agent_token));
    EXPECT_EQ(weak.ec, accounts::error::access_denied);
    EXPECT_EQ(weak.diag.server_type, "access_denied");
    auto missing = grant(accounts::GrantRequest::agent(agent_token, "no-such-customer"));
    EXPECT_EQ(missing.ec, accounts::error::resource_not_found);
}

TEST_F(AccountsFixture, ServerErrorsMapToNamedCodesWithTheServersText)
{
    server.fail_next(accounts_fault::oauth("invalid_client", 200));
    auto in_200 = grant(accounts::GrantRequest::cookie(organization));
    EXPECT_EQ(in_200.ec, accounts::error::invalid_client) << "an error inside an HTTP 200 is an error";
    EXPECT_EQ(in_200.diag.server_message, "mock: invalid_client");

    server.fail_next(accounts_fault::identity("identity_lost"));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization)).ec, accounts::error::identity_lost);

    server.fail_next(accounts_fault::respond(500));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization)).ec, accounts::error::http_unavailable);
    server.fail_next(accounts_fault::respond(302, ""));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization)).ec, accounts::error::redirect_refused);
    server.fail_next(accounts_fault::respond(200, "<html>"));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization)).ec, accounts::error::malformed_response);

    accounts::AccountsConfig wrong = accounts_config();
    wrong.client_id = "not-registered";
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), wrong).ec, accounts::error::unauthorized_client);
}

TEST_F(AccountsFixture, TheLegacyResponseShapeIsRead)
{
    server.fail_next(accounts_fault::legacy());
    auto r = grant(accounts::GrantRequest::cookie(organization));
    ASSERT_FALSE(r.ec);
    EXPECT_EQ(r.value.token.expires_in, std::chrono::seconds(28800)) << "read from expires_id";
    EXPECT_TRUE(r.value.token.organization_id.empty());
    EXPECT_TRUE(server.requests().back().grant_type == "cookie");
}

TEST_F(AccountsFixture, ACutConnectionIsReportedAndTransient)
{
    server.fail_next(accounts_fault::cut());
    auto r = grant(accounts::GrantRequest::cookie(organization));
    ASSERT_TRUE(r.ec);
    EXPECT_TRUE(accounts::is_transient(r.ec)) << r.ec.message();
    EXPECT_NE(r.diag.client_message.find("/v2/customer/token"), std::string::npos);
}

TEST_F(AccountsFixture, AStalledOrTricklingServerTimesOut)
{
    auto cfg = accounts_config();
    cfg.timeout = 300ms;
    server.fail_next(accounts_fault::stall());
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::timeout);
    server.fail_next(accounts_fault::trickle(50ms));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::timeout);
}

TEST_F(AccountsFixture, ABodyWithoutEndIsBoundedBySize)
{
    auto cfg = accounts_config();
    cfg.max_response_size = 32 * 1024;
    server.fail_next(accounts_fault::endless());
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::response_too_large);
}

TEST_F(AccountsFixture, ABodyThatDisagreesWithItsLengthIsNeverTakenAsMore)
{
    auto cfg = accounts_config();
    cfg.timeout = 300ms;
    const std::string body = R"({"access_token":"dal:abc","expires_in":60})";
    // Announced shorter than sent: only the announced bytes are read (here a cut JSON text).
    server.fail_next(accounts_fault::raw("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n" + body));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::malformed_response);
    // Announced longer than sent, then silence: bounded by the time limit.
    server.fail_next(accounts_fault::raw("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + body));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::timeout);
    // Announced beyond the size limit: refused without reading it.
    cfg.max_response_size = 1024;
    server.fail_next(accounts_fault::raw("HTTP/1.1 200 OK\r\nContent-Length: 99999999\r\n\r\n" + body));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::response_too_large);
    // Headers without end.
    server.fail_next(accounts_fault::raw("HTTP/1.1 200 OK\r\nX: " + std::string(64 * 1024, 'x')));
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::response_too_large);
}

TEST_F(AccountsFixture, BadSettingsFailBeforeAnythingIsSent)
{
    auto cfg = accounts_config();
    cfg.url = "http://accounts.example.com";
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::invalid_config)
        << "plain http only to loopback";
    cfg = accounts_config();
    cfg.client_id.clear();
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization), cfg).ec, accounts::error::invalid_config);
    EXPECT_EQ(grant(accounts::GrantRequest::cookie("../admin")).ec, accounts::error::invalid_config);
    EXPECT_EQ(grant(accounts::GrantRequest::cookie(organization, {"x", "a\r\nInjected: yes"})).ec,
        accounts::error::invalid_config);
    EXPECT_EQ(grant(accounts::GrantRequest::agent("")).ec, accounts::error::invalid_config);
    EXPECT_TRUE(server.requests().empty());
}

TEST_F(AccountsFixture, CancellingARequestCompletesItWithOperationAborted)
{
    server.fail_next(accounts_fault::stall());
    accounts::AccountsClient client(ioc.get_executor(), accounts_config());
    boost::asio::cancellation_signal cancel;
    rtm_test::Outcome<accounts::TokenGrant> out;
    client.async_request_token(accounts::GrantRequest::cookie(organization),
        boost::asio::bind_cancellation_slot(cancel.slot(), out.handler()));
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return !server.requests().empty(); }, 2000ms));
    cancel.emit(boost::asio::cancellation_type::terminal);
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return out.done(); }));
    EXPECT_EQ(out.ec, boost::asio::error::operation_aborted);
    rtm_test::run_until(ioc, [] { return false; }, 50ms);
    EXPECT_EQ(out.calls, 1);
}

TEST(AccountsTls, TheGrantWorksOverHttpsWithTheCertificateChecked)
{
    boost::asio::io_context ioc;
    testing_ns::MockAccountsConfig mc;
    mc.tls = true;
    testing_ns::MockAccountsServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    accounts::AccountsConfig cfg;
    cfg.url = server.url();
    cfg.client_id = "c";
    cfg.tls.ca_pem = testing_ns::MockServer::test_certificate_pem();
    cfg.tls.use_system_trust_store = false;
    accounts::AccountsClient client(ioc.get_executor(), cfg);
    rtm_test::Outcome<accounts::TokenGrant> out;
    client.async_request_token(accounts::GrantRequest::cookie("org"), out.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return out.done(); }));
    EXPECT_FALSE(out.ec) << out.ec.message();

    cfg.tls.ca_pem.clear(); // nothing trusts the test certificate now
    accounts::AccountsClient untrusting(ioc.get_executor(), cfg);
    rtm_test::Outcome<accounts::TokenGrant> refused;
    untrusting.async_request_token(accounts::GrantRequest::cookie("org"), refused.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return refused.done(); }));
    EXPECT_TRUE(refused.ec);
    EXPECT_FALSE(accounts::is_transient(refused.ec)) << refused.ec.message();
}

} // namespace

// The mock read grant_type with value("grant_type", std::string()), which threw on a grant_type of
// another type, out of the io_context the mock runs on: any client of rtm-mock-server could send
// one. It is a request without a grant type now.
TEST_F(AccountsFixture, TheMockAnswersAGrantTypeOfAnotherTypeWithInvalidRequest)
{
    namespace asio = boost::asio;
    std::string body = R"({"grant_type":5,"client_id":")" + client_id + R"(","response_type":"token"})";
    std::string request = "POST /v2/customer/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    asio::ip::tcp::socket socket(ioc);
    std::string answer;
    std::array<char, 4096> chunk{};
    bool closed = false;
    std::function<void()> read_more = [&] {
        socket.async_read_some(asio::buffer(chunk), [&](boost::system::error_code ec, std::size_t n) {
            answer.append(chunk.data(), n);
            if (ec)
                closed = true; // the mock closes after its answer
            else
                read_more();
        });
    };
    socket.async_connect({asio::ip::make_address("127.0.0.1"), server.port()}, [&](boost::system::error_code ec) {
        ASSERT_FALSE(ec) << ec.message();
        asio::async_write(socket, asio::buffer(request), [&](boost::system::error_code wec, std::size_t) {
            ASSERT_FALSE(wec) << wec.message();
            read_more();
        });
    });
    for (int i = 0; i < 500 && !closed; ++i) // bounded: 5 s at most
        ioc.run_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(closed) << answer;
    EXPECT_EQ(answer.rfind("HTTP/1.1 4", 0), 0u) << answer; // the mock says 401 for every OAuth error
    EXPECT_NE(answer.find("invalid_request"), std::string::npos) << answer;
    EXPECT_EQ(server.requests().back().grant_type, "");
}
