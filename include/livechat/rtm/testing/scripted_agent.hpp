// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_SCRIPTED_AGENT_HPP
#define LIVECHAT_RTM_TESTING_SCRIPTED_AGENT_HPP

// An agent that answers the customer on a MockServer: each customer message is followed by the
// agent typing, then a reply from a list. Makes demos and tests of chat UIs converse by
// themselves (`rtm-mock-server --agent`, `console_chat --mock`).

#include <livechat/rtm/testing/mock_server.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace livechat::rtm::testing {

/// What the scripted agent says and how fast.
struct ScriptedAgentConfig {
    /// Replies in order, one per customer message; the last one repeats. Empty: a built-in
    /// shop-assistant conversation.
    std::vector<std::string> replies;
    /// Delay from the customer's message to the agent's typing indicator.
    std::chrono::steady_clock::duration typing_after = std::chrono::milliseconds(150);
    /// Delay from the customer's message to the agent's reply (the typing indicator is turned
    /// off just before it).
    std::chrono::steady_clock::duration reply_after = std::chrono::milliseconds(700);
};

/// Answers every customer message (`start_chat`, `activate_chat` or `send_event` carrying a
/// `message` event) on `server` with a typing indicator and then a reply in the same chat.
///
/// Thread safety: like MockServer, use it only on the server's executor. Lifetime: it installs
/// itself as the server's `on_request` observer; destroying it removes the observer and drops
/// replies not yet sent. The server must outlive it.
class ScriptedAgent {
public:
    /// Starts answering the customers of `server`.
    explicit ScriptedAgent(MockServer& server, ScriptedAgentConfig cfg = {});
    ~ScriptedAgent();
    ScriptedAgent(const ScriptedAgent&) = delete;
    ScriptedAgent& operator=(const ScriptedAgent&) = delete;

    /// How many replies the agent has sent.
    std::size_t replies_sent() const noexcept;

    struct State;

private:
    std::shared_ptr<State> state_;
};

} // namespace livechat::rtm::testing

#endif
