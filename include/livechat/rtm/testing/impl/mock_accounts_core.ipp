// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_ACCOUNTS_CORE_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_ACCOUNTS_CORE_IPP

// The mock Accounts API's state and what it answers (customer-auth.md section 4): customers,
// faults, recorded requests, and MockAccountsCore::grant. The HTTP connections that carry it
// are in mock_accounts_server.ipp.

#include <livechat/rtm/testing/impl/accept_loop.hpp>
#include <livechat/rtm/testing/impl/issued_tokens.ipp>
#include <livechat/rtm/testing/impl/test_certificate.ipp>
#include <livechat/rtm/testing/mock_accounts_server.hpp>

#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <deque>
#include <list>
#include <map>
#include <memory>

namespace livechat::rtm::testing {

AccountsFault AccountsFault::oauth(std::string value, unsigned status)
{
    return respond(status, nlohmann::json{{"oauth_exception", value}, {"exception_description", "mock: " + value}}.dump());
}

AccountsFault AccountsFault::identity(std::string value, unsigned status)
{
    return respond(status, nlohmann::json{{"identity_exception", value}, {"exception_description", "mock: " + value}}.dump());
}

namespace detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using nlohmann::json;

/// What the mock answers one request with.
struct AccountsAnswer {
    unsigned status = 200;
    std::string body;
    std::vector<std::string> set_cookies;
};

/// The value of cookie `name` in a Cookie header, or empty.
inline std::string cookie_value(std::string_view header, std::string_view name)
{
    while (!header.empty()) {
        auto end = header.find(';');
        auto pair = header.substr(0, end);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name)
            return std::string(pair.substr(eq + 1));
        if (end == std::string_view::npos)
            break;
        header.remove_prefix(end + 1);
    }
    return {};
}

inline std::string reason_phrase(unsigned status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

inline std::string response_text(const AccountsAnswer& a)
{
    std::string out = "HTTP/1.1 " + std::to_string(a.status) + " " + reason_phrase(a.status) + "\r\n";
    out += "Content-Type: application/json\r\nConnection: close\r\n";
    for (const auto& c : a.set_cookies)
        out += "Set-Cookie: " + c + "\r\n";
    out += "Content-Length: " + std::to_string(a.body.size()) + "\r\n\r\n" + a.body;
    return out;
}

class AccountsConnectionBase {
public:
    virtual ~AccountsConnectionBase() = default;
    virtual void close() = 0;
};

class MockAccountsCore : public std::enable_shared_from_this<MockAccountsCore> {
public:
    MockAccountsCore(asio::any_io_executor ex, MockAccountsConfig c)
        : ex(ex), cfg(std::move(c)), acceptor(ex), accept_pause_timer(ex), tls_ctx(asio::ssl::context::tls_server)
    {
        if (!cfg.issued_tokens)
            cfg.issued_tokens = std::make_shared<IssuedTokens>();
        tls_ctx.use_certificate_chain(asio::buffer(std::string_view(test_certificate)));
        tls_ctx.use_private_key(asio::buffer(std::string_view(test_private_key)), asio::ssl::context::pem);
    }

    error_code start()
    {
        error_code ec;
        asio::ip::tcp::endpoint ep(asio::ip::make_address(cfg.address, ec), cfg.port);
        if (ec)
            return ec;
        acceptor.open(ep.protocol(), ec);
        if (!ec)
            acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec)
            acceptor.bind(ep, ec);
        if (!ec)
            acceptor.listen(asio::socket_base::max_listen_connections, ec);
        if (ec)
            return ec;
        accept_next();
        return {};
    }

    void stop()
    {
        error_code ignored;
        acceptor.close(ignored);
        accept_pause_timer.cancel();
        auto all = std::move(connections);
        connections.clear();
        for (auto& c : all)
            c->close();
    }

    void accept_next();

    /// What the service answers `req` (customer-auth.md 4); records it.
    AccountsAnswer grant(const http::request<http::string_body>& req, bool legacy);

    void forget(AccountsConnectionBase* c)
    {
        connections.remove_if([c](const auto& p) { return p.get() == c; });
    }

    struct Customer {
        std::string cst;
        std::string scope; ///< organization/group of a cookie identity
    };

    asio::any_io_executor ex;
    MockAccountsConfig cfg;
    asio::ip::tcp::acceptor acceptor;
    asio::steady_timer accept_pause_timer; ///< waits out a shortage of descriptors
    asio::ssl::context tls_ctx;
    std::deque<AccountsFault> faults;
    std::vector<AccountsRequest> requests;
    std::map<std::string, Customer> customers; ///< by entity_id
    std::size_t issued = 0;
    std::list<std::shared_ptr<AccountsConnectionBase>> connections; ///< open ones (stalled too)
};

inline std::string new_uuid()
{
    auto h = random_hex(32);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-8" + h.substr(17, 3) + "-" + h.substr(20, 12);
}

