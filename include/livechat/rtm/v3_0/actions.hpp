// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_ACTIONS_HPP
#define LIVECHAT_RTM_V3_0_ACTIONS_HPP

// Every v3.0 customer RTM method as a typed action (spec: methods.md section 2). Send one with
// `client.async_execute<v3_0::StartChat>(request, token)`; each action names its request and
// response types. Requests are checked against the limits the spec states before anything is
// sent (`error::validation`, the field named in Diagnostics::client_message).

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/v3_0/chat.hpp>
#include <livechat/rtm/v3_0/json.hpp>
#include <livechat/rtm/v3_0/login.hpp>
#include <livechat/rtm/v3_0/misc.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace livechat::rtm::v3_0 {

/// The response of methods that have no response payload.
struct Empty {};

// ---- requests and responses ---------------------------------------------------------------------

/// The payload of a `get_chats_summary` request.
struct GetChatsSummaryRequest {
    std::optional<std::int64_t> offset; ///< 0..100, default 0
    std::optional<std::int64_t> limit;  ///< 1..25, default 10
};
/// The response payload of `get_chats_summary`.
struct GetChatsSummaryResponse {
    std::vector<ChatSummary> chats_summary; ///< The customer's chats, most recent first.
    std::int64_t total_chats = 0; ///< How many chats the customer has in all.
};

/// The payload of a `get_chat_threads` request.
struct GetChatThreadsRequest {
    ChatId chat_id; ///< The chat.
    std::vector<ThreadId> thread_ids; ///< The threads to return (at least one).
};
/// The response payload of `chat`.
struct ChatResponse {
    Chat chat; ///< The chat, with the requested thread(s) or the new thread.
};

/// The payload of a `get_chat_threads_summary` request.
struct GetChatThreadsSummaryRequest {
    ChatId chat_id; ///< The chat.
    std::optional<std::int64_t> offset; ///< at least 0
    std::optional<std::int64_t> limit;  ///< 1..100, default 25
};
/// The response payload of `get_chat_threads_summary`.
struct GetChatThreadsSummaryResponse {
    std::vector<ThreadSummary> threads_summary; ///< The chat's threads, most recent first.
    std::int64_t total_threads = 0; ///< How many threads the chat has in all.
};

/// The first thread of a new chat, or the new thread of a reactivated one.
struct InitialThread {
    std::vector<Event> events; ///< e.g. the first message, a filled pre-chat form
    Properties properties; ///< Properties of the thread.
};

/// The chat to create.
struct StartChatData {
    std::optional<Access> access; ///< Which groups may see the chat.
    Properties properties; ///< Properties of the chat.
    std::optional<InitialThread> thread; ///< The first thread, e.g. with the customer's first message.
};
/// The payload of a `start_chat` request.
struct StartChatRequest {
    std::optional<StartChatData> chat; ///< The chat to create; empty for a chat with defaults.
    std::optional<bool> continuous; ///< Keep the chat open after the customer disconnects (continuous chat).
};

/// The chat to reactivate.
struct ActivateChatData {
    ChatId id; ///< The chat.
    std::optional<Access> access; ///< Which groups may see the chat.
    Properties properties; ///< Properties of the chat.
    std::optional<InitialThread> thread; ///< The new thread, e.g. with the customer's message.
};
/// The payload of a `activate_chat` request.
struct ActivateChatRequest {
    ActivateChatData chat; ///< The chat to reactivate.
    std::optional<bool> continuous; ///< Keep the chat open after the customer disconnects (continuous chat).
};

/// The payload of a `chat_id` request.
struct ChatIdRequest {
    ChatId chat_id; ///< The chat.
};

/// The payload of a `send_event` request.
struct SendEventRequest {
    ChatId chat_id; ///< The chat.
    Event event; ///< The event to send (server-set fields stay empty).
    std::optional<bool> attach_to_last_thread; ///< Add the event to the last thread even when it is closed (no new thread).
    std::optional<bool> require_active_thread; ///< Fail instead of starting a new thread when no thread is active.
};
/// The response payload of `send_event`.
struct SendEventResponse {
    ThreadId thread_id; ///< The thread.
    Event event; ///< as stored, with id, order, timestamp and author_id
};

