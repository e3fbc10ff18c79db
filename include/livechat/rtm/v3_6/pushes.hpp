// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_PUSHES_HPP
#define LIVECHAT_RTM_V3_6_PUSHES_HPP

// Every v3.6 push as a typed struct (spec: v3.6.md section 3). Subscribe with
// `client.pushes().on<v3_6::IncomingEvent>([](const v3_6::IncomingEvent& p) { ... })`. Each
// push's `version` field reaches untyped handlers in `RawPush::version`.

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/v3_0/pushes.hpp>
#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/chat.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace livechat::rtm::v3_6 {

// Unchanged since v3.0: the same payload under the same name.
using v3_0::CustomerDisconnected;       ///< `customer_disconnected` (reasons: v3.6.md 5.1)
using v3_0::CustomerSideStorageUpdated; ///< `customer_side_storage_updated`
using v3_0::DisconnectReason;           ///< the reasons of section 5.1, and v3.0's
using v3_0::IncomingMulticast;          ///< `incoming_multicast`
using v3_0::IncomingTypingIndicator;    ///< `incoming_typing_indicator`

/// `incoming_chat`: a chat started or resumed.
struct IncomingChat {
    static constexpr std::string_view name = "incoming_chat"; ///< The wire name.
    std::optional<std::string> requester_id; ///< Who started it.
    Chat chat; ///< With its one thread and initial events.
};

/// `chat_deactivated`: a chat's thread closed.
struct ChatDeactivated {
    static constexpr std::string_view name = "chat_deactivated"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    std::optional<std::string> user_id; ///< Who closed it; absent when the router did.
};

/// `chat_transferred`: a chat moved to other agents or groups.
struct ChatTransferred {
    static constexpr std::string_view name = "chat_transferred"; ///< The wire name.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id;       ///< Only when the chat is active.
    std::optional<std::string> requester_id; ///< Who transferred it.
    TransferTarget transferred_to;           ///< Where to.
    std::optional<Queue> queue;              ///< Set when the chat is queued after the transfer.
};

/// `user_added_to_chat`.
struct UserAddedToChat {
    static constexpr std::string_view name = "user_added_to_chat"; ///< The wire name.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< Only for an active chat.
    User user;      ///< Who joined (`present` may be false).
    std::optional<std::string> reason;       ///< E.g. "manual".
    std::optional<std::string> requester_id; ///< The agent who added them.
};

/// `user_removed_from_chat`.
struct UserRemovedFromChat {
    static constexpr std::string_view name = "user_removed_from_chat"; ///< The wire name.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id; ///< Only for an active chat.
    std::string user_id; ///< Who left.
    std::optional<std::string> reason;       ///< Why.
    std::optional<std::string> requester_id; ///< The agent who removed them.
};

/// `incoming_event_preview` (new in 3.6): an event still being written, e.g. a bot's long
/// answer. It has no `id`; the final `incoming_event` carries the same `custom_id`.
struct IncomingEventPreview {
    static constexpr std::string_view name = "incoming_event_preview"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    Event event;        ///< The partial event.
};

/// `incoming_event`: a new event in a chat.
struct IncomingEvent {
    static constexpr std::string_view name = "incoming_event"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    Event event;        ///< The event.
};

/// `event_deleted` (new in 3.6).
struct EventDeleted {
    static constexpr std::string_view name = "event_deleted"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    EventId event_id;   ///< The deleted event.
};

/// `event_updated`: replace the stored event.
struct EventUpdated {
    static constexpr std::string_view name = "event_updated"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The thread.
    Event event;        ///< The whole updated event.
};

/// `incoming_rich_message_postback`: someone clicked a rich-message button.
struct IncomingRichMessagePostback {
    static constexpr std::string_view name = "incoming_rich_message_postback"; ///< The wire name.
    std::string user_id; ///< Who clicked.
    ChatId chat_id;      ///< The chat.
    ThreadId thread_id;  ///< The thread.
    EventId event_id;    ///< The rich message.
    RichMessagePostback postback; ///< The button and its state.
};

