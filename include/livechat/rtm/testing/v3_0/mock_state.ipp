// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_V3_0_MOCK_STATE_IPP
#define LIVECHAT_RTM_TESTING_V3_0_MOCK_STATE_IPP

// The v3.0 mock service's memory: one customer, their chats, threads, events and properties
// (spec: data-structures.md), and what the agent does to them. Pure JSON logic, no sockets:
// each call returns the response and the pushes it causes. The methods are in mock_methods.ipp.

#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/testing/impl/mock_service.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace livechat::rtm::testing::detail {

using nlohmann::json;

class MockState {
public:
    MockState(std::string customer_id, json storage) : storage_(std::move(storage))
    {
        customer_ = {{"id", std::move(customer_id)}, {"type", "customer"}};
    }
    virtual ~MockState() = default;

    const json& customer() const { return customer_; }
    std::string customer_id() const { return customer_["id"]; }
    const json& customer_side_storage() const { return storage_; }
    const std::string& last_sneak_peek() const { return sneak_peek_; }
    const std::map<std::string, json>& chats() const { return chats_; }
    json agent() const { return agent_; }
    void set_group_status(std::int64_t group, std::string status) { groups_[group] = std::move(status); }
    void set_form_enabled(bool prechat) { prechat_enabled_ = prechat; }
    void set_customer_id(std::string id) { customer_["id"] = std::move(id); }

    virtual json login(const json& payload, std::vector<StatePush>& pushes)
    {
        if (auto c = payload.find("customer"); c != payload.end() && c->is_object())
            merge_customer(*c);
        if (auto s = payload.find("customer_side_storage"); s != payload.end() && s->is_object())
            for (auto& [k, v] : s->items())
                storage_[k] = v;
        // RTM: the server asks the client to persist this map and echo it at every login.
        if (!storage_.empty())
            pushes.push_back({"customer_side_storage_updated", {{"customer_side_storage", storage_}}});
        json chats = json::array();
        bool active = false;
        for (auto& [id, chat] : chats_) {
            chats.push_back({{"chat_id", id}, {"has_unread_events", false}});
            active = active || is_active(chat);
        }
        return {{"customer_id", customer_id()}, {"has_active_thread", active}, {"chats", chats},
            {"__priv_dynamic_config", {{"online_groups_ids", {0}}}}};
    }

    /// Runs the v3.0 method `action` (mock_methods.ipp); `validation` for an unknown one.
    virtual Outcome handle(const std::string& action, const json& p);

    // ---- the agent, driven by tests --------------------------------------------------------

    std::vector<StatePush> agent_event(const std::string& chat_id, json event)
    {
        std::vector<StatePush> pushes;
        auto* chat = find_chat(chat_id);
        if (!chat || !is_active(*chat))
            return pushes;
        ensure_agent(*chat, pushes);
        auto& thread = chat->at("threads").back();
        event["author_id"] = agent_["id"];
        auto stored = store_event(thread, event);
        pushes.push_back({"incoming_event",
            {{"chat_id", chat_id}, {"thread_id", thread["id"]}, {"event", stored}}});
        return pushes;
    }

    std::vector<StatePush> agent_typing(const std::string& chat_id, bool typing)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        return {{"incoming_typing_indicator",
            {{"chat_id", chat_id}, {"thread_id", chat->at("threads").back()["id"]},
                {"typing_indicator", {{"author_id", agent_["id"]}, {"timestamp", now()},
                                         {"is_typing", typing}, {"recipients", "all"}}}}}};
    }

    std::vector<StatePush> agent_join(const std::string& chat_id)
    {
        std::vector<StatePush> pushes;
        if (auto* chat = find_chat(chat_id))
            ensure_agent(*chat, pushes);
        return pushes;
    }

    std::vector<StatePush> agent_leave(const std::string& chat_id)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        auto& users = chat->at("users");
        for (auto it = users.begin(); it != users.end(); ++it)
            if ((*it)["id"] == agent_["id"]) {
                users.erase(it);
                return {user_removed(*chat, agent_["id"])};
            }
        return {};
    }

    std::vector<StatePush> agent_transfer(const std::string& chat_id, std::int64_t group)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        (*chat)["access"] = {{"group_ids", {group}}};
        return {transferred(*chat, group)};
    }

    std::vector<StatePush> agent_update_chat_properties(const std::string& chat_id, const json& props)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        merge_properties((*chat)["properties"], props);
        return {{"chat_properties_updated", {{"chat_id", chat_id}, {"properties", shown_properties(props)}}}};
    }

    // Agent hooks of later versions; v3.0 has no such push, so they do nothing here.
    virtual std::vector<StatePush> agent_greeting(const std::string& /*text*/) { return {}; }
    virtual std::vector<StatePush> agent_queue_position(const std::string& /*chat_id*/, std::int64_t /*position*/,
        std::int64_t /*wait_seconds*/) { return {}; }
    virtual std::vector<StatePush> agent_thinking(const std::string& /*chat_id*/, const std::string& /*title*/) { return {}; }
    virtual std::vector<StatePush> agent_event_preview(const std::string& /*chat_id*/, const std::string& /*text*/) { return {}; }
    /// Whether the service knows this chat (the agent hooks act on the service that does).
    bool has_chat(const std::string& chat_id) const { return chats_.count(chat_id) != 0; }

    std::vector<StatePush> agent_close_thread(const std::string& chat_id)
    {
        std::vector<StatePush> pushes;
        if (auto* chat = find_chat(chat_id); chat && is_active(*chat))
            close(*chat, agent_["id"], pushes);
        return pushes;
    }

