// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_ACTIONS_HPP
#define LIVECHAT_RTM_V3_6_ACTIONS_HPP

// Every v3.6 customer RTM method as a typed action (spec: v3.6.md section 2): 30 methods,
// `ping`, and two experimental ones. Send one with
// `client.async_execute<v3_6::StartChat>(request, token)` on a `v3_6::RtmClient`. Requests are
// checked against the limits the spec states before anything is sent (`error::validation`,
// the field named in Diagnostics::client_message).

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/v3_6/chat.hpp>
#include <livechat/rtm/v3_6/login.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace livechat::rtm::v3_6 {

/// The response of methods that have no response payload.
struct Empty {};

/// Sort order of a list.
enum class SortOrder { unknown, asc, desc };

// ---- chats ---------------------------------------------------------------------------------

/// The payload of a `list_chats` request. A first call may set `limit` and `sort_order`; later
/// calls set only `page_id` (combining them is refused locally with `error::validation`).
struct ListChatsRequest {
    std::optional<std::int64_t> limit;      ///< 1..25, default 10.
    std::optional<OpenEnum<SortOrder>> sort_order; ///< Default desc.
    std::optional<std::string> page_id;     ///< A cursor from a previous response.
};
/// The response payload of `list_chats`.
struct ListChatsResponse {
    std::vector<ChatSummary> chats_summary; ///< The chats of this page.
    std::int64_t total_chats = 0;           ///< An estimate of all chats.
    std::optional<std::string> next_page_id;     ///< Set when there is a next page.
    std::optional<std::string> previous_page_id; ///< Set when there is a previous page.
};

/// The payload of a `list_threads` request (`page_id` alone on later calls).
struct ListThreadsRequest {
    ChatId chat_id; ///< The chat.
    std::optional<OpenEnum<SortOrder>> sort_order; ///< Default desc.
    std::optional<std::int64_t> limit;            ///< 1..100, default 3; not with min_events_count.
    std::optional<std::string> page_id;           ///< A cursor from a previous response.
    std::optional<std::int64_t> min_events_count; ///< 1..100: newest threads holding this many events.
};
/// The response payload of `list_threads`.
struct ListThreadsResponse {
    std::vector<Thread> threads;   ///< The threads of this page, with their events.
    std::int64_t found_threads = 0; ///< How many threads the chat has.
    std::optional<std::string> next_page_id;     ///< Set when there is a next page.
    std::optional<std::string> previous_page_id; ///< Set when there is a previous page.
};

/// The payload of a `get_chat` request.
struct GetChatRequest {
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< The thread; the latest when empty.
};

/// The first thread of a new chat, or the new thread of a resumed one.
struct InitialThread {
    std::vector<Event> events; ///< E.g. the first message.
    Properties properties;     ///< Properties of the thread.
};

/// The chat to create.
struct StartChatData {
    Properties properties;        ///< Properties of the chat.
    std::optional<Access> access; ///< Which groups may see it; all agents when empty.
    std::vector<User> users;      ///< At most the customer itself.
    std::optional<InitialThread> thread; ///< The first thread.
};
/// The payload of a `start_chat` request.
struct StartChatRequest {
    std::optional<StartChatData> chat; ///< The chat; empty for a chat with defaults.
    std::optional<bool> active;     ///< False starts an inactive thread.
    std::optional<bool> continuous; ///< A continuous chat (no online group needed).
};
/// The response payload of `start_chat`.
struct StartChatResponse {
    ChatId chat_id;     ///< The new chat.
    ThreadId thread_id; ///< Its first thread.
    std::vector<EventId> event_ids; ///< Ids of the initial events you sent.
};

/// The chat to resume.
struct ResumeChatData {
    ChatId id; ///< The chat.
    std::optional<Access> access; ///< Which groups may see it.
    Properties properties;        ///< Properties of the chat.
    std::optional<InitialThread> thread; ///< The new thread.
};
/// The payload of a `resume_chat` request.
struct ResumeChatRequest {
    ResumeChatData chat; ///< The chat to resume.
    std::optional<bool> active;     ///< False starts an inactive thread.
    std::optional<bool> continuous; ///< Switches continuous mode; unchanged when empty.
};
/// The response payload of `resume_chat`.
struct ResumeChatResponse {
    ThreadId thread_id; ///< The new thread.
    std::vector<EventId> event_ids; ///< Ids of the initial events you sent.
};

/// The payload of a `deactivate_chat` request.
struct DeactivateChatRequest {
    ChatId id; ///< The chat.
};

// ---- events --------------------------------------------------------------------------------

