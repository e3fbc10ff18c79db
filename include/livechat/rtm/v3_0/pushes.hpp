// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_PUSHES_HPP
#define LIVECHAT_RTM_V3_0_PUSHES_HPP

// Every v3.0 push as a typed struct (spec: pushes.md section 2). Subscribe with
// `client.pushes().on<v3_0::IncomingEvent>([](const v3_0::IncomingEvent& p) { ... })`.

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/v3_0/chat.hpp>
#include <livechat/rtm/v3_0/misc.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace livechat::rtm::v3_0 {

/// pushes.md section 5; `unknown` keeps the raw reason.
enum class DisconnectReason {
    unknown, access_token_expired, access_token_revoked, connection_evicted, connection_timeout,
    customer_banned, customer_temporarily_blocked, inactivity_timeout, internal_error,
    license_expired, license_not_found, logged_out_remotely, misdirected_connection,
    product_version_changed, service_temporarily_unavailable, too_many_connections,
    too_many_unauthorized_connections, unsupported_version,
};

/// The `incoming_chat_thread` push (pushes.md).
struct IncomingChatThread {
    static constexpr std::string_view name = "incoming_chat_thread"; ///< The wire name of the push.
    Chat chat; ///< with only the new thread, in `chat.thread`
};

/// The `incoming_event` push (pushes.md).
struct IncomingEvent {
    static constexpr std::string_view name = "incoming_event"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    std::optional<Event> event; ///< [SDK-observed] may be null in rare cases
};

/// The `event_updated` push (pushes.md).
struct EventUpdated {
    static constexpr std::string_view name = "event_updated"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    std::optional<Event> event; ///< the full updated event; replace the stored one
};

/// The `incoming_rich_message_postback` push (pushes.md).
struct IncomingRichMessagePostback {
    static constexpr std::string_view name = "incoming_rich_message_postback"; ///< The wire name of the push.
    std::string user_id; ///< Who clicked.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    std::string postback_id; ///< The button's postback_id.
    bool toggled = false; ///< On or off.
};

/// The `incoming_multicast` push (pushes.md).
struct IncomingMulticast {
    static constexpr std::string_view name = "incoming_multicast"; ///< The wire name of the push.
    std::optional<std::string> author_id; ///< Who sent it.
    std::optional<RawJson> content; ///< The content, any JSON.
};

/// The `incoming_typing_indicator` push (pushes.md).
struct IncomingTypingIndicator {
    static constexpr std::string_view name = "incoming_typing_indicator"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    TypingIndicator typing_indicator; ///< Who is typing, and whether they started or stopped.
};

/// The `customer_disconnected` push (pushes.md).
struct CustomerDisconnected {
    static constexpr std::string_view name = "customer_disconnected"; ///< The wire name of the push.
    OpenEnum<DisconnectReason> reason; ///< Why the server ends the connection; see docs/reconnect.md.
    std::optional<RawJson> data; ///< Extra data of the reason, as JSON text.
    std::optional<std::string> region;  ///< data.region, for misdirected_connection
    std::optional<std::int64_t> timeout; ///< data.timeout, for customer_temporarily_blocked
};

/// The `thread_closed` push (pushes.md).
struct ThreadClosed {
    static constexpr std::string_view name = "thread_closed"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    std::optional<std::string> user_id; ///< absent when the system closed the thread
};

/// The `access_set` push (pushes.md).
struct AccessSet {
    static constexpr std::string_view name = "access_set"; ///< The wire name of the push.
    std::string resource; ///< e.g. "chat"
    std::string id; ///< The chat.
    Access access; ///< Who may see the chat now.
};

/// The `chat_transferred` push (pushes.md).
struct ChatTransferred {
    static constexpr std::string_view name = "chat_transferred"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< The thread.
    std::optional<std::string> requester_id; ///< Who transferred it.
    std::string type;                      ///< "agent" or "group"
    std::vector<std::string> agent_ids;    ///< when type is "agent"
    std::vector<std::int64_t> group_ids;   ///< when type is "group"
};

