// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ERROR_HPP
#define LIVECHAT_RTM_ERROR_HPP

#include <livechat/rtm/detail/config.hpp>

#include <boost/system/error_code.hpp>

#include <string_view>
#include <type_traits>

namespace livechat::rtm {

/// The error code type used by every operation of the library.
using error_code = boost::system::error_code;

/// Errors raised by the SDK itself (1..99) and errors reported by the server in
/// `payload.error.type` (100 and up). Values are append-only: never renumbered or reused.
enum class error {
    // --- raised by the SDK ---------------------------------------------------------------
    login_timeout = 1,      ///< no successful login within the authorization window
    ping_timeout,           ///< no inbound traffic for about two ping intervals
    connection_lost,        ///< the connection went down while the request was pending
    malformed_frame,        ///< an inbound frame is not valid RTM JSON
    malformed_payload,      ///< a payload lacks a required field or has a wrong type
    not_running,            ///< the client is not running (`async_run` not active)
    disconnected_by_server, ///< the server sent `customer_disconnected` and closed
    deadline_exceeded,      ///< the client-side request timeout expired
    message_too_big,        ///< an inbound message exceeded `max_message_size`
    invalid_config,         ///< the configuration is unusable (see diagnostics)
    token_provider_failed,  ///< the token provider reported an error or no token
    connect_timeout,        ///< TCP/TLS/websocket handshake did not finish in time
    already_running,        ///< `async_run` was called while a previous run is active
    customer_changed,       ///< a re-login returned another customer id than the first login
    request_queue_full,     ///< more requests are waiting than `max_queued_requests` allows
    nesting_too_deep,       ///< an inbound JSON text nests deeper than `max_json_nesting`
    recovery_incomplete,    ///< recovery after a re-login stopped at a bound (RecoveryReport)
    store_failed,           ///< the session store could not be read or written (SessionStore)
    store_corrupt,          ///< the session store holds something that is not a stored session

    // --- reported by the server in "error.type" --------------------------------------------
    authentication = 100,
    authorization,
    validation,
    not_found,
    too_many_requests,
    request_timeout, ///< the server gave up on the request (its own 15 s limit)
    service_unavailable,
    internal,
    server_other, ///< an error type this SDK does not know; the raw string is in Diagnostics
    customer_banned,
    license_expired,
    unsupported_version,
    misdirected_request,
    group_unavailable,
    entity_too_large,
    group_offline,
    users_limit_reached,
    wrong_product_version,
    license_not_found,
    group_not_found,
    greeting_not_found,
    groups_offline,
    pending_requests_limit_reached,
    chat_inactive,
    limit_reached,
    not_allowed,
    chat_anonymized,
    chat_already_active,
    chat_limit_reached,
    customer_session_fields_limit_reached,
};

/// The category of `error`, named "livechat.rtm".
LIVECHAT_RTM_DECL const boost::system::error_category& error_category() noexcept;

/// Makes an `error_code` from an `error` value (found by ADL).
inline error_code make_error_code(error e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

/// Maps a server `error.type` string to an `error`; unknown strings give `error::server_other`.
LIVECHAT_RTM_DECL error error_from_server_type(std::string_view type) noexcept;

/// The wire name of a server error (`"authentication"`), or an empty view for SDK errors.
LIVECHAT_RTM_DECL std::string_view server_type_name(error e) noexcept;

/// True when the same request may succeed if tried again later (on a new connection or after
/// a pause): lost connections, time-outs, rate limits, and transient server errors.
LIVECHAT_RTM_DECL bool is_retryable(error_code ec) noexcept;

} // namespace livechat::rtm

namespace boost::system {
template <>
struct is_error_code_enum<livechat::rtm::error> : std::true_type {};
} // namespace boost::system

#endif