/// The payload of a `send_event` request.
struct SendEventRequest {
    ChatId chat_id; ///< The chat.
    Event event;    ///< The event (server-set fields empty; `system` cannot be sent).
    std::optional<bool> attach_to_last_thread; ///< For an inactive chat: add to its last thread.
};
/// The response payload of `send_event`.
struct SendEventResponse {
    EventId event_id; ///< The new event.
};

/// The payload of a `delete_event` request (new in 3.6).
struct DeleteEventRequest {
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id;   ///< The event.
};

/// A rich-message button clicked by the customer.
struct RichMessagePostback {
    std::string id;       ///< The button's postback_id.
    bool toggled = true;  ///< On or off.
    std::optional<std::string> button_type;  ///< The button's type (new in 3.6).
    std::optional<std::string> button_value; ///< The button's value (new in 3.6).
    std::optional<EcommerceChoice> ecommerce; ///< The chosen product (new in 3.6).
};
/// The payload of a `send_rich_message_postback` request.
struct SendRichMessagePostbackRequest {
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id;   ///< The rich message.
    RichMessagePostback postback; ///< The button and its state.
};

/// The payload of a `send_sneak_peek` request.
struct SendSneakPeekRequest {
    ChatId chat_id;              ///< The chat.
    std::string sneak_peek_text; ///< What the customer has typed so far.
};

// ---- properties ----------------------------------------------------------------------------

/// The payload of an `update_chat_properties` request.
struct UpdateChatPropertiesRequest {
    ChatId id;             ///< The chat.
    Properties properties; ///< Values to set.
};
/// The payload of a `delete_chat_properties` request.
struct DeleteChatPropertiesRequest {
    ChatId id;                ///< The chat.
    PropertyNames properties; ///< Names to delete.
};
/// The payload of an `update_thread_properties` request.
struct UpdateThreadPropertiesRequest {
    ChatId chat_id;        ///< The chat.
    ThreadId thread_id;    ///< The thread.
    Properties properties; ///< Values to set.
};
/// The payload of a `delete_thread_properties` request.
struct DeleteThreadPropertiesRequest {
    ChatId chat_id;           ///< The chat.
    ThreadId thread_id;       ///< The thread.
    PropertyNames properties; ///< Names to delete.
};
/// The payload of an `update_event_properties` request.
struct UpdateEventPropertiesRequest {
    ChatId chat_id;        ///< The chat.
    ThreadId thread_id;    ///< The thread.
    EventId event_id;      ///< The event.
    Properties properties; ///< Values to set.
};
/// The payload of a `delete_event_properties` request.
struct DeleteEventPropertiesRequest {
    ChatId chat_id;           ///< The chat.
    ThreadId thread_id;       ///< The thread.
    EventId event_id;         ///< The event.
    PropertyNames properties; ///< Names to delete.
};

// ---- customers -----------------------------------------------------------------------------

/// A Facebook Messenger identity (`update_customer`).
struct FbMessenger {
    std::string id; ///< Required when sent.
    std::optional<std::string> name;        ///< Full name.
    std::optional<std::string> first_name;  ///< First name.
    std::optional<std::string> last_name;   ///< Last name.
    std::optional<std::string> profile_pic; ///< Picture URL.
    std::optional<std::string> gender;      ///< Gender.
    std::optional<std::string> locale;      ///< Locale.
    std::optional<bool> is_verified_user;   ///< Verified by Facebook.
};
/// A Twilio identity (`update_customer`).
struct Twilio {
    std::string phone_number; ///< Required when sent.
};
/// Omnichannel identities of the customer (`update_customer`, new in 3.6).
struct Omnichannel {
    std::optional<FbMessenger> fbmessenger; ///< Facebook Messenger.
    std::optional<Twilio> twilio;           ///< Twilio.
};

/// The payload of an `update_customer` request: at least one field set.
struct UpdateCustomerRequest {
    std::optional<std::string> name;   ///< New name.
    std::optional<std::string> email;  ///< New email address.
    std::optional<std::string> avatar; ///< New avatar URL.
    SessionFields session_fields;      ///< Session fields (ordered).
    std::optional<Omnichannel> omnichannel; ///< Omnichannel identities (new in 3.6).
    std::optional<Address> address;    ///< Postal address (new in 3.6).
    /// Experimental: sent by the official Python SDK only, not in the reference.
    std::optional<std::string> phone_number;
    /// Experimental: sent by the official Python SDK only, not in the reference.
    std::optional<bool> name_is_default;
};

