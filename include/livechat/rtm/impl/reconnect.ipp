// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_RECONNECT_IPP
#define LIVECHAT_RTM_IMPL_RECONNECT_IPP

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/reconnect.hpp>

#include <algorithm>
#include <cmath>

namespace livechat::rtm {

LIVECHAT_RTM_DECL ReconnectAction default_reconnect_action(const DisconnectCause& cause) noexcept
{
    using A = ReconnectAction;
    // The protocol version's table (pushes.md section 5 for v3.0) decides server reasons;
    // reasons it does not list: try again, with back-off.
    if (!cause.server_reason.empty())
        return cause.suggested.value_or(A::reconnect);
    if (cause.ec.category() == error_category()) {
        switch (static_cast<error>(cause.ec.value())) {
        case error::invalid_config:
        case error::customer_changed:
        case error::customer_banned:
        case error::license_expired:
        case error::license_not_found:
        case error::wrong_product_version:
        case error::unsupported_version:
        case error::users_limit_reached:
        case error::validation:
        case error::authorization: return A::stop;
        case error::misdirected_request: return A::switch_region;
        case error::service_unavailable:
        case error::too_many_requests: return A::reconnect_slowly;
        default: return A::reconnect;
        }
    }
    // A token provider's Accounts error: only one that may pass is worth another connection.
    if (cause.ec.category() == accounts::error_category())
        return accounts::is_transient(cause.ec) ? A::reconnect_slowly : A::stop;
    return A::reconnect; // network errors
}

LIVECHAT_RTM_DECL std::chrono::milliseconds backoff_delay(
    const Backoff& b, unsigned attempt, bool slow, double random01) noexcept
{
    double base = static_cast<double>((slow ? b.slow_min_delay : b.min_delay).count());
    double cap = static_cast<double>(b.max_delay.count());
    double delay = base * std::pow(std::max(1.0, b.factor), std::min(attempt, 64u));
    delay = std::min(delay, cap);
    double jitter = std::clamp(b.jitter, 0.0, 1.0);
    double r = std::clamp(random01, 0.0, 1.0);
    delay *= 1.0 - jitter * r;
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::max(0.0, delay)));
}

} // namespace livechat::rtm

#endif