/// A rich-message button toggled by the customer.
struct PostbackToggle {
    std::string id; ///< the button's postback_id
    bool toggled = true; ///< On or off.
};
/// The payload of a `send_rich_message_postback` request.
struct SendRichMessagePostbackRequest {
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    PostbackToggle postback; ///< The button and its new state.
};

/// The payload of a `send_sneak_peek` request.
struct SendSneakPeekRequest {
    ChatId chat_id; ///< The chat.
    std::string sneak_peek_text; ///< What the customer has typed so far.
};

/// The payload of a `update_chat_properties` request.
struct UpdateChatPropertiesRequest {
    ChatId chat_id; ///< The chat.
    Properties properties; ///< Property values to set, by namespace and name.
};
/// The payload of a `delete_chat_properties` request.
struct DeleteChatPropertiesRequest {
    ChatId chat_id; ///< The chat.
    PropertyNames properties; ///< Names of the properties to delete, by namespace.
};
/// The payload of a `update_chat_thread_properties` request.
struct UpdateChatThreadPropertiesRequest {
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    Properties properties; ///< Property values to set, by namespace and name.
};
/// The payload of a `delete_chat_thread_properties` request.
struct DeleteChatThreadPropertiesRequest {
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    PropertyNames properties; ///< Names of the properties to delete, by namespace.
};
/// The payload of a `update_event_properties` request.
struct UpdateEventPropertiesRequest {
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    Properties properties; ///< Property values to set, by namespace and name.
};
/// The payload of a `delete_event_properties` request.
struct DeleteEventPropertiesRequest {
    ChatId chat_id; ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    PropertyNames properties; ///< Names of the properties to delete, by namespace.
};

/// The payload of a `update_last_seen_timestamp` request.
struct UpdateLastSeenTimestampRequest {
    ChatId chat_id; ///< The chat.
    std::optional<std::int64_t> timestamp; ///< Unix seconds; the server uses "now" when absent
};
/// The response payload of `update_last_seen_timestamp`.
struct UpdateLastSeenTimestampResponse {
    std::int64_t timestamp = 0; ///< The new last-seen time, Unix seconds.
};

/// The payload of an `update_customer` request: at least one field set.
struct UpdateCustomerRequest {
    std::optional<std::string> name; ///< The new name.
    std::optional<std::string> email; ///< The new email address.
    std::optional<std::string> avatar; ///< The new avatar URL.
    std::map<std::string, std::string> fields; ///< Session fields to set, name to value.
};
/// The spec shows both `{"customer": {...}}` and the customer object itself: both are read.
struct UpdateCustomerResponse {
    User customer; ///< The customer as stored after the update.
};

/// The payload of a `update_customer_page` request.
struct UpdateCustomerPageRequest {
    std::string url; ///< The page's URL.
    std::optional<std::string> title; ///< The page's title.
};

/// The payload of a `set_customer_fields` request.
struct SetCustomerFieldsRequest {
    std::map<std::string, std::string> fields; ///< Session fields to set, name to value.
};

/// The payload of a `get_groups_status` request: `all` or `groups`, not both.
struct GetGroupsStatusRequest {
    std::optional<bool> all; ///< Ask about every group.
    std::vector<std::int64_t> groups; ///< The groups to ask about; empty for all groups.
};
/// The response payload of `get_groups_status`.
struct GetGroupsStatusResponse {
    std::map<std::string, OpenEnum<GroupStatus>> groups_status; ///< keyed by group id as text
};

/// The payload of a `get_predicted_agent` request.
struct GetPredictedAgentRequest {
    std::optional<std::int64_t> group_id; ///< The group whose agent to predict; the default group when empty.
};
/// The spec shows the agent both under `agent` and flat in the payload: both are read.
struct GetPredictedAgentResponse {
    AgentInfo agent; ///< The agent the chat would go to.
};

/// The payload of a `get_url_details` request.
struct GetUrlDetailsRequest {
    std::string url; ///< The URL to describe.
};

/// The payload of a `get_form` request.
struct GetFormRequest {
    std::int64_t group_id = 0; ///< The group whose form to return.
    std::string type = "prechat"; ///< "prechat" or "postchat"
};
/// The response payload of `get_form`.
struct GetFormResponse {
    bool enabled = false; ///< Whether the form is switched on; `form` is empty when it is not.
    std::optional<Form> form; ///< present when enabled
};

struct PingRequest {};

// ---- the actions ---------------------------------------------------------------------------------

