// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_VERSION_HPP
#define LIVECHAT_RTM_V3_0_VERSION_HPP

// Protocol v3.0 as a whole: what picks it for a client, and its client type.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/v3_0/login.hpp>

#include <optional>
#include <string_view>

namespace livechat::rtm::detail {
class Protocol;
}

namespace livechat::rtm::v3_0 {

/// Customer Chat RTM API v3.0 (`/v3.0/customer/rtm/ws?license_id=N`: needs
/// `ClientConfig::license_id` unless `url` is set).
struct Version {
    /// The version in URLs.
    static constexpr std::string_view name = "3.0";
    /// The login action.
    using login = actions::Login;
    /// The version's rules as the core sees them (URL, login frame, session pushes, ping).
    LIVECHAT_RTM_DECL static const detail::Protocol& protocol() noexcept;
};

/// A client speaking v3.0.
using RtmClient = BasicRtmClient<Version>;

/// What v3.0 (pushes.md section 5, "Suggested client action") suggests after
/// `customer_disconnected` with `reason`; empty for a reason v3.0 does not list. Stop for
/// `customer_banned`, `license_expired`, `license_not_found`, `logged_out_remotely`,
/// `product_version_changed`, `too_many_connections`, `unsupported_version`,
/// `inactivity_timeout` (reconnect when the user acts again); `customer_temporarily_blocked`
/// waits `data.timeout`; `service_temporarily_unavailable` backs off slowly;
/// `misdirected_connection` switches region; the others reconnect.
LIVECHAT_RTM_DECL std::optional<ReconnectAction> suggested_action(std::string_view reason) noexcept;

} // namespace livechat::rtm::v3_0

#endif