protected:
    // ---- what differs between versions (the v3.0 form here) ----------------------------------

    /// Sets the server's time fields of a new event or thread.
    virtual void stamp(json& object)
    {
        object["order"] = ++order_;
        object["timestamp"] = now();
    }
    /// Properties as responses and pushes show them (v3.0 wraps each value).
    virtual json shown_properties(const json& props) const { return wrap(props); }
    virtual StatePush user_added(const json& chat, const json& user) const
    {
        return {"chat_user_added", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                       {"user", user}, {"user_type", "agent"}}};
    }
    virtual StatePush user_removed(const json& chat, const json& user_id) const
    {
        return {"chat_user_removed", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                         {"user_id", user_id}, {"user_type", "agent"}}};
    }
    virtual StatePush transferred(const json& chat, std::int64_t group) const
    {
        return {"chat_transferred", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                        {"requester_id", agent_["id"]}, {"type", "group"}, {"ids", {group}}}};
    }
    virtual StatePush closed(const json& chat, const json& thread, const json& by) const
    {
        return {"thread_closed", {{"chat_id", chat["id"]}, {"thread_id", thread["id"]}, {"user_id", by}}};
    }

    static std::int64_t now()
    {
        return std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch()).count();
    }

    static void fail(Outcome& o, const char* type, const std::string& message)
    {
        o.success = false;
        o.payload = {{"error", {{"type", type}, {"message", message}}}};
        o.pushes.clear();
    }

    std::string new_id(const char* prefix)
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%08u", prefix, ++last_id_);
        return buf;
    }

    json* find_chat(const std::string& id)
    {
        auto it = chats_.find(id);
        return it == chats_.end() ? nullptr : &it->second;
    }

    static bool is_active(const json& chat)
    {
        const auto& threads = chat.at("threads");
        return !threads.empty() && threads.back().value("active", false);
    }

    static json last_thread_id(const json& chat)
    {
        const auto& threads = chat.at("threads");
        return threads.empty() ? json("") : threads.back()["id"];
    }

    /// RTM v3.0: properties go out in the response form {"ns": {"name": {"value": x}}}.
    static json wrap(const json& props)
    {
        json out = json::object();
        for (auto& [ns, values] : props.items())
            for (auto& [name, v] : values.items())
                out[ns][name] = {{"value", v}};
        return out;
    }

    static void merge_properties(json& target, const json& props)
    {
        if (!target.is_object())
            target = json::object();
        for (auto& [ns, values] : props.items())
            for (auto& [name, v] : values.items())
                target[ns][name] = v;
    }

    static void delete_properties(json& target, const json& names)
    {
        for (auto& [ns, list] : names.items())
            for (auto& n : list)
                if (target.contains(ns))
                    target[ns].erase(n.get<std::string>());
    }

    void merge_customer(const json& c)
    {
        for (const char* k : {"name", "email", "avatar"})
            if (c.contains(k))
                customer_[k] = c[k];
        if (c.contains("fields"))
            for (auto& [k, v] : c["fields"].items())
                customer_["fields"][k] = v;
    }

    json chat_user_customer() const
    {
        json u = customer_;
        u["present"] = true;
        return u;
    }

    void ensure_agent(json& chat, std::vector<StatePush>& pushes)
    {
        for (auto& u : chat["users"])
            if (u["id"] == agent_["id"])
                return;
        json a = agent_;
        a["present"] = true;
        chat["users"].push_back(a);
        if (is_active(chat))
            chat["threads"].back()["user_ids"].push_back(agent_["id"]);
        pushes.push_back(user_added(chat, a));
    }

    json store_event(json& thread, json event)
    {
        auto n = thread["events"].size() + 1;
        event["id"] = thread["id"].get<std::string>() + "_" + std::to_string(n);
        stamp(event);
        if (!event.contains("recipients"))
            event["recipients"] = "all";
        thread["events"].push_back(event);
        return event;
    }

    json new_thread(const json& chat_request)
    {
        json t = {{"id", new_id("T")}, {"active", true}, {"user_ids", {customer_id()}}, {"events", json::array()},
            {"properties", json::object()}};
        stamp(t);
        if (auto th = chat_request.find("thread"); th != chat_request.end() && th->is_object()) {
            if (th->contains("properties"))
                merge_properties(t["properties"], (*th)["properties"]);
            for (auto e : th->value("events", json::array())) {
                e["author_id"] = customer_id();
                store_event(t, e);
            }
        }
        return t;
    }

    /// A chat as responses and pushes show it: properties in the response form.
    json present(json chat, std::optional<json> only_thread = std::nullopt) const
    {
        chat["properties"] = shown_properties(chat["properties"]);
        for (auto& t : chat["threads"])
            t["properties"] = shown_properties(t["properties"]);
        if (only_thread) {
            json t = *only_thread;
            t["properties"] = shown_properties(t["properties"]);
            chat.erase("threads");
            chat["thread"] = t;
        }
        return chat;
    }

    void close(json& chat, const json& by, std::vector<StatePush>& pushes)
    {
        auto& thread = chat["threads"].back();
        auto closing = store_event(thread, {{"type", "system_message"}, {"text", "The chat was closed"},
                                                {"system_message_type", "manual_archived_customer"}});
        thread["active"] = false;
        pushes.push_back({"incoming_event", {{"chat_id", chat["id"]}, {"thread_id", thread["id"]}, {"event", closing}}});
        pushes.push_back(closed(chat, thread, by));
    }

    json* require_chat(Outcome& o, const json& p, const char* key = "chat_id")
    {
        auto* chat = find_chat(p.value(key, ""));
        if (!chat)
            fail(o, "not_found", "chat not found");
        return chat;
    }

    json* require_thread(Outcome& o, json& chat, const json& p)
    {
        for (auto& t : chat["threads"])
            if (t["id"] == p.value("thread_id", ""))
                return &t;
        fail(o, "not_found", "thread not found");
        return nullptr;
    }

    json* require_event(Outcome& o, json& thread, const json& p)
    {
        for (auto& e : thread["events"])
            if (e["id"] == p.value("event_id", ""))
                return &e;
        fail(o, "not_found", "event not found");
        return nullptr;
    }

    // The v3.0 methods (mock_methods.ipp), one per action (`properties` serves six).
    void get_chats_summary(const std::string& action, const json& p, Outcome& o);
    void get_chat_threads(const std::string& action, const json& p, Outcome& o);
    void get_chat_threads_summary(const std::string& action, const json& p, Outcome& o);
    void start_chat(const std::string& action, const json& p, Outcome& o);
    void activate_chat(const std::string& action, const json& p, Outcome& o);
    void close_thread(const std::string& action, const json& p, Outcome& o);
    void send_event(const std::string& action, const json& p, Outcome& o);
    void send_rich_message_postback(const std::string& action, const json& p, Outcome& o);
    void send_sneak_peek(const std::string& action, const json& p, Outcome& o);
    void properties(const std::string& action, const json& p, Outcome& o);
    void update_last_seen_timestamp(const std::string& action, const json& p, Outcome& o);
    void update_customer(const std::string& action, const json& p, Outcome& o);
    void update_customer_page(const std::string& action, const json& p, Outcome& o);
    void set_customer_fields(const std::string& action, const json& p, Outcome& o);
    void get_groups_status(const std::string& action, const json& p, Outcome& o);
    void get_predicted_agent(const std::string& action, const json& p, Outcome& o);
    void get_url_details(const std::string& action, const json& p, Outcome& o);
    void get_form(const std::string& action, const json& p, Outcome& o);

    /// Reads the optional integer `key` of `p` into `out` (or `fallback` when absent). Anything
    /// else than an integer in [lo, hi] fails the request with `validation`, as the service
    /// does: a hostile offset must never index memory.
    bool integer(Outcome& o, const json& p, const char* key, std::int64_t fallback,
        std::int64_t lo, std::int64_t hi, std::int64_t& out)
    {
        out = fallback;
        auto it = p.find(key);
        if (it == p.end())
            return true;
        bool ok = rtm::detail::is_int64(*it);
        if (ok)
            out = it->get<std::int64_t>();
        if (!ok || out < lo || out > hi) {
            fail(o, "validation", std::string(key) + " must be an integer from " +
                                      std::to_string(lo) + " to " + std::to_string(hi));
            return false;
        }
        return true;
    }

    json customer_;
    json agent_ = {{"id", "agent@mock.livechat"}, {"type", "agent"}, {"name", "Mock Agent"},
        {"avatar", "https://cdn.mock.livechat/agent.png"}, {"job_title", "Support"}, {"is_bot", false}};
    json storage_;
    std::map<std::string, json> chats_;
    std::map<std::int64_t, std::string> groups_{{0, "online"}};
    std::string sneak_peek_;
    bool prechat_enabled_ = true;
    unsigned last_id_ = 0;
    std::int64_t order_ = 1'575'892'853'242'000; // v3.0 orders are large: exercise 64 bits
};

} // namespace livechat::rtm::testing::detail

#endif
