// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_CLIENT_HPP
#define LIVECHAT_RTM_ACCOUNTS_CLIENT_HPP

// The Customer Accounts API client: customer access tokens by the cookie, agent_token and
// identity_token grants (customer-auth.md 1.3). docs/tokens.md says which grant fits which app.

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm::accounts {

/// The production Customer Accounts API.
inline constexpr std::string_view default_accounts_url = "https://accounts.livechat.com";

/// The two cookies of the cookie grant: the customer's identity outside a browser. The SDK is
/// its own cookie jar: it sends them back explicitly and replaces them after every success.
struct Cookies {
    std::string lc_cid; ///< `__lc_cid`: the customer id (not secret)
    std::string lc_cst; ///< `__lc_cst`: the secret half; whoever holds it is the customer

    /// True when neither cookie is known (the next cookie grant creates a new customer).
    bool empty() const noexcept { return lc_cid.empty() && lc_cst.empty(); }
};

/// A customer access token and what the Accounts API said about it.
struct CustomerToken {
    std::string access_token; ///< `<region>:<opaque>`; sent after `Bearer ` unchanged
    std::string token_type = "Bearer"; ///< `token_type`
    std::string entity_id;       ///< the customer id (the RTM customer id)
    std::string organization_id; ///< absent in some responses (identity_token, v1)
    std::string client_id;       ///< absent in some responses
    /// The lifetime the server gave (`expires_in`, or the legacy `expires_id`), clamped to
    /// [0, 1 year]; 8 h when the response has none.
    std::chrono::seconds expires_in{0};
    /// When it expires: the time it was received plus `expires_in` (steady clock).
    std::chrono::steady_clock::time_point expires_at{};

    /// The data-center tag before the first `:` (`dal`, `fra`, `fra-a`), or empty.
    std::string_view region() const noexcept;
};

/// The RTM host for a token's region (customer-auth.md 1.6): `fra...` gives
/// `api-fra.livechatinc.com`, anything else (`dal`, none) `api.livechatinc.com`. Set it as
/// `ClientConfig::host` before connecting; the client follows `misdirected_*` answers anyway.
LIVECHAT_RTM_DECL std::string rtm_host_for(std::string_view access_token);

/// The grants of `POST /v2/customer/token`.
enum class GrantType {
    cookie,         ///< an app with one customer per installation: no secret ships in the app
    agent_token,    ///< a backend acting for many customers, with an agent token (`customers:own`)
    identity_token, ///< a one-time identity transfer code
};

/// One token request.
struct GrantRequest {
    GrantType type = GrantType::cookie; ///< The grant.
    /// cookie: the organization (required).
    std::string organization_id;
    /// cookie: a group-separated identity (`/v2/customer/<organization>/<group>/token`), or empty.
    std::string group_id;
    /// cookie: the stored cookies; empty asks for a new customer.
    Cookies cookies;
    /// agent_token: the agent's OAuth token (sent as `Authorization: Bearer`). Secret: keep it
    /// on servers; never ship it in a customer-facing app.
    std::string agent_token;
    /// agent_token: the customer to get a token for; empty creates a new customer.
    std::string entity_id;
    /// identity_token: the `identity_transfer_token`.
    std::string code;
    /// identity_token: the PKCE verifier, when the transfer used a challenge.
    std::string code_verifier;
    /// Ask for this lifetime (`expires_in`); zero leaves it to the server (8 h).
    std::chrono::seconds expires_in{0};

    /// A cookie grant for `organization_id` with the stored `cookies` (none: a new customer).
    static GrantRequest cookie(std::string organization_id, Cookies cookies = {});
    /// An agent_token grant for customer `entity_id` (empty: a new customer).
    static GrantRequest agent(std::string agent_token, std::string entity_id = {});
    /// An identity_token grant with a transfer `code`.
    static GrantRequest identity(std::string code, std::string code_verifier = {});
};

/// What a successful grant gives.
struct TokenGrant {
    CustomerToken token; ///< The token.
    /// The cookies of the response's `Set-Cookie` headers (cookie grant); store them in place
    /// of the old ones. Empty when the response set none.
    Cookies cookies;
};

/// Settings of an `AccountsClient`.
struct AccountsConfig {
    /// The Accounts API base URL. `https://` (plain `http://` only to a loopback host, for tests).
    std::string url = std::string(default_accounts_url);
    /// The application's Client ID (Developer Console). Required.
    std::string client_id;
    /// Sent as `redirect_uri` when set; must be one of the app's configured redirect URIs.
    std::string redirect_uri;
    /// Certificate checks, as for the websocket (the TLS context is shared with it).
    TlsOptions tls;
    /// Bound on one request: connect, TLS, write and the whole response.
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(15);
    /// The largest response body accepted (`response_too_large` beyond it).
    std::size_t max_response_size = 64 * 1024;
    /// Sent as User-Agent.
    std::string user_agent = "livechat-rtm-cpp/" LIVECHAT_RTM_VERSION_STRING;
    /// When set, gets one line per request and response (method, path, status, sizes, the
    /// names of the cookies set). Never a token, cookie value or header value.
    std::function<void(std::string_view line)> trace;
};

namespace detail {
class AccountsCore;
using GrantHandler = boost::asio::any_completion_handler<void(error_code, TokenGrant)>;
LIVECHAT_RTM_DECL std::shared_ptr<AccountsCore> make_accounts_core(boost::asio::any_io_executor ex, AccountsConfig cfg);
LIVECHAT_RTM_DECL void start_grant(const std::shared_ptr<AccountsCore>& core, GrantRequest req,
    Diagnostics* diag, GrantHandler handler);
LIVECHAT_RTM_DECL const AccountsConfig& config_of(const AccountsCore& core) noexcept;
} // namespace detail

/// A client of the Customer Accounts API (customer-auth.md 1.3): each request is one HTTPS
/// exchange (no connection is kept), bounded by `AccountsConfig::timeout` and size limits.
///
/// **Errors**: `accounts::error` values: the server's `oauth_exception` / `identity_exception`
/// (read from any status, an HTTP 200 too) with its description in `Diagnostics`;
/// `http_error` / `http_unavailable` for a status without a readable error; `timeout`,
/// `response_too_large`, `malformed_response`, `redirect_refused`, `invalid_config`; network
/// and TLS errors as Asio reports them. No diagnostics text holds a token, cookie or code.
///
/// **Thread safety**: the object may be shared; each call may come from any thread. Handlers
/// run through their associated executor (default: the client's), never inside the call.
/// **Lifetime**: a request in flight keeps what it needs alive; destroying the client does not
/// cancel it. **Cancellation**: terminal, partial and total cancellation close the connection
/// and complete the request with `operation_aborted`.
class AccountsClient {
public:
    /// The executor handlers run on by default.
    using executor_type = boost::asio::any_io_executor;

    /// A client with `cfg`; the configuration is checked by each request (`invalid_config`).
    AccountsClient(executor_type ex, AccountsConfig cfg) : core_(detail::make_accounts_core(ex, std::move(cfg))), ex_(ex) {}

    /// The executor given at construction.
    executor_type get_executor() const { return ex_; }
    /// The settings.
    const AccountsConfig& config() const noexcept { return detail::config_of(*core_); }

    /// Requests a customer token. Handler: `void(error_code, TokenGrant)`.
    template <class Token = boost::asio::deferred_t>
    auto async_request_token(GrantRequest req, Token&& token = {})
    {
        return request(std::move(req), nullptr, std::forward<Token>(token));
    }
    /// As above, with the server's error text delivered into `diag` (it must outlive the call).
    template <class Token = boost::asio::deferred_t>
    auto async_request_token(GrantRequest req, Diagnostics& diag, Token&& token = {})
    {
        return request(std::move(req), &diag, std::forward<Token>(token));
    }

private:
    template <class Token>
    auto request(GrantRequest req, Diagnostics* diag, Token&& token)
    {
        return boost::asio::async_initiate<Token, void(error_code, TokenGrant)>(
            [core = core_, req = std::move(req), diag](auto handler) {
                detail::start_grant(core, std::move(req), diag, std::move(handler));
            },
            token);
    }

    std::shared_ptr<detail::AccountsCore> core_;
    executor_type ex_;
};

} // namespace livechat::rtm::accounts

#endif