/// `chat_properties_updated` (only the changed properties).
struct ChatPropertiesUpdated {
    static constexpr std::string_view name = "chat_properties_updated"; ///< The wire name.
    ChatId chat_id;        ///< The chat.
    Properties properties; ///< New values.
};
/// `chat_properties_deleted`.
struct ChatPropertiesDeleted {
    static constexpr std::string_view name = "chat_properties_deleted"; ///< The wire name.
    ChatId chat_id;           ///< The chat.
    PropertyNames properties; ///< Deleted names.
};
/// `thread_properties_updated`.
struct ThreadPropertiesUpdated {
    static constexpr std::string_view name = "thread_properties_updated"; ///< The wire name.
    ChatId chat_id;        ///< The chat.
    ThreadId thread_id;    ///< The thread.
    Properties properties; ///< New values.
};
/// `thread_properties_deleted`.
struct ThreadPropertiesDeleted {
    static constexpr std::string_view name = "thread_properties_deleted"; ///< The wire name.
    ChatId chat_id;           ///< The chat.
    ThreadId thread_id;       ///< The thread.
    PropertyNames properties; ///< Deleted names.
};
/// `event_properties_updated`.
struct EventPropertiesUpdated {
    static constexpr std::string_view name = "event_properties_updated"; ///< The wire name.
    ChatId chat_id;        ///< The chat.
    ThreadId thread_id;    ///< The thread.
    EventId event_id;      ///< The event.
    Properties properties; ///< New values.
};
/// `event_properties_deleted`.
struct EventPropertiesDeleted {
    static constexpr std::string_view name = "event_properties_deleted"; ///< The wire name.
    ChatId chat_id;           ///< The chat.
    ThreadId thread_id;       ///< The thread.
    EventId event_id;         ///< The event.
    PropertyNames properties; ///< Deleted names.
};

/// `customer_updated`: the customer's changed fields (the payload is the customer, flat).
struct CustomerUpdated {
    static constexpr std::string_view name = "customer_updated"; ///< The wire name.
    User customer; ///< The changed fields (and id).
};

/// `groups_status_updated`: groups whose status changed.
struct GroupsStatusUpdated {
    static constexpr std::string_view name = "groups_status_updated"; ///< The wire name.
    std::vector<GroupStatusEntry> groups; ///< The changed groups.
};

/// `incoming_thinking_indicator` (new in 3.6): an agent or bot is preparing an answer. Which
/// fields are optional is not documented, so all but the chat are.
struct IncomingThinkingIndicator {
    static constexpr std::string_view name = "incoming_thinking_indicator"; ///< The wire name.
    ChatId chat_id; ///< The chat.
    std::optional<ThreadId> thread_id;     ///< The thread.
    std::optional<std::string> author_id;  ///< Who is thinking.
    std::optional<Timestamp> sent_at;      ///< When.
    std::optional<std::string> title;      ///< E.g. "Thinking...".
    std::optional<std::string> description; ///< More text.
    std::optional<std::string> custom_id;  ///< Matches the coming event.
};

/// `events_marked_as_seen`.
struct EventsMarkedAsSeen {
    static constexpr std::string_view name = "events_marked_as_seen"; ///< The wire name.
    std::string user_id;  ///< Who saw them.
    ChatId chat_id;       ///< The chat.
    Timestamp seen_up_to; ///< Up to when.
};

/// `incoming_greeting`: a greeting to show (the payload is the greeting, flat).
struct IncomingGreeting {
    static constexpr std::string_view name = "incoming_greeting"; ///< The wire name.
    Greeting greeting; ///< Accept it with `accept_greeting`, dismiss it with `cancel_greeting`.
};

/// `greeting_accepted`.
struct GreetingAccepted {
    static constexpr std::string_view name = "greeting_accepted"; ///< The wire name.
    std::string unique_id; ///< Greeting::unique_id.
};

/// `greeting_canceled` (also when another greeting replaces it).
struct GreetingCanceled {
    static constexpr std::string_view name = "greeting_canceled"; ///< The wire name.
    std::string unique_id; ///< Greeting::unique_id.
};

/// `incoming_welcome_message` (new in 3.6): the text asked for with `request_welcome_message`.
struct IncomingWelcomeMessage {
    static constexpr std::string_view name = "incoming_welcome_message"; ///< The wire name.
    std::optional<std::string> id; ///< The welcome message.
    std::optional<Event> event;    ///< The message (without an event id).
};

/// `queue_position_updated`.
struct QueuePositionUpdated {
    static constexpr std::string_view name = "queue_position_updated"; ///< The wire name.
    ChatId chat_id;     ///< The chat.
    ThreadId thread_id; ///< The queued thread.
    Queue queue;        ///< Position and expected wait.
};

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingChat)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatDeactivated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatTransferred)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UserAddedToChat)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UserRemovedFromChat)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingEventPreview)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingEvent)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingRichMessagePostback)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ThreadPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ThreadPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventPropertiesUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventPropertiesDeleted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(CustomerUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GroupsStatusUpdated)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingThinkingIndicator)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(EventsMarkedAsSeen)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingGreeting)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GreetingAccepted)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GreetingCanceled)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(IncomingWelcomeMessage)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(QueuePositionUpdated)

} // namespace livechat::rtm::v3_6

#endif
