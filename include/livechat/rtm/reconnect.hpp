// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_RECONNECT_HPP
#define LIVECHAT_RTM_RECONNECT_HPP

// What to do after a connection ends: the per-reason policy of pushes.md section 5 and the
// jittered exponential back-off. Pure functions and values: no clock, no I/O.

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/error.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm {

/// The client's answer to one way a connection can end.
enum class ReconnectAction {
    reconnect,         ///< after the normal back-off
    reconnect_slowly,  ///< after the slow back-off (the service asks clients to ease off)
    reconnect_after,   ///< after the server-given `data.timeout` (or the slow back-off without one)
    switch_region,     ///< at once, to the region in `data.region` (misdirected)
    stop,              ///< never: `async_run` completes with the cause
};

/// Why a connection ended, as the reconnect policy sees it.
struct DisconnectCause {
    /// The `reason` of a `customer_disconnected` push, or empty when there was none.
    std::string server_reason;
    /// The error that ended the connection (`disconnected_by_server`, `ping_timeout`, a login
    /// error such as `authentication`, a network error, ...).
    error_code ec;
    /// What the protocol version suggests for `server_reason` (its reason table); empty when
    /// there is no reason or the version does not list it.
    std::optional<ReconnectAction> suggested = std::nullopt;
};

/// The built-in policy (docs/reconnect.md has the table):
/// - a server reason: `cause.suggested`, the protocol version's advice (its reason table,
///   in docs/reconnect.md), or reconnect for a reason the version does not list.
/// - login errors: stop for `customer_banned`, `license_expired`, `license_not_found`,
///   `wrong_product_version`, `unsupported_version`, `users_limit_reached`, `validation`,
///   `authorization`; `misdirected_request` switches region; others reconnect.
/// - SDK errors: `invalid_config` stops; lost lines, time-outs and network errors reconnect.
/// - `accounts::error`s from a token provider: slowly again when `accounts::is_transient`,
///   else stop.
LIVECHAT_RTM_DECL ReconnectAction default_reconnect_action(const DisconnectCause& cause) noexcept;

/// Jittered exponential back-off settings.
struct Backoff {
    std::chrono::milliseconds min_delay{300}; ///< The first delay after a connection that had logged in.
    std::chrono::milliseconds max_delay{60'000}; ///< No delay is longer than this.
    double factor = 2.0; ///< Each failed attempt multiplies the delay by this.
    double jitter = 0.3; ///< each delay is scaled by a random factor in [1 - jitter, 1]
    /// `reconnect_slowly` starts here instead of `min_delay`.
    std::chrono::milliseconds slow_min_delay{1'000}; ///< The first delay of `reconnect_slowly`.
    /// A wait the server asks for (`customer_temporarily_blocked` `data.timeout`) is cut to
    /// this: a hostile or broken server cannot park the client for years.
    std::chrono::milliseconds max_server_delay{3'600'000};
};

/// The delay before reconnect attempt `attempt` (0 for the first after a success).
/// `random01` is a value in [0, 1) from the (injectable) random source.
LIVECHAT_RTM_DECL std::chrono::milliseconds backoff_delay(
    const Backoff& b, unsigned attempt, bool slow, double random01) noexcept;

} // namespace livechat::rtm

#endif
