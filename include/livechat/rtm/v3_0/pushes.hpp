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

struct IncomingChatThread {
    static constexpr std::string_view name = "incoming_chat_thread";
    Chat chat; ///< with only the new thread, in `chat.thread`
};

struct IncomingEvent {
    static constexpr std::string_view name = "incoming_event";
    ChatId chat_id;
    ThreadId thread_id;
    std::optional<Event> event; ///< [SDK-observed] may be null in rare cases
};

struct EventUpdated {
    static constexpr std::string_view name = "event_updated";
    ChatId chat_id;
    ThreadId thread_id;
    std::optional<Event> event; ///< the full updated event; replace the stored one
};

struct IncomingRichMessagePostback {
    static constexpr std::string_view name = "incoming_rich_message_postback";
    std::string user_id;
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    std::string postback_id;
    bool toggled = false;
};

struct IncomingMulticast {
    static constexpr std::string_view name = "incoming_multicast";
    std::optional<std::string> author_id;
    std::optional<RawJson> content;
};

struct IncomingTypingIndicator {
    static constexpr std::string_view name = "incoming_typing_indicator";
    ChatId chat_id;
    ThreadId thread_id;
    TypingIndicator typing_indicator;
};

struct CustomerDisconnected {
    static constexpr std::string_view name = "customer_disconnected";
    OpenEnum<DisconnectReason> reason;
    std::optional<RawJson> data;
    std::optional<std::string> region;  ///< data.region, for misdirected_connection
    std::optional<std::int64_t> timeout; ///< data.timeout, for customer_temporarily_blocked
};

struct ThreadClosed {
    static constexpr std::string_view name = "thread_closed";
    ChatId chat_id;
    ThreadId thread_id;
    std::optional<std::string> user_id; ///< absent when the system closed the thread
};

struct AccessSet {
    static constexpr std::string_view name = "access_set";
    std::string resource; ///< e.g. "chat"
    std::string id;
    Access access;
};

struct ChatTransferred {
    static constexpr std::string_view name = "chat_transferred";
    ChatId chat_id;
    std::optional<ThreadId> thread_id;
    std::optional<std::string> requester_id;
    std::string type;                      ///< "agent" or "group"
    std::vector<std::string> agent_ids;    ///< when type is "agent"
    std::vector<std::int64_t> group_ids;   ///< when type is "group"
};

struct ChatUserAdded {
    static constexpr std::string_view name = "chat_user_added";
    ChatId chat_id;
    std::optional<ThreadId> thread_id; ///< empty when the chat had no active thread
    User user;
    std::optional<std::string> user_type;
};

struct ChatUserRemoved {
    static constexpr std::string_view name = "chat_user_removed";
    ChatId chat_id;
    std::optional<ThreadId> thread_id;
    std::string user_id;
    std::optional<std::string> user_type;
};

struct CustomerUpdated {
    static constexpr std::string_view name = "customer_updated";
    User customer; ///< complete, after the change
};

struct CustomerPageUpdated {
    static constexpr std::string_view name = "customer_page_updated";
    std::string url;
    std::optional<std::string> title;
    std::optional<std::int64_t> timestamp;
};

struct CustomerSideStorageUpdated {
    static constexpr std::string_view name = "customer_side_storage_updated";
    CustomerSideStorage customer_side_storage; ///< persist it; send it back at every login
};

struct ChatPropertiesUpdated {
    static constexpr std::string_view name = "chat_properties_updated";
    ChatId chat_id;
    Properties properties; ///< only the changed ones
};
struct ChatPropertiesDeleted {
    static constexpr std::string_view name = "chat_properties_deleted";
    ChatId chat_id;
    PropertyNames properties;
};
struct ChatThreadPropertiesUpdated {
    static constexpr std::string_view name = "chat_thread_properties_updated";
    ChatId chat_id;
    ThreadId thread_id;
    Properties properties;
};
struct ChatThreadPropertiesDeleted {
    static constexpr std::string_view name = "chat_thread_properties_deleted";
    ChatId chat_id;
    ThreadId thread_id;
    PropertyNames properties;
};
struct EventPropertiesUpdated {
    static constexpr std::string_view name = "event_properties_updated";
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    Properties properties;
};
struct EventPropertiesDeleted {
    static constexpr std::string_view name = "event_properties_deleted";
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    PropertyNames properties;
};

struct LastSeenTimestampUpdated {
    static constexpr std::string_view name = "last_seen_timestamp_updated";
    std::string user_id;
    ChatId chat_id;
    std::optional<ThreadId> thread_id;
    std::int64_t timestamp = 0;
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

#ifdef LIVECHAT_RTM_HEADER_ONLY
#include <livechat/rtm/impl/v3_0/pushes.ipp>
#endif

#endif