/// The payload of an `update_customer_page` request.
struct UpdateCustomerPageRequest {
    std::string url; ///< The page's URL.
    std::optional<std::string> title; ///< The page's title.
};
/// The response payload of `update_customer_page`.
struct UpdateCustomerPageResponse {
    std::vector<GroupStatusEntry> groups; ///< Only when the customer's groups changed.
};

/// The payload of a `set_customer_session_fields` request.
struct SetCustomerSessionFieldsRequest {
    SessionFields session_fields; ///< Ordered; at most 100 keys.
};

/// The payload of a `get_customer` request (none).
struct GetCustomerRequest {};

// ---- status and other ----------------------------------------------------------------------

/// The payload of a `list_group_statuses` request: `all` or `group_ids`.
struct ListGroupStatusesRequest {
    std::optional<bool> all;               ///< Every group.
    std::vector<std::int64_t> group_ids;   ///< These groups.
};
/// The response payload of `list_group_statuses`.
struct ListGroupStatusesResponse {
    std::map<std::string, OpenEnum<GroupStatus>> groups_status; ///< By group id as text.
};

/// The payload of a `get_form` request.
struct GetFormRequest {
    std::int64_t group_id = 0;     ///< The group.
    std::string type = "prechat";  ///< prechat, postchat or ticket.
};
/// The response payload of `get_form`.
struct GetFormResponse {
    bool enabled = false;     ///< Whether the form is on.
    std::optional<Form> form; ///< When enabled.
};

/// The payload of a `get_predicted_agent` request. 3.6 documents no field; `group_id` is
/// the v3.0 field, sent only when set.
struct GetPredictedAgentRequest {
    std::optional<std::int64_t> group_id; ///< Undocumented in 3.6.
};
/// The response payload of `get_predicted_agent`.
struct GetPredictedAgentResponse {
    AgentInfo agent;          ///< The agent the chat would go to.
    std::optional<bool> queue; ///< The chat would be queued.
};

/// The payload of a `get_url_info` request.
struct GetUrlInfoRequest {
    std::string url; ///< The URL.
};

/// The payload of a `mark_events_as_seen` request.
struct MarkEventsAsSeenRequest {
    ChatId chat_id;       ///< The chat.
    Timestamp seen_up_to; ///< Everything up to here is seen.
};

/// The payload of an `accept_greeting` request.
struct AcceptGreetingRequest {
    std::int64_t greeting_id = 0; ///< Greeting::id.
    std::string unique_id;        ///< Greeting::unique_id.
};
/// The payload of a `cancel_greeting` request.
struct CancelGreetingRequest {
    std::string unique_id; ///< Greeting::unique_id.
};
/// The payload of a `send_greeting_button_clicked` request (new in 3.6).
struct SendGreetingButtonClickedRequest {
    std::string greeting_unique_id; ///< Greeting::unique_id.
    std::string button_id;          ///< The button.
};

/// The payload of a `request_welcome_message` request (new in 3.6).
struct RequestWelcomeMessageRequest {
    std::optional<std::string> id;        ///< The welcome message.
    std::optional<std::int64_t> group_id; ///< The group.
};
/// The response payload of `request_welcome_message`; the text comes in
/// `incoming_welcome_message`.
struct RequestWelcomeMessageResponse {
    std::optional<std::string> id;              ///< The welcome message.
    std::optional<AgentInfo> predicted_agent;   ///< Who would answer.
    std::optional<bool> queue;                  ///< The chat would be queued.
};

/// The payload of requests that carry none (`ping`, the experimental page actions).
struct NoPayload {};

// ---- the actions ---------------------------------------------------------------------------

#define LIVECHAT_RTM_V3_6_ACTION(Type, wire, Request, Response)                                  \
    /** The `wire` method. */                                                                    \
    struct Type {                                                                                \
        static constexpr std::string_view name = wire; /**< The wire name. */                   \
        using request = Request;                       /**< The request type. */                \
        using response = Response;                     /**< The response type. */               \
        using version = Version;                       /**< The protocol version. */            \
    };

