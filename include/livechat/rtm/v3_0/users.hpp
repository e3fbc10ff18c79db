// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_USERS_HPP
#define LIVECHAT_RTM_V3_0_USERS_HPP

// Chat participants (spec: data-structures.md section 4).

#include <livechat/rtm/v3_0/common.hpp>

namespace livechat::rtm::v3_0 {

enum class UserType { unknown, customer, agent };

/// A chat participant: a customer or an agent (bots are agents). One struct for both, since
/// a chat's `users` array mixes them; fields that do not apply stay empty. An unknown `type`
/// keeps its raw string (and is best treated as an agent, as the official SDK does).
struct User {
    std::string id; ///< a CustomerId or AgentId; see customer_id() / agent_id()
    OpenEnum<UserType> type; ///< Agent or customer.
    std::optional<std::string> name; ///< Display name.
    std::optional<std::string> email;  ///< customers
    std::optional<std::string> avatar; ///< URL, sometimes without scheme
    std::optional<std::string> job_title; ///< agents
    std::optional<bool> is_bot;           ///< agents
    std::optional<bool> present;          ///< in chat user lists
    std::optional<std::int64_t> last_seen_timestamp; ///< Unix seconds
    std::map<std::string, std::string> fields;       ///< customers; absent for archived chats

    /// The id as a customer id.
    CustomerId customer_id() const { return CustomerId(id); }
    /// The id as an agent id.
    AgentId agent_id() const { return AgentId(id); }
};

/// An agent as described in greetings and `get_predicted_agent`.
struct AgentInfo {
    AgentId id; ///< The agent's id (their login).
    std::optional<std::string> name; ///< Display name.
    std::optional<std::string> type; ///< `agent` (or `bot`).
    std::optional<std::string> avatar; ///< Avatar URL.
    std::optional<std::string> job_title; ///< Job title.
    std::optional<bool> is_bot; ///< Whether the agent is a bot.
};

} // namespace livechat::rtm::v3_0

#endif
