// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_ACTIONS_HPP
#define LIVECHAT_RTM_V3_0_ACTIONS_HPP

// Every v3.0 customer RTM method as a typed action (spec: methods.md section 2). Send one with
// `client.async_execute<v3_0::StartChat>(request, token)`; each action names its request and
// response types. Requests are checked against the limits the spec states before anything is
// sent (`error::validation`, the field named in Diagnostics::client_message).

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

struct GetChatsSummaryRequest {
    std::optional<std::int64_t> offset; ///< 0..100, default 0
    std::optional<std::int64_t> limit;  ///< 1..25, default 10
};
struct GetChatsSummaryResponse {
    std::vector<ChatSummary> chats_summary;
    std::int64_t total_chats = 0;
};

struct GetChatThreadsRequest {
    ChatId chat_id;
    std::vector<ThreadId> thread_ids;
};
struct ChatResponse {
    Chat chat;
};

struct GetChatThreadsSummaryRequest {
    ChatId chat_id;
    std::optional<std::int64_t> offset; ///< at least 0
    std::optional<std::int64_t> limit;  ///< 1..100, default 25
};
struct GetChatThreadsSummaryResponse {
    std::vector<ThreadSummary> threads_summary;
    std::int64_t total_threads = 0;
};

/// The first thread of a new chat, or the new thread of a reactivated one.
struct InitialThread {
    std::vector<Event> events; ///< e.g. the first message, a filled pre-chat form
    Properties properties;
};

struct StartChatData {
    std::optional<Access> access;
    Properties properties;
    std::optional<InitialThread> thread;
};
struct StartChatRequest {
    std::optional<StartChatData> chat;
    std::optional<bool> continuous;
};

struct ActivateChatData {
    ChatId id;
    std::optional<Access> access;
    Properties properties;
    std::optional<InitialThread> thread;
};
struct ActivateChatRequest {
    ActivateChatData chat;
    std::optional<bool> continuous;
};

struct ChatIdRequest {
    ChatId chat_id;
};

struct SendEventRequest {
    ChatId chat_id;
    Event event;
    std::optional<bool> attach_to_last_thread;
    std::optional<bool> require_active_thread;
};
struct SendEventResponse {
    ThreadId thread_id;
    Event event; ///< as stored, with id, order, timestamp and author_id
};

struct PostbackToggle {
    std::string id; ///< the button's postback_id
    bool toggled = true;
};
struct SendRichMessagePostbackRequest {
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    PostbackToggle postback;
};

struct SendSneakPeekRequest {
    ChatId chat_id;
    std::string sneak_peek_text;
};

struct UpdateChatPropertiesRequest {
    ChatId chat_id;
    Properties properties;
};
struct DeleteChatPropertiesRequest {
    ChatId chat_id;
    PropertyNames properties;
};
struct UpdateChatThreadPropertiesRequest {
    ChatId chat_id;
    ThreadId thread_id;
    Properties properties;
};
struct DeleteChatThreadPropertiesRequest {
    ChatId chat_id;
    ThreadId thread_id;
    PropertyNames properties;
};
struct UpdateEventPropertiesRequest {
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    Properties properties;
};
struct DeleteEventPropertiesRequest {
    ChatId chat_id;
    ThreadId thread_id;
    EventId event_id;
    PropertyNames properties;
};

struct UpdateLastSeenTimestampRequest {
    ChatId chat_id;
    std::optional<std::int64_t> timestamp; ///< Unix seconds; the server uses "now" when absent
};
struct UpdateLastSeenTimestampResponse {
    std::int64_t timestamp = 0;
};

struct UpdateCustomerRequest { ///< at least one field
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> avatar;
    std::map<std::string, std::string> fields;
};
/// The spec shows both `{"customer": {...}}` and the customer object itself: both are read.
struct UpdateCustomerResponse {
    User customer;
};

struct UpdateCustomerPageRequest {
    std::string url;
    std::optional<std::string> title;
};

struct SetCustomerFieldsRequest {
    std::map<std::string, std::string> fields;
};

struct GetGroupsStatusRequest { ///< `all` or `groups`, not both
    std::optional<bool> all;
    std::vector<std::int64_t> groups;
};
struct GetGroupsStatusResponse {
    std::map<std::string, OpenEnum<GroupStatus>> groups_status; ///< keyed by group id as text
};

