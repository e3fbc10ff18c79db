// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_LOGIN_HPP
#define LIVECHAT_RTM_V3_6_LOGIN_HPP

// The v3.6 `login` request and response (spec: v3.6.md section 2.1).

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/v3_0/login.hpp>
#include <livechat/rtm/v3_6/chat.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace livechat::rtm::v3_6 {

struct Version; // <livechat/rtm/v3_6/version.hpp>

using v3_0::CustomerPage; ///< The page the customer is on (`url`, `title`).
using v3_0::LoginChat;    ///< A chat of the login response (`chat_id`, `has_unread_events`).

/// Initial customer data sent with `login`.
struct LoginCustomer {
    std::optional<std::string> name;   ///< The customer's name.
    std::optional<std::string> email;  ///< The customer's email address.
    std::optional<std::string> avatar; ///< Avatar URL.
    SessionFields session_fields;      ///< Ordered one-key objects (omitted when empty).
    std::optional<Address> address;    ///< Postal address (new in 3.6).
};

/// The application the customer uses. The client sends its own name and version
/// ("livechat-rtm-cpp", the SDK version) unless you set this.
struct Application {
    std::optional<std::string> name;         ///< Your app's name.
    std::optional<std::string> version;      ///< Your app's version.
    std::optional<std::string> channel_type; ///< The channel, when the service asks for one.
};

/// Which pushes to receive, by API version without the `v` ("3.6"): push names or "all".
/// Absent means every push of the connection's version.
using PushSubscription = std::map<std::string, std::vector<std::string>>;

/// The `login` request. `token` is filled in by the client from the token provider (as
/// `"Bearer <token>"`); set it only to bypass the provider for this login.
struct LoginRequest {
    std::string token; ///< Leave empty: the client sends `Bearer <token from the token provider>`.
    std::optional<LoginCustomer> customer;    ///< Customer data to set at login.
    std::optional<CustomerPage> customer_page; ///< The page the customer is on.
    /// Echo of the latest map of `customer_side_storage_updated` (the client does this itself
    /// when you leave it empty).
    std::optional<CustomerSideStorage> customer_side_storage;
    std::optional<bool> is_mobile;        ///< The customer is on a mobile device.
    std::optional<std::int64_t> group_id; ///< The group to chat with.
    std::optional<std::string> referrer;  ///< Where the customer came from.
    std::optional<Application> application; ///< Your app; the SDK's own when empty.
    std::optional<PushSubscription> pushes;  ///< Pushes to receive; all of 3.6 when empty.
};

/// The v3.6 `login` response.
struct LoginResponse {
    User customer;                 ///< Who the token belongs to; checked on re-login.
    bool has_active_thread = false; ///< Some chat of the customer has an active thread.
    std::vector<LoginChat> chats;  ///< The customer's chats.
    std::optional<Greeting> greeting; ///< The greeting on screen, if any (with `accepted`).
    std::string dynamic_config;    ///< `__priv_dynamic_config` as JSON text (informational).
};

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(LoginRequest)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(LoginResponse)

namespace actions {
/// The v3.6 `login` action.
struct Login {
    static constexpr std::string_view name = "login"; ///< The wire name of the action.
    using request = LoginRequest;   ///< The request type.
    using response = LoginResponse; ///< The response type.
    using version = Version;        ///< The protocol version.
};
} // namespace actions

} // namespace livechat::rtm::v3_6

#endif