LIVECHAT_RTM_V3_6_ACTION(ListChats, "list_chats", ListChatsRequest, ListChatsResponse)
LIVECHAT_RTM_V3_6_ACTION(ListThreads, "list_threads", ListThreadsRequest, ListThreadsResponse)
LIVECHAT_RTM_V3_6_ACTION(GetChat, "get_chat", GetChatRequest, Chat)
LIVECHAT_RTM_V3_6_ACTION(StartChat, "start_chat", StartChatRequest, StartChatResponse)
LIVECHAT_RTM_V3_6_ACTION(ResumeChat, "resume_chat", ResumeChatRequest, ResumeChatResponse)
LIVECHAT_RTM_V3_6_ACTION(DeactivateChat, "deactivate_chat", DeactivateChatRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(SendEvent, "send_event", SendEventRequest, SendEventResponse)
LIVECHAT_RTM_V3_6_ACTION(DeleteEvent, "delete_event", DeleteEventRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(SendRichMessagePostback, "send_rich_message_postback", SendRichMessagePostbackRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(SendSneakPeek, "send_sneak_peek", SendSneakPeekRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(UpdateChatProperties, "update_chat_properties", UpdateChatPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(DeleteChatProperties, "delete_chat_properties", DeleteChatPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(UpdateThreadProperties, "update_thread_properties", UpdateThreadPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(DeleteThreadProperties, "delete_thread_properties", DeleteThreadPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(UpdateEventProperties, "update_event_properties", UpdateEventPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(DeleteEventProperties, "delete_event_properties", DeleteEventPropertiesRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(UpdateCustomer, "update_customer", UpdateCustomerRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(UpdateCustomerPage, "update_customer_page", UpdateCustomerPageRequest, UpdateCustomerPageResponse)
LIVECHAT_RTM_V3_6_ACTION(SetCustomerSessionFields, "set_customer_session_fields", SetCustomerSessionFieldsRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(GetCustomer, "get_customer", GetCustomerRequest, User)
LIVECHAT_RTM_V3_6_ACTION(ListGroupStatuses, "list_group_statuses", ListGroupStatusesRequest, ListGroupStatusesResponse)
LIVECHAT_RTM_V3_6_ACTION(GetForm, "get_form", GetFormRequest, GetFormResponse)
LIVECHAT_RTM_V3_6_ACTION(GetPredictedAgent, "get_predicted_agent", GetPredictedAgentRequest, GetPredictedAgentResponse)
LIVECHAT_RTM_V3_6_ACTION(GetUrlInfo, "get_url_info", GetUrlInfoRequest, UrlInfo)
LIVECHAT_RTM_V3_6_ACTION(MarkEventsAsSeen, "mark_events_as_seen", MarkEventsAsSeenRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(AcceptGreeting, "accept_greeting", AcceptGreetingRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(CancelGreeting, "cancel_greeting", CancelGreetingRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(RequestWelcomeMessage, "request_welcome_message", RequestWelcomeMessageRequest, RequestWelcomeMessageResponse)
LIVECHAT_RTM_V3_6_ACTION(SendGreetingButtonClicked, "send_greeting_button_clicked", SendGreetingButtonClickedRequest, Empty)
LIVECHAT_RTM_V3_6_ACTION(Ping, "ping", NoPayload, Empty)
/// Experimental (not in the reference; seen only in the official Python SDK).
LIVECHAT_RTM_V3_6_ACTION(ActivateCustomerPage, "activate_customer_page", NoPayload, Empty)
LIVECHAT_RTM_V3_6_ACTION(DeactivateCustomerPage, "deactivate_customer_page", NoPayload, Empty)

#undef LIVECHAT_RTM_V3_6_ACTION

using Login = actions::Login; ///< The `login` method (also `Version::login`).

// ---- codecs (found by ADL from async_execute) ------------------------------------------------

LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ListChatsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ListThreadsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(StartChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ResumeChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeactivateChatRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendEventRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteEventRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendRichMessagePostbackRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendSneakPeekRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateChatPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteChatPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateThreadPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteThreadPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateEventPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(DeleteEventPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateCustomerRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(UpdateCustomerPageRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SetCustomerSessionFieldsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetCustomerRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ListGroupStatusesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetFormRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetPredictedAgentRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetUrlInfoRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(MarkEventsAsSeenRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(AcceptGreetingRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(CancelGreetingRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(SendGreetingButtonClickedRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(RequestWelcomeMessageRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(NoPayload)

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Empty)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ListChatsResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ListThreadsResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(StartChatResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ResumeChatResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(SendEventResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UpdateCustomerPageResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ListGroupStatusesResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetFormResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetPredictedAgentResponse)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(RequestWelcomeMessageResponse)

// Structures that are also whole responses (or worth converting on their own).
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Chat)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Thread)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatSummary)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(User)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(AgentInfo)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Event)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Greeting)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UrlInfo)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Properties)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Queue)

/// Largest `text` of a message: 16 KB of UTF-8 bytes (not characters).
inline constexpr std::size_t max_message_text_bytes = 16 * 1024;

} // namespace livechat::rtm::v3_6

#endif
