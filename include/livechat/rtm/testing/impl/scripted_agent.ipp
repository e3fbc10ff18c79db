// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_SCRIPTED_AGENT_IPP
#define LIVECHAT_RTM_TESTING_IMPL_SCRIPTED_AGENT_IPP

#include <livechat/rtm/testing/scripted_agent.hpp>

#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>

namespace livechat::rtm::testing {

struct ScriptedAgent::State : std::enable_shared_from_this<ScriptedAgent::State> {
    State(MockServer& s, ScriptedAgentConfig c) : server(s), cfg(std::move(c))
    {
        if (cfg.replies.empty())
            cfg.replies = {
                "Hi, I'm the mock agent. How can I help you today?",
                "Let me check that for you... Your order left our warehouse this morning.",
                "It should arrive within two working days. Anything else?",
                "Happy to help. Have a great day!",
            };
    }

    /// The chat a customer request wrote a message into, or "" when it carried no message.
    std::string chat_of(const ReceivedRequest& r) const
    {
        auto p = nlohmann::json::parse(r.payload_json, nullptr, false);
        if (!p.is_object())
            return {};
        auto is_message = [](const nlohmann::json& e) {
            return e.is_object() && e.value("type", "") == "message";
        };
        if (r.action == "send_event")
            return p.contains("event") && is_message(p["event"]) ? p.value("chat_id", "") : "";
        if (r.action != "start_chat" && r.action != "activate_chat" && r.action != "resume_chat")
            return {};
        auto chat = p.value("chat", nlohmann::json::object());
        auto events = chat.value("thread", nlohmann::json::object()).value("events", nlohmann::json::array());
        bool has_message = false;
        for (const auto& e : events)
            has_message = has_message || is_message(e);
        if (!has_message)
            return {};
        if (r.action == "activate_chat" || r.action == "resume_chat")
            return chat.value("id", "");
        // start_chat: the chat it just created, the newest of the connection's version (3.6
        // chat ids start with K, v3.0 ones with C).
        char kind = r.action == "start_chat" && r.version == "3.6" ? 'K' : 'C';
        std::string newest;
        for (const auto& id : server.chat_ids())
            if (!id.empty() && id[0] == kind)
                newest = id;
        return newest;
    }

    void on_request(const ReceivedRequest& r)
    {
        auto chat = chat_of(r);
        if (chat.empty())
            return;
        auto text = cfg.replies[std::min(next, cfg.replies.size() - 1)];
        ++next;
        // 3.6 chats also see their place in the queue and the agent thinking (no-ops on v3.0).
        if (r.action != "send_event")
            server.agent_queue_position(chat, 1, 5);
        after(cfg.typing_after, [chat, first = r.action != "send_event"](State& s) {
            if (first)
                s.server.agent_queue_position(chat, 0, 0);
            s.server.agent_thinking(chat);
            s.server.agent_typing(chat, true);
        });
        after(cfg.reply_after, [chat, text](State& s) {
            s.server.agent_typing(chat, false);
            if (!s.server.agent_send_message(chat, text).empty())
                ++s.sent;
        });
    }

    template <class F>
    void after(std::chrono::steady_clock::duration d, F f)
    {
        auto timer = std::make_shared<boost::asio::steady_timer>(server.get_executor(), d);
        timer->async_wait([w = weak_from_this(), timer, f](error_code ec) {
            if (auto self = w.lock(); self && !ec)
                f(*self);
        });
    }

    MockServer& server;
    ScriptedAgentConfig cfg;
    std::size_t next = 0;
    std::size_t sent = 0;
};

ScriptedAgent::ScriptedAgent(MockServer& server, ScriptedAgentConfig cfg)
    : state_(std::make_shared<State>(server, std::move(cfg)))
{
    server.on_request([w = std::weak_ptr<State>(state_)](const ReceivedRequest& r) {
        if (auto s = w.lock())
            s->on_request(r);
    });
}

ScriptedAgent::~ScriptedAgent() { state_->server.on_request(nullptr); }

std::size_t ScriptedAgent::replies_sent() const noexcept { return state_->sent; }

} // namespace livechat::rtm::testing

#endif