#define LIVECHAT_RTM_V3_0_ACTION(Type, wire, Request, Response)                                  \
    struct Type {                                                                                \
        static constexpr std::string_view name = wire;                                           \
        using request = Request;                                                                 \
        using response = Response;                                                               \
        using version = Version;                                                                 \
    };

LIVECHAT_RTM_V3_0_ACTION(GetChatsSummary, "get_chats_summary", GetChatsSummaryRequest, GetChatsSummaryResponse)
LIVECHAT_RTM_V3_0_ACTION(GetChatThreads, "get_chat_threads", GetChatThreadsRequest, ChatResponse)
LIVECHAT_RTM_V3_0_ACTION(GetChatThreadsSummary, "get_chat_threads_summary", GetChatThreadsSummaryRequest, GetChatThreadsSummaryResponse)
LIVECHAT_RTM_V3_0_ACTION(StartChat, "start_chat", StartChatRequest, ChatResponse)
LIVECHAT_RTM_V3_0_ACTION(ActivateChat, "activate_chat", ActivateChatRequest, ChatResponse)
LIVECHAT_RTM_V3_0_ACTION(CloseThread, "close_thread", ChatIdRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(SendEvent, "send_event", SendEventRequest, SendEventResponse)
LIVECHAT_RTM_V3_0_ACTION(SendRichMessagePostback, "send_rich_message_postback", SendRichMessagePostbackRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(SendSneakPeek, "send_sneak_peek", SendSneakPeekRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(UpdateChatProperties, "update_chat_properties", UpdateChatPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(DeleteChatProperties, "delete_chat_properties", DeleteChatPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(UpdateChatThreadProperties, "update_chat_thread_properties", UpdateChatThreadPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(DeleteChatThreadProperties, "delete_chat_thread_properties", DeleteChatThreadPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(UpdateEventProperties, "update_event_properties", UpdateEventPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(DeleteEventProperties, "delete_event_properties", DeleteEventPropertiesRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(UpdateLastSeenTimestamp, "update_last_seen_timestamp", UpdateLastSeenTimestampRequest, UpdateLastSeenTimestampResponse)
LIVECHAT_RTM_V3_0_ACTION(UpdateCustomer, "update_customer", UpdateCustomerRequest, UpdateCustomerResponse)
LIVECHAT_RTM_V3_0_ACTION(UpdateCustomerPage, "update_customer_page", UpdateCustomerPageRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(SetCustomerFields, "set_customer_fields", SetCustomerFieldsRequest, Empty)
LIVECHAT_RTM_V3_0_ACTION(GetGroupsStatus, "get_groups_status", GetGroupsStatusRequest, GetGroupsStatusResponse)
LIVECHAT_RTM_V3_0_ACTION(GetPredictedAgent, "get_predicted_agent", GetPredictedAgentRequest, GetPredictedAgentResponse)
LIVECHAT_RTM_V3_0_ACTION(GetUrlDetails, "get_url_details", GetUrlDetailsRequest, UrlDetails)
LIVECHAT_RTM_V3_0_ACTION(GetForm, "get_form", GetFormRequest, GetFormResponse)
LIVECHAT_RTM_V3_0_ACTION(Ping, "ping", PingRequest, Empty)

#undef LIVECHAT_RTM_V3_0_ACTION

// ---- codecs (found by ADL from RtmClient::async_execute) ------------------------------------------

LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetChatsSummaryRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetChatThreadsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetChatThreadsSummaryRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(StartChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ActivateChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ChatIdRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendEventRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendRichMessagePostbackRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendSneakPeekRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateChatPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteChatPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateChatThreadPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteChatThreadPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateEventPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteEventPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateLastSeenTimestampRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateCustomerRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateCustomerPageRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SetCustomerFieldsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetGroupsStatusRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetPredictedAgentRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetUrlDetailsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetFormRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(PingRequest)

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Empty)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetChatsSummaryResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetChatThreadsSummaryResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(SendEventResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UpdateLastSeenTimestampResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UpdateCustomerResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetGroupsStatusResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetPredictedAgentResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetFormResponse)


/// Largest `text` of a message: 16 KB of UTF-8 bytes (not characters).
inline constexpr std::size_t max_message_text_bytes = 16 * 1024;

} // namespace livechat::rtm::v3_0

#endif