inline AccountsAnswer MockAccountsCore::grant(const http::request<http::string_body>& req, bool legacy)
{
    AccountsRequest rec;
    rec.method = std::string(req.method_string());
    rec.target = std::string(req.target());
    rec.content_type = std::string(req[http::field::content_type]);
    if (!req[http::field::authorization].empty())
        rec.authorization = "Bearer <redacted>";
    if (auto cookie = std::string(req[http::field::cookie]); !cookie.empty()) {
        auto cst = cookie_value(cookie, "__lc_cst");
        if (!cst.empty())
            cookie.replace(cookie.find("__lc_cst=" + cst), 9 + cst.size(), "__lc_cst=<redacted>");
        rec.cookie = cookie;
    }
    bool too_deep = false;
    json body = rtm::detail::parse_json_bounded(req.body(), 32, too_deep);
    auto text = [&](const char* key) { // a string field of the body, or empty (never a throw)
        auto it = body.find(key);
        return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (body.is_object()) {
        json shown = body;
        for (const char* secret : {"code", "code_verifier"})
            if (shown.contains(secret))
                shown[secret] = "<redacted>";
        rec.body = shown.dump();
        rec.grant_type = text("grant_type");
    }
    auto fail = [&](unsigned status, const char* kind, const char* value, const char* text) {
        rec.status = status;
        requests.push_back(rec);
        return AccountsAnswer{status, json{{kind, value}, {"exception_description", text}}.dump(), {}};
    };
    auto oauth = [&](const char* value, const char* text) { return fail(401, "oauth_exception", value, text); };

    // The paths: /v2/customer/token and /v2/customer/<organization>/<group>/token.
    std::string target = rec.target.substr(0, rec.target.find('?'));
    std::string path_org, path_group;
    if (target != "/v2/customer/token") {
        constexpr std::string_view prefix = "/v2/customer/";
        auto rest = std::string_view(target);
        if (rest.substr(0, prefix.size()) != prefix || rest.size() < 6 || rest.substr(rest.size() - 6) != "/token")
            return fail(404, "oauth_exception", "resource_not_found", "no such endpoint");
        rest = rest.substr(prefix.size(), rest.size() - prefix.size() - 6);
        auto slash = rest.find('/');
        if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos)
            return fail(404, "oauth_exception", "resource_not_found", "no such endpoint");
        path_org = std::string(rest.substr(0, slash));
        path_group = std::string(rest.substr(slash + 1));
    }
    if (req.method() != http::verb::post)
        return fail(404, "oauth_exception", "resource_not_found", "POST only");
    if (!body.is_object())
        return oauth("invalid_request", "the body must be a JSON object");
    auto client_id = text("client_id");
    if (rec.grant_type.empty() || client_id.empty())
        return oauth("invalid_request", "grant_type and client_id are required");
    if (!cfg.client_ids.empty() && !cfg.client_ids.count(client_id))
        return oauth("unauthorized_client", "unknown client_id");

    std::string entity, organization = cfg.organization_id;
    std::vector<std::string> set_cookies;
    if (rec.grant_type == "cookie") {
        organization = text("organization_id");
        if (organization.empty() || (!cfg.organization_id.empty() && organization != cfg.organization_id) ||
            (!path_org.empty() && path_org != organization))
            return oauth("invalid_request", "unknown organization_id");
        auto scope = organization + "/" + path_group;
        auto cid = cookie_value(rec.cookie, "__lc_cid");
        auto cst = cookie_value(std::string(req[http::field::cookie]), "__lc_cst");
        if (!cid.empty() || !cst.empty()) {
            auto it = customers.find(cid);
            if (it != customers.end() && it->second.cst == cst && it->second.scope == scope)
                entity = cid;
            else if (cfg.reject_unknown_cookies)
                return fail(401, "identity_exception", "unauthorized", "unknown customer cookies");
        }
        if (entity.empty()) {
            entity = new_uuid();
            customers[entity] = Customer{random_hex(64), scope};
        } else if (cfg.rotate_cst) {
            customers[entity].cst = random_hex(64);
        }
        // customer-auth.md 1.3 (a): both cookies on every success, for two years.
        const std::string attrs = "; Path=/v2/customer; Domain=127.0.0.1; Max-Age=63072000; HttpOnly; Secure; SameSite=None";
        set_cookies.push_back("__lc_cid=" + entity + attrs);
        set_cookies.push_back("__lc_cst=" + customers[entity].cst + attrs);
    } else if (rec.grant_type == "agent_token") {
        auto auth = std::string(req[http::field::authorization]);
        constexpr std::string_view bearer = "Bearer ";
        auto agent = auth.substr(0, bearer.size()) == bearer ? auth.substr(bearer.size()) : std::string();
        auto known = cfg.agent_tokens.find(agent);
        if (agent.empty() || known == cfg.agent_tokens.end())
            return fail(401, "identity_exception", "unauthorized", "unknown agent token");
        if (!known->second)
            return oauth("access_denied", "the agent token lacks customers:own");
        entity = text("entity_id");
        if (!entity.empty() && !customers.count(entity))
            return oauth("resource_not_found", "no such customer");
        if (entity.empty()) {
            entity = new_uuid();
            customers[entity] = Customer{random_hex(64), "agent"};
        }
    } else {
        return oauth("unsupported_grant_type", "the mock knows the cookie and agent_token grants");
    }

    auto lifetime = cfg.token_lifetime;
    if (auto it = body.find("expires_in"); it != body.end() && it->is_number_integer() && it->get<std::int64_t>() > 0)
        lifetime = std::chrono::seconds(std::min<std::int64_t>(it->get<std::int64_t>(), 366LL * 24 * 3600));
    auto token = cfg.issued_tokens->issue(entity, lifetime, cfg.region);
    ++issued;
    json out = {{"access_token", token}, {"client_id", client_id}, {"entity_id", entity}, {"token_type", "Bearer"}};
    out[legacy ? "expires_id" : "expires_in"] = lifetime.count();
    if (!legacy && !organization.empty())
        out["organization_id"] = organization;
    rec.status = 200;
    rec.entity_id = entity;
    requests.push_back(rec);
    return AccountsAnswer{200, out.dump(), std::move(set_cookies)};
}

} // namespace detail
} // namespace livechat::rtm::testing

#endif