struct GetPredictedAgentRequest {
    std::optional<std::int64_t> group_id;
};
/// The spec shows the agent both under `agent` and flat in the payload: both are read.
struct GetPredictedAgentResponse {
    AgentInfo agent;
};

struct GetUrlDetailsRequest {
    std::string url;
};

struct GetFormRequest {
    std::int64_t group_id = 0;
    std::string type = "prechat"; ///< "prechat" or "postchat"
};
struct GetFormResponse {
    bool enabled = false;
    std::optional<Form> form; ///< present when enabled
};

struct PingRequest {};

// ---- the actions ---------------------------------------------------------------------------------

#define LIVECHAT_RTM_V3_0_ACTION(Type, wire, Request, Response)                                  \
    struct Type {                                                                                \
        static constexpr std::string_view name = wire;                                           \
        using request = Request;                                                                 \
        using response = Response;                                                               \
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

#define LIVECHAT_RTM_V3_0_REQUEST(Type)                                                           \
    LIVECHAT_RTM_DECL error_code validate_request(const Type& req, Diagnostics& diag);           \
    LIVECHAT_RTM_DECL void encode_payload(nlohmann::json& out, const Type& req);
#define LIVECHAT_RTM_V3_0_RESPONSE(Type)                                                          \
    LIVECHAT_RTM_DECL error_code decode_payload(const nlohmann::json& in, Type& out, Diagnostics& diag);

LIVECHAT_RTM_V3_0_REQUEST(GetChatsSummaryRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetChatThreadsRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetChatThreadsSummaryRequest)
LIVECHAT_RTM_V3_0_REQUEST(StartChatRequest)
LIVECHAT_RTM_V3_0_REQUEST(ActivateChatRequest)
LIVECHAT_RTM_V3_0_REQUEST(ChatIdRequest)
LIVECHAT_RTM_V3_0_REQUEST(SendEventRequest)
LIVECHAT_RTM_V3_0_REQUEST(SendRichMessagePostbackRequest)
LIVECHAT_RTM_V3_0_REQUEST(SendSneakPeekRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateChatPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(DeleteChatPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateChatThreadPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(DeleteChatThreadPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateEventPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(DeleteEventPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateLastSeenTimestampRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateCustomerRequest)
LIVECHAT_RTM_V3_0_REQUEST(UpdateCustomerPageRequest)
LIVECHAT_RTM_V3_0_REQUEST(SetCustomerFieldsRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetGroupsStatusRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetPredictedAgentRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetUrlDetailsRequest)
LIVECHAT_RTM_V3_0_REQUEST(GetFormRequest)
LIVECHAT_RTM_V3_0_REQUEST(PingRequest)

LIVECHAT_RTM_V3_0_RESPONSE(Empty)
LIVECHAT_RTM_V3_0_RESPONSE(GetChatsSummaryResponse)
LIVECHAT_RTM_V3_0_RESPONSE(ChatResponse)
LIVECHAT_RTM_V3_0_RESPONSE(GetChatThreadsSummaryResponse)
LIVECHAT_RTM_V3_0_RESPONSE(SendEventResponse)
LIVECHAT_RTM_V3_0_RESPONSE(UpdateLastSeenTimestampResponse)
LIVECHAT_RTM_V3_0_RESPONSE(UpdateCustomerResponse)
LIVECHAT_RTM_V3_0_RESPONSE(GetGroupsStatusResponse)
LIVECHAT_RTM_V3_0_RESPONSE(GetPredictedAgentResponse)
LIVECHAT_RTM_V3_0_RESPONSE(GetFormResponse)

#undef LIVECHAT_RTM_V3_0_REQUEST
#undef LIVECHAT_RTM_V3_0_RESPONSE

/// Largest `text` of a message: 16 KB of UTF-8 bytes (not characters).
inline constexpr std::size_t max_message_text_bytes = 16 * 1024;

} // namespace livechat::rtm::v3_0

#ifdef LIVECHAT_RTM_HEADER_ONLY
#include <livechat/rtm/impl/v3_0/actions.ipp>
#endif

#endif
