// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_ERROR_HPP
#define LIVECHAT_RTM_ACCOUNTS_ERROR_HPP

// Errors of the Customer Accounts API (customer tokens) and of the SDK's HTTP client for it.

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/error.hpp>

#include <string_view>
#include <type_traits>

namespace livechat::rtm::accounts {

/// Errors raised while getting a customer token or keeping the customer's identity (1..99),
/// `oauth_exception` values (100..) and `identity_exception` values (200..) of the Customer
/// Accounts API (customer-auth.md 1.4). Append-only: never renumbered or reused. The server's
/// text, when it sent any, is in `Diagnostics::server_message`.
enum class error {
    // --- raised by the SDK ---------------------------------------------------------------
    invalid_config = 1,  ///< unusable settings: no client id, a bad URL, plain http off loopback
    timeout,             ///< no complete response within the request's time limit
    response_too_large,  ///< the response's headers or body exceed the configured limits
    malformed_response,  ///< a success without `access_token`, or a body that is not JSON
    http_error,          ///< a 4xx status with no error the SDK can read in the body
    http_unavailable,    ///< a 5xx or 429 status with no error the SDK can read in the body
    redirect_refused,    ///< a 3xx status: the SDK never follows redirects off the accounts host
    identity_changed,    ///< the server answered for another customer (`entity_id`) than the stored one
    store_failed,        ///< the credential store could not be read or written (details in the text)
    store_corrupt,       ///< the credential store holds something that is not a stored identity

    // --- oauth_exception ---------------------------------------------------------------------
    bad_request = 100,
    invalid_request,
    unauthorized_client,
    access_denied,
    server_error,
    temporarily_unavailable,
    unsupported_grant_type,
    invalid_grant,
    invalid_client,
    forbidden,
    conflict,
    resource_not_found,
    oauth_other, ///< an `oauth_exception` value this SDK does not know (raw value in Diagnostics)

    // --- identity_exception ------------------------------------------------------------------
    identity_unauthorized = 200,
    identity_access_denied,
    identity_lost,
    identity_server_error,
    identity_invalid_request,
    identity_other, ///< an `identity_exception` value this SDK does not know
};

/// The category of `accounts::error`, named "livechat.accounts".
LIVECHAT_RTM_DECL const boost::system::error_category& error_category() noexcept;

/// Makes an `error_code` from an `accounts::error` value (found by ADL).
inline error_code make_error_code(error e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

/// Maps an `oauth_exception` value (or the `error` of the agent-side accounts shape) to a code;
/// unknown values give `error::oauth_other`.
LIVECHAT_RTM_DECL error error_from_oauth_exception(std::string_view value) noexcept;
/// Maps an `identity_exception` value; unknown values give `error::identity_other`.
LIVECHAT_RTM_DECL error error_from_identity_exception(std::string_view value) noexcept;

/// True when asking again later may succeed: network errors and time-outs, 5xx and 429
/// statuses, `server_error`, `temporarily_unavailable` and `identity_exception` `server_error`.
/// Everything else (a wrong client id, a banned customer, a lost identity, a cancelled
/// request) needs the application's attention.
LIVECHAT_RTM_DECL bool is_transient(error_code ec) noexcept;

} // namespace livechat::rtm::accounts

namespace boost::system {
template <>
struct is_error_code_enum<livechat::rtm::accounts::error> : std::true_type {};
} // namespace boost::system

#endif
