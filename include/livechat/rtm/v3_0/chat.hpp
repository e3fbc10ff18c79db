// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_CHAT_HPP
#define LIVECHAT_RTM_V3_0_CHAT_HPP

// Chats, threads and their summaries (spec: data-structures.md section 5).

#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/users.hpp>

namespace livechat::rtm::v3_0 {

struct Thread {
    ThreadId id;
    bool active = false; ///< only the last thread of a chat can be active
    std::optional<std::int64_t> order;
    std::optional<std::int64_t> timestamp; ///< thread start, Unix seconds
    std::vector<std::string> user_ids;
    std::vector<Event> events;
    std::optional<bool> restricted_access; ///< when true, events are omitted
    Properties properties;
    std::optional<Access> access;
};

struct Chat {
    ChatId id;
    std::optional<std::int64_t> order;
    std::vector<User> users;
    std::vector<Thread> threads;  ///< get_chat_threads, activate_chat
    std::optional<Thread> thread; ///< start_chat, incoming_chat_thread
    Properties properties;
    std::optional<Access> access;
};

/// The most recent event of one type in a chat summary.
struct LastEvent {
    ThreadId thread_id;
    std::optional<std::int64_t> thread_order;
    Event event;
};

struct ChatSummary {
    ChatId id;
    std::optional<std::int64_t> order;
    std::optional<ThreadId> last_thread_id;
    std::vector<User> users;
    Properties properties;
    std::optional<Access> access;
    std::optional<bool> active;
    std::map<std::string, LastEvent> last_event_per_type; ///< by event type name
};

struct ThreadSummary {
    ThreadId id;
    std::optional<std::int64_t> order;
    std::optional<std::int64_t> total_events;
    std::optional<bool> active;
};

} // namespace livechat::rtm::v3_0

#endif
