// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_CHAT_HPP
#define LIVECHAT_RTM_V3_0_CHAT_HPP

// Chats, threads and their summaries (spec: data-structures.md section 5).

#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/users.hpp>

namespace livechat::rtm::v3_0 {

/// One thread of a chat: a conversation from its start to its closing.
struct Thread {
    ThreadId id; ///< The thread's id.
    bool active = false; ///< only the last thread of a chat can be active
    std::optional<std::int64_t> order; ///< v3.0 sort key among the chat's threads (64-bit).
    std::optional<std::int64_t> timestamp; ///< thread start, Unix seconds
    std::vector<std::string> user_ids; ///< Ids of the users who took part.
    std::vector<Event> events; ///< The thread's events, oldest first.
    std::optional<bool> restricted_access; ///< when true, events are omitted
    Properties properties; ///< Properties of the thread.
    std::optional<Access> access; ///< Which groups may see the thread.
};

/// A chat: its users and, depending on the method, some of its threads.
struct Chat {
    ChatId id; ///< The chat's id.
    std::optional<std::int64_t> order; ///< v3.0 sort key among the customer's chats (64-bit).
    std::vector<User> users; ///< The chat's users: the customer and agents.
    std::vector<Thread> threads;  ///< get_chat_threads, activate_chat
    std::optional<Thread> thread; ///< start_chat, incoming_chat_thread
    Properties properties; ///< Properties of the chat.
    std::optional<Access> access; ///< Which groups may see the chat.
};

/// The most recent event of one type in a chat summary.
struct LastEvent {
    ThreadId thread_id; ///< The thread.
    std::optional<std::int64_t> thread_order; ///< The order of that thread.
    Event event; ///< The event.
};

/// One chat in the `get_chats_summary` list.
struct ChatSummary {
    ChatId id; ///< The chat's id.
    std::optional<std::int64_t> order; ///< v3.0 sort key (64-bit).
    std::optional<ThreadId> last_thread_id; ///< The chat's newest thread.
    std::vector<User> users; ///< The chat's users.
    Properties properties; ///< Properties of the chat.
    std::optional<Access> access; ///< Which groups may see the chat.
    std::optional<bool> active; ///< Whether the chat has an active thread.
    std::map<std::string, LastEvent> last_event_per_type; ///< by event type name
};

/// One thread in the `get_chat_threads_summary` list.
struct ThreadSummary {
    ThreadId id; ///< The thread's id.
    std::optional<std::int64_t> order; ///< v3.0 sort key (64-bit).
    std::optional<std::int64_t> total_events; ///< How many events the thread holds.
    std::optional<bool> active; ///< Whether the thread is still open.
};

} // namespace livechat::rtm::v3_0

#endif
