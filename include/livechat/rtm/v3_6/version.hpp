// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_VERSION_HPP
#define LIVECHAT_RTM_V3_6_VERSION_HPP

// Protocol v3.6 as a whole: what picks it for a client, and its client type.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/v3_6/login.hpp>

#include <optional>
#include <string_view>

namespace livechat::rtm::detail {
class Protocol;
}

namespace livechat::rtm::v3_6 {

/// Customer Chat RTM API v3.6, the current stable version
/// (`/v3.6/customer/rtm/ws?organization_id=ID`: needs `ClientConfig::organization_id`
/// unless `url` is set). A `url` may also name `/v3.4/` or `/v3.5/`: the service formats
/// their payloads almost alike, but this typed layer follows 3.6.
struct Version {
    /// The version in URLs.
    static constexpr std::string_view name = "3.6";
    /// The login action.
    using login = actions::Login;
    /// The version's rules as the core sees them (URL, login frame, session pushes, ping).
    LIVECHAT_RTM_DECL static const detail::Protocol& protocol() noexcept;
};

/// A client speaking v3.6.
using RtmClient = BasicRtmClient<Version>;

/// What v3.6 (v3.6.md section 5.1) suggests after `customer_disconnected` with `reason`;
/// empty for a reason it does not list (the reconnect policy then backs off and retries).
/// Stop for `license_not_found`, `license_expired`, `unsupported_version`,
/// `too_many_connections`, `logged_out_remotely` and, kept from v3.0, `customer_banned`,
/// `product_version_changed`, `inactivity_timeout`; wait `data.timeout` for
/// `customer_temporarily_blocked`; back off slowly for `service_temporarily_unavailable`;
/// switch region for `misdirected_connection`; reconnect (with a fresh token where the token
/// is the reason) for the others.
LIVECHAT_RTM_DECL std::optional<ReconnectAction> suggested_action(std::string_view reason) noexcept;

/// The `application.name` the client sends at login unless the app sets its own.
inline constexpr std::string_view sdk_application_name = "livechat-rtm-cpp";

} // namespace livechat::rtm::v3_6

#endif