/// The `chat_user_added` push (pushes.md).
struct ChatUserAdded {
    static constexpr std::string_view name = "chat_user_added"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< empty when the chat had no active thread
    User user; ///< Who joined.
    std::optional<std::string> user_type; ///< `agent` or `customer`.
};

/// The `chat_user_removed` push (pushes.md).
struct ChatUserRemoved {
    static constexpr std::string_view name = "chat_user_removed"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< The thread.
    std::string user_id; ///< Who left.
    std::optional<std::string> user_type; ///< `agent` or `customer`.
};

/// The `customer_updated` push (pushes.md).
struct CustomerUpdated {
    static constexpr std::string_view name = "customer_updated"; ///< The wire name of the push.
    User customer; ///< complete, after the change
};

/// The `customer_page_updated` push (pushes.md).
struct CustomerPageUpdated {
    static constexpr std::string_view name = "customer_page_updated"; ///< The wire name of the push.
    std::string url; ///< The page's URL.
    std::optional<std::string> title; ///< The page's title.
    std::optional<std::int64_t> timestamp; ///< When the customer opened it, Unix seconds.
};

/// The `customer_side_storage_updated` push (pushes.md).
struct CustomerSideStorageUpdated {
    static constexpr std::string_view name = "customer_side_storage_updated"; ///< The wire name of the push.
    CustomerSideStorage customer_side_storage; ///< persist it; send it back at every login
};

/// The `chat_properties_updated` push (pushes.md).
struct ChatPropertiesUpdated {
    static constexpr std::string_view name = "chat_properties_updated"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    Properties properties; ///< only the changed ones
};
/// The `chat_properties_deleted` push (pushes.md).
struct ChatPropertiesDeleted {
    static constexpr std::string_view name = "chat_properties_deleted"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    PropertyNames properties; ///< Names of the deleted properties, by namespace.
};
/// The `chat_thread_properties_updated` push (pushes.md).
struct ChatThreadPropertiesUpdated {
    static constexpr std::string_view name = "chat_thread_properties_updated"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    Properties properties; ///< The new property values, by namespace and name.
};
/// The `chat_thread_properties_deleted` push (pushes.md).
struct ChatThreadPropertiesDeleted {
    static constexpr std::string_view name = "chat_thread_properties_deleted"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    PropertyNames properties; ///< Names of the deleted properties, by namespace.
};
/// The `event_properties_updated` push (pushes.md).
struct EventPropertiesUpdated {
    static constexpr std::string_view name = "event_properties_updated"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    Properties properties; ///< The new property values, by namespace and name.
};
/// The `event_properties_deleted` push (pushes.md).
struct EventPropertiesDeleted {
    static constexpr std::string_view name = "event_properties_deleted"; ///< The wire name of the push.
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    PropertyNames properties; ///< Names of the deleted properties, by namespace.
};

/// The `last_seen_timestamp_updated` push (pushes.md).
struct LastSeenTimestampUpdated {
    static constexpr std::string_view name = "last_seen_timestamp_updated"; ///< The wire name of the push.
    std::string user_id; ///< Whose last-seen time changed.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< The thread.
    std::int64_t timestamp = 0; ///< The new last-seen time, Unix seconds.
};

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingChatThread)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingEvent)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingRichMessagePostback)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingMulticast)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingTypingIndicator)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(CustomerDisconnected)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ThreadClosed)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(AccessSet)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatTransferred)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatUserAdded)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatUserRemoved)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(CustomerUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(CustomerPageUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(CustomerSideStorageUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatThreadPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatThreadPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(LastSeenTimestampUpdated)

/// The wire name of a disconnect reason ("" for unknown).
LIVECHAT_RTM_DECL std::string_view to_string(DisconnectReason r) noexcept;

} // namespace livechat::rtm::v3_0

#endif
