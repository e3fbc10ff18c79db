// Reading Accounts API responses: errors in any status, tokens, Set-Cookie, limits.

#include <livechat/rtm/accounts/impl/response.hpp>

#include <gtest/gtest.h>

namespace {

namespace accounts = livechat::rtm::accounts;
namespace rd = livechat::rtm::detail;
using accounts::detail::read_token_response;
using livechat::rtm::Diagnostics;
using livechat::rtm::error_code;

rd::HttpResponse response(unsigned status, std::string body, rd::HttpHeaders headers = {})
{
    return rd::HttpResponse{status, std::move(headers), std::move(body)};
}

TEST(AccountsResponse, ASuccessGivesTheTokenAndEveryDocumentedField)
{
    accounts::TokenGrant grant;
    Diagnostics diag;
    auto ec = read_token_response(response(200, R"({"access_token":"dal:test_SZhSSbShcZxrv580FA",
        "client_id":"9cbf","entity_id":"bf18d1a8","expires_in":28800,"token_type":"Bearer",
        "organization_id":"390e44e6"})"), grant, diag);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(grant.token.access_token, "dal:test_SZhSSbShcZxrv580FA");
    EXPECT_EQ(grant.token.region(), "dal");
    EXPECT_EQ(grant.token.entity_id, "bf18d1a8");
    EXPECT_EQ(grant.token.organization_id, "390e44e6");
    EXPECT_EQ(grant.token.client_id, "9cbf");
    EXPECT_EQ(grant.token.expires_in, std::chrono::seconds(28800));
    EXPECT_GT(grant.token.expires_at, std::chrono::steady_clock::now() + std::chrono::hours(7));
}

TEST(AccountsResponse, TheLegacySpellingAndMissingFieldsAreAccepted)
{
    accounts::TokenGrant grant;
    Diagnostics diag;
    ASSERT_FALSE(read_token_response(response(200, R"({"access_token":"p-cjQcfhTqego5I48WeAPw","expires_id":3600})"), grant, diag));
    EXPECT_EQ(grant.token.expires_in, std::chrono::seconds(3600));
    EXPECT_EQ(grant.token.region(), "");
    EXPECT_EQ(accounts::rtm_host_for(grant.token.access_token), "api.livechatinc.com");
    ASSERT_FALSE(read_token_response(response(200, R"({"access_token":"fra-a:x"})"), grant, diag));
    EXPECT_EQ(grant.token.expires_in, std::chrono::seconds(28800)) << "the documented default";
    EXPECT_EQ(accounts::rtm_host_for(grant.token.access_token), "api-fra.livechatinc.com");
}

TEST(AccountsResponse, LifetimesFromTheServerAreClamped)
{
    accounts::TokenGrant grant;
    Diagnostics diag;
    ASSERT_FALSE(read_token_response(response(200, R"({"access_token":"a","expires_in":-5})"), grant, diag));
    EXPECT_EQ(grant.token.expires_in.count(), 0);
    ASSERT_FALSE(read_token_response(response(200, R"({"access_token":"a","expires_in":1e300})"), grant, diag));
    EXPECT_EQ(grant.token.expires_in.count(), 366LL * 24 * 3600);
}

TEST(AccountsResponse, AnErrorObjectIsAnErrorWhateverTheStatus)
{
    struct Case {
        unsigned status;
        const char* body;
        accounts::error expected;
    } cases[] = {
        {200, R"({"oauth_exception":"invalid_client","exception_description":"no such client"})", accounts::error::invalid_client},
        {401, R"({"oauth_exception":"unauthorized_client"})", accounts::error::unauthorized_client},
        {200, R"({"identity_exception":"identity_lost"})", accounts::error::identity_lost},
        {403, R"({"identity_exception":"access_denied"})", accounts::error::identity_access_denied},
        {400, R"({"error":"invalid_grant","error_description":"bad code"})", accounts::error::invalid_grant},
        {200, R"({"oauth_exception":"brand_new"})", accounts::error::oauth_other},
        {200, R"({"identity_exception":"brand_new"})", accounts::error::identity_other},
        {500, R"({"oauth_exception":"server_error"})", accounts::error::server_error},
    };
    for (const auto& c : cases) {
        accounts::TokenGrant grant;
        Diagnostics diag;
        auto ec = read_token_response(response(c.status, c.body), grant, diag);
        EXPECT_EQ(ec, c.expected) << c.body;
        EXPECT_FALSE(diag.server_type.empty()) << c.body;
        EXPECT_TRUE(grant.token.access_token.empty());
    }
    Diagnostics diag;
    accounts::TokenGrant grant;
    read_token_response(response(200, R"({"oauth_exception":"invalid_client","exception_description":"no such client"})"), grant, diag);
    EXPECT_EQ(diag.server_type, "invalid_client");
    EXPECT_EQ(diag.server_message, "no such client");
}

TEST(AccountsResponse, StatusesWithoutAReadableErrorAreNamed)
{
    struct Case {
        unsigned status;
        accounts::error expected;
    } cases[] = {{500, accounts::error::http_unavailable}, {503, accounts::error::http_unavailable},
        {429, accounts::error::http_unavailable}, {400, accounts::error::http_error}, {404, accounts::error::http_error},
        {302, accounts::error::redirect_refused}, {101, accounts::error::http_error}};
    for (const auto& c : cases) {
        accounts::TokenGrant grant;
        Diagnostics diag;
        EXPECT_EQ(read_token_response(response(c.status, "<html>oops</html>"), grant, diag), c.expected) << c.status;
        EXPECT_EQ(diag.client_message, "HTTP status " + std::to_string(c.status));
    }
}

TEST(AccountsResponse, ASuccessWithoutAUsableTokenIsMalformed)
{
    for (const char* body : {"", "not json", "[]", R"({"expires_in":10})", R"({"access_token":""})",
             R"({"access_token":5})", R"({"access_token":"a b"})", R"({"access_token":"a\nb"})",
             R"({"access_token":"a","entity_id":7})", R"({"access_token":"a","expires_in":"soon"})"}) {
        accounts::TokenGrant grant;
        Diagnostics diag;
        EXPECT_EQ(read_token_response(response(200, body), grant, diag), accounts::error::malformed_response) << body;
        EXPECT_FALSE(diag.client_message.empty());
    }
}

TEST(AccountsResponse, EachSetCookieHeaderIsOneCookie)
{
    rd::HttpHeaders headers = {
        {"Set-Cookie", "__lc_cid=bf18d1a8; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/v2/customer; HttpOnly"},
        {"set-cookie", "__lc_cst=\"0a1b2c\"; Max-Age=63072000; Secure; SameSite=None"},
        {"Set-Cookie", "other=1"},
        {"Set-Cookie", "broken"},
        {"Set-Cookie", "__lc_cst=bad value; Path=/"},
    };
    auto cookies = accounts::detail::cookies_of(response(200, "{}", headers));
    EXPECT_EQ(cookies.lc_cid, "bf18d1a8");
    EXPECT_EQ(cookies.lc_cst, "0a1b2c") << "a malformed later cookie does not replace a good one";
}

TEST(AccountsResponse, TheParserHoldsResponsesToTheirLimits)
{
    rd::HttpLimits limits;
    limits.max_body_size = 16;
    limits.max_header_size = 256;
    rd::HttpResponse out;
    EXPECT_FALSE(rd::parse_http_response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", limits, out));
    EXPECT_EQ(out.status, 200u);
    EXPECT_EQ(out.body, "{}");
    EXPECT_EQ(rd::parse_http_response("HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n" + std::string(17, 'x'), limits, out),
        accounts::error::response_too_large);
    EXPECT_EQ(rd::parse_http_response("HTTP/1.1 200 OK\r\nX: " + std::string(300, 'x') + "\r\n\r\n", limits, out),
        accounts::error::response_too_large);
    EXPECT_EQ(rd::parse_http_response("HTTP/1.1 200 OK\r\n\r\n" + std::string(17, 'x'), limits, out),
        accounts::error::response_too_large) << "a body without a length is bounded too";
    EXPECT_EQ(rd::parse_http_response("HTTX/1.1 200 OK\r\n\r\n", limits, out), accounts::error::malformed_response);
    EXPECT_TRUE(rd::parse_http_response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", limits, out))
        << "a body shorter than announced is incomplete";
}

TEST(AccountsErrors, TransientErrorsAreThoseWorthAnotherTry)
{
    using E = accounts::error;
    for (auto e : {E::timeout, E::http_unavailable, E::server_error, E::temporarily_unavailable, E::identity_server_error})
        EXPECT_TRUE(accounts::is_transient(e)) << error_code(e).message();
    for (auto e : {E::invalid_client, E::unauthorized_client, E::identity_lost, E::identity_changed, E::malformed_response,
             E::invalid_config, E::access_denied, E::http_error})
        EXPECT_FALSE(accounts::is_transient(e)) << error_code(e).message();
    EXPECT_TRUE(accounts::is_transient(boost::asio::error::connection_refused));
    EXPECT_FALSE(accounts::is_transient(boost::asio::error::operation_aborted));
    EXPECT_EQ(error_code(E::invalid_client).message(), "oauth_exception 'invalid_client'");
    EXPECT_STREQ(error_code(E::invalid_client).category().name(), "livechat.accounts");
}

} // namespace
