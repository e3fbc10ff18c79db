// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_CHAT_HPP
#define LIVECHAT_RTM_V3_6_CHAT_HPP

// Users, chats, threads, summaries, greetings and the smaller v3.6 structures (spec: v3.6.md
// sections 4.3-4.11).

#include <livechat/rtm/v3_6/events.hpp>

namespace livechat::rtm::v3_6 {

/// A customer's counters (login response).
struct CustomerStatistics {
    std::optional<std::int64_t> chats_count;              ///< Chats.
    std::optional<std::int64_t> threads_count;            ///< Threads.
    std::optional<std::int64_t> visits_count;             ///< Visits.
    std::optional<std::int64_t> page_views_count;         ///< Page views.
    std::optional<std::int64_t> greetings_shown_count;    ///< Greetings shown.
    std::optional<std::int64_t> greetings_accepted_count; ///< Greetings accepted.
};

/// A chat participant: a customer or an agent (bots are agents). One struct for both, since
/// a chat's `users` array mixes them; fields that do not apply stay empty.
struct User {
    std::string id;            ///< A customer or agent id.
    OpenEnum<UserType> type;   ///< Customer or agent.
    std::optional<std::string> name;   ///< Display name.
    std::optional<std::string> email;  ///< Customers.
    std::optional<bool> email_verified; ///< Customers: the address was confirmed.
    std::optional<std::string> phone_number; ///< Customers (new in 3.6).
    std::optional<std::string> avatar; ///< URL, sometimes without scheme.
    SessionFields session_fields;      ///< Customers: ordered one-key objects.
    std::optional<bool> present;       ///< In chat user lists.
    std::optional<Timestamp> events_seen_up_to; ///< Everything up to here has been seen.
    std::optional<CustomerStatistics> statistics; ///< Customers, login response.
    /// Customers (new in 3.6). The documented response shape disagrees with the request
    /// shape (v3.6.md section 4.3), so it is kept as JSON.
    std::optional<RawJson> omnichannel;
    std::optional<Address> address;       ///< Customers (new in 3.6).
    std::optional<std::string> job_title; ///< Agents.
    std::optional<bool> is_bot;           ///< Agents.
    std::optional<std::string> bot_type;  ///< Bots.

    /// The id as a customer id.
    CustomerId customer_id() const { return CustomerId(id); }
    /// The id as an agent id.
    AgentId agent_id() const { return AgentId(id); }
};

/// An agent as shown in greetings, predictions and welcome messages.
struct AgentInfo {
    AgentId id; ///< The agent.
    std::optional<std::string> name;      ///< Display name.
    std::optional<std::string> type;      ///< "agent".
    std::optional<std::string> avatar;    ///< Avatar URL.
    std::optional<std::string> job_title; ///< Job title.
    std::optional<bool> is_bot;           ///< Whether it is a bot.
    std::optional<std::string> bot_type;  ///< Bots only.
};

/// One thread of a chat.
struct Thread {
    ThreadId id;          ///< The thread.
    Timestamp created_at; ///< When it started (required).
    bool active = false;  ///< Only the last thread of a chat can be active.
    std::vector<std::string> user_ids; ///< Who took part.
    std::vector<Event> events;         ///< Oldest first (when the method returns events).
    Properties properties;             ///< Properties of the thread.
    std::optional<Access> access;      ///< Which groups may see it.
    std::optional<Queue> queue;        ///< Only while queued.
    std::optional<ThreadId> previous_thread_id; ///< The thread before, if any.
    std::optional<ThreadId> next_thread_id;     ///< The thread after, if any.
};

/// A chat: its users and one thread (or, in some samples, several).
struct Chat {
    ChatId id;                   ///< The chat.
    std::vector<User> users;     ///< Customers and agents.
    std::optional<Thread> thread; ///< `get_chat`, `incoming_chat`.
    std::vector<Thread> threads; ///< Only in the spec's chat sample.
    std::optional<Access> access; ///< Which groups may see it.
    Properties properties;       ///< Properties of the chat.
    std::optional<TransferTarget> transferred_from; ///< `incoming_chat` after a transfer.
};

/// The latest event of one type in a chat summary.
struct LastEvent {
    ThreadId thread_id;                         ///< Its thread.
    std::optional<Timestamp> thread_created_at; ///< When that thread started.
    std::optional<std::int64_t> thread_order;   ///< Legacy, only in a sample.
    Event event;                                ///< The event.
};

/// One chat in the `list_chats` list.
struct ChatSummary {
    ChatId id; ///< The chat.
    std::optional<ThreadId> last_thread_id; ///< Its newest thread.
    std::optional<Timestamp> last_thread_created_at; ///< When that thread started.
    std::vector<User> users;      ///< The chat's users.
    std::optional<Access> access; ///< Which groups may see it.
    Properties properties;        ///< Properties of the chat.
    std::optional<bool> active;   ///< Whether it has an active thread.
    std::map<std::string, LastEvent> last_event_per_type; ///< By event type name.
};

/// A greeting: a message an agent (or a rule) shows the customer before any chat.
struct Greeting {
    std::int64_t id = 0;   ///< The configured greeting (use as `greeting_id`).
    std::string unique_id; ///< This showing of it (use as `unique_id`).
    std::optional<bool> displayed_first_time; ///< First time the customer sees it.
    std::optional<std::string> addon;   ///< Add-on, e.g. "email".
    std::optional<std::string> subtype; ///< "announcement".
    std::optional<bool> is_exit_intent; ///< Shown because the customer is leaving.
    std::optional<Event> event;         ///< A message or rich message.
    std::optional<AgentInfo> agent;     ///< Who it comes from.
    std::optional<bool> accepted;       ///< Login response only: already accepted.
};

/// What `get_url_info` found at a URL.
struct UrlInfo {
    std::optional<std::string> url;                ///< The URL.
    std::optional<std::string> title;              ///< The page's title.
    std::optional<std::string> description;        ///< The page's description.
    std::optional<std::string> image_url;          ///< A copy of the preview image on the CDN.
    std::optional<std::string> image_original_url; ///< The preview image itself.
    std::optional<std::int64_t> image_width;       ///< Width in pixels.
    std::optional<std::int64_t> image_height;      ///< Height in pixels.
};

} // namespace livechat::rtm::v3_6

#endif
