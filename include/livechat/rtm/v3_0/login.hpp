// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_LOGIN_HPP
#define LIVECHAT_RTM_V3_0_LOGIN_HPP

// The v3.0 `login` request and response (spec: methods.md section 2.1).

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/ids.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace livechat::rtm::v3_0 {

struct Version; // <livechat/rtm/v3_0/version.hpp>

/// Initial customer data sent with `login`.
struct LoginCustomer {
    std::optional<std::string> name; ///< The customer's name.
    std::optional<std::string> email; ///< The customer's email address.
    std::optional<std::string> avatar; ///< URL
    std::map<std::string, std::string> fields; ///< custom key/value fields (omitted when empty)
};

/// The page the customer is on.
struct CustomerPage {
    std::optional<std::string> url; ///< The page's URL.
    std::optional<std::string> title; ///< The page's title.
};

/// The `login` request. `token` is filled in by the client from the token provider
/// (as `"Bearer <token>"`); set it only to bypass the provider for this login.
struct LoginRequest {
    std::string token; ///< Leave empty: the client sends `Bearer <token from the token provider>`.
    std::optional<std::int64_t> group_id; ///< The group to chat with; the license's default group when empty.
    std::optional<LoginCustomer> customer; ///< Name, email and session fields to set at login.
    std::optional<CustomerPage> customer_page; ///< The page the customer is on.
    std::optional<std::string> referrer; ///< Where the customer came from.
    /// Echo of the latest map received in `customer_side_storage_updated`.
    std::optional<std::map<std::string, std::string>> customer_side_storage;
    std::optional<bool> is_mobile; ///< Whether the customer is on a mobile device.
};

/// One chat of the customer, as listed in the login response.
struct LoginChat {
    ChatId chat_id; ///< The chat.
    bool has_unread_events = false; ///< Whether the chat has events the customer has not seen.
};

/// The v3.0 `login` response.
struct LoginResponse {
    CustomerId customer_id; ///< Who the token belongs to; the client checks it stays the same on re-login.
    bool has_active_thread = false; ///< Whether any chat of the customer has an active thread.
    std::vector<LoginChat> chats; ///< The customer's chats.
    /// `__priv_dynamic_config` as JSON text: private and unstable, informational only.
    std::string dynamic_config;
};

/// The login payload codec: `encode_payload` writes a request (without `token` when it is
/// empty); `decode_payload` reads a response, `malformed_payload` naming the bad field in `diag`.
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(LoginRequest)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(LoginResponse)

namespace actions {
/// The `login` action: request and response types for generic typed calls.
struct Login {
    static constexpr std::string_view name = "login"; ///< The wire name of the action.
    /// The request type.
    using request = LoginRequest;
    /// The response type.
    using response = LoginResponse;
    /// The protocol version.
    using version = Version;
};
} // namespace actions

} // namespace livechat::rtm::v3_0

#endif
