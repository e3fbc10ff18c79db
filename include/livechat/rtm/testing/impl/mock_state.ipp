// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_STATE_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_STATE_IPP

// The mock service's memory: one customer, their chats, threads, events and properties, and
// the v3.0 methods over them (spec: methods.md section 2, pushes.md section 2). Pure JSON
// logic, no sockets: each call returns the response and the pushes it causes.

#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace livechat::rtm::testing::detail {

using nlohmann::json;

struct StatePush {
    std::string action;
    json payload;
};

struct Outcome {
    bool success = true;
    json payload = json::object(); ///< the response payload, or {"error": {...}}
    std::vector<StatePush> pushes; ///< sent after the response, in order
};

class MockState {
public:
    MockState(std::string customer_id, json storage) : storage_(std::move(storage))
    {
        customer_ = {{"id", std::move(customer_id)}, {"type", "customer"}};
    }

    const json& customer() const { return customer_; }
    std::string customer_id() const { return customer_["id"]; }
    const json& customer_side_storage() const { return storage_; }
    const std::string& last_sneak_peek() const { return sneak_peek_; }
    const std::map<std::string, json>& chats() const { return chats_; }
    json agent() const { return agent_; }
    void set_group_status(std::int64_t group, std::string status) { groups_[group] = std::move(status); }
    void set_form_enabled(bool prechat) { prechat_enabled_ = prechat; }
    void set_customer_id(std::string id) { customer_["id"] = std::move(id); }

    json login(const json& payload, std::vector<StatePush>& pushes)
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

    Outcome handle(const std::string& action, const json& p)
    {
        Outcome o;
        try {
            dispatch(action, p, o);
        } catch (const json::exception&) {
            o = Outcome{};
            fail(o, "validation", "wrong type in the request");
        }
        return o;
    }

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
                return {{"chat_user_removed", {{"chat_id", chat_id}, {"thread_id", last_thread_id(*chat)},
                                                  {"user_id", agent_["id"]}, {"user_type", "agent"}}}};
            }
        return {};
    }

    std::vector<StatePush> agent_transfer(const std::string& chat_id, std::int64_t group)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        (*chat)["access"] = {{"group_ids", {group}}};
        return {{"chat_transferred", {{"chat_id", chat_id}, {"thread_id", last_thread_id(*chat)},
                                         {"requester_id", agent_["id"]}, {"type", "group"}, {"ids", {group}}}}};
    }

    std::vector<StatePush> agent_update_chat_properties(const std::string& chat_id, const json& props)
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        merge_properties((*chat)["properties"], props);
        return {{"chat_properties_updated", {{"chat_id", chat_id}, {"properties", wrap(props)}}}};
    }

    std::vector<StatePush> agent_close_thread(const std::string& chat_id)
    {
        std::vector<StatePush> pushes;
        if (auto* chat = find_chat(chat_id); chat && is_active(*chat))
            close(*chat, agent_["id"], pushes);
        return pushes;
    }

private:
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
        pushes.push_back({"chat_user_added", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                                 {"user", a}, {"user_type", "agent"}}});
    }

    json store_event(json& thread, json event)
    {
        auto n = thread["events"].size() + 1;
        event["id"] = thread["id"].get<std::string>() + "_" + std::to_string(n);
        event["order"] = ++order_;
        event["timestamp"] = now();
        if (!event.contains("recipients"))
            event["recipients"] = "all";
        thread["events"].push_back(event);
        return event;
    }

    json new_thread(const json& chat_request)
    {
        json t = {{"id", new_id("T")}, {"active", true}, {"order", ++order_}, {"timestamp", now()},
            {"user_ids", {customer_id()}}, {"events", json::array()}, {"properties", json::object()}};
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
    static json present(json chat, std::optional<json> only_thread = std::nullopt)
    {
        chat["properties"] = wrap(chat["properties"]);
        for (auto& t : chat["threads"])
            t["properties"] = wrap(t["properties"]);
        if (only_thread) {
            json t = *only_thread;
            t["properties"] = wrap(t["properties"]);
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
        pushes.push_back({"thread_closed", {{"chat_id", chat["id"]}, {"thread_id", thread["id"]}, {"user_id", by}}});
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

    void dispatch(const std::string& action, const json& p, Outcome& o);

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

inline void MockState::dispatch(const std::string& action, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
    if (action == "get_chats_summary") {
        std::int64_t offset = 0, limit = 0;
        if (!integer(o, p, "offset", 0, 0, 100, offset) || !integer(o, p, "limit", 10, 1, 25, limit))
            return;
        json list = json::array();
        std::int64_t index = 0;
        for (auto& [id, chat] : chats_) {
            if (index++ < offset || static_cast<std::int64_t>(list.size()) >= limit)
                continue;
            json s = {{"id", id}, {"order", chat["order"]}, {"last_thread_id", last_thread_id(chat)},
                {"users", chat["users"]}, {"properties", wrap(chat["properties"])},
                {"access", chat["access"]}, {"active", is_active(chat)},
                {"last_event_per_type", json::object()}};
            for (auto& t : chat["threads"])
                for (auto& e : t["events"])
                    s["last_event_per_type"][e.value("type", "")] = {
                        {"thread_id", t["id"]}, {"thread_order", t["order"]}, {"event", e}};
            list.push_back(s);
        }
        out = {{"chats_summary", list}, {"total_chats", chats_.size()}};
    } else if (action == "get_chat_threads") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        json c = present(*chat);
        json wanted = p.value("thread_ids", json::array());
        json threads = json::array();
        for (auto& t : c["threads"])
            if (std::find(wanted.begin(), wanted.end(), t["id"]) != wanted.end())
                threads.push_back(t);
        c["threads"] = threads;
        out = {{"chat", c}};
    } else if (action == "get_chat_threads_summary") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        json list = json::array();
        auto& threads = (*chat)["threads"];
        for (auto it = threads.rbegin(); it != threads.rend(); ++it) // order descending
            list.push_back({{"id", (*it)["id"]}, {"order", (*it)["order"]},
                {"total_events", (*it)["events"].size()}, {"active", (*it)["active"]}});
        std::int64_t offset = 0, limit = 0;
        if (!integer(o, p, "offset", 0, 0, INT64_MAX, offset) || !integer(o, p, "limit", 25, 1, 100, limit))
            return;
        json page = json::array();
        for (auto i = offset; i < static_cast<std::int64_t>(list.size()) &&
                              static_cast<std::int64_t>(page.size()) < limit; ++i)
            page.push_back(list[static_cast<std::size_t>(i)]);
        out = {{"threads_summary", page}, {"total_threads", list.size()}};
    } else if (action == "start_chat") {
        for (auto& [id, chat] : chats_)
            if (is_active(chat))
                return fail(o, "chat_already_active", "the customer already has an active chat");
        json req = p.value("chat", json::object());
        json chat = {{"id", new_id("C")}, {"order", ++order_}, {"users", {chat_user_customer()}},
            {"properties", json::object()}, {"access", req.value("access", json{{"group_ids", {0}}})},
            {"threads", json::array()}};
        if (req.contains("properties"))
            merge_properties(chat["properties"], req["properties"]);
        chat["threads"].push_back(new_thread(req));
        chats_[chat["id"]] = chat;
        json shown = present(chat, chat["threads"].back());
        out = {{"chat", shown}};
        pushes.push_back({"incoming_chat_thread", {{"chat", shown}}});
    } else if (action == "activate_chat") {
        json req = p.value("chat", json::object());
        auto* chat = require_chat(o, req, "id");
        if (!chat)
            return;
        if (is_active(*chat))
            return fail(o, "chat_already_active", "the chat is active");
        if (req.contains("properties"))
            merge_properties((*chat)["properties"], req["properties"]);
        (*chat)["threads"].push_back(new_thread(req));
        json c = present(*chat);
        c["threads"] = json::array({c["threads"].back()});
        out = {{"chat", c}};
        pushes.push_back({"incoming_chat_thread", {{"chat", present(*chat, (*chat)["threads"].back())}}});
    } else if (action == "close_thread") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        if (!is_active(*chat))
            return fail(o, "validation", "the chat has no active thread");
        close(*chat, customer_id(), pushes);
    } else if (action == "send_event") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        json event = p.at("event");
        if (!event.is_object() || !event.contains("type") || !event["type"].is_string())
            return fail(o, "validation", "event must be an object with a string type");
        event["author_id"] = customer_id();
        auto& threads = (*chat)["threads"];
        bool new_thread_needed = !is_active(*chat) && !p.value("attach_to_last_thread", false);
        if (new_thread_needed && p.value("require_active_thread", false))
            return fail(o, "validation", "the chat has no active thread");
        if (new_thread_needed) {
            threads.push_back(new_thread(json::object()));
            auto stored = store_event(threads.back(), event);
            pushes.push_back({"incoming_chat_thread", {{"chat", present(*chat, threads.back())}}});
            out = {{"thread_id", threads.back()["id"]}, {"event", stored}};
        } else {
            auto stored = store_event(threads.back(), event);
            out = {{"thread_id", threads.back()["id"]}, {"event", stored}};
            pushes.push_back({"incoming_event", {{"chat_id", (*chat)["id"]}, {"thread_id", threads.back()["id"]}, {"event", stored}}});
        }
    } else if (action == "send_rich_message_postback") {
        auto* chat = require_chat(o, p);
        json* thread = chat ? require_thread(o, *chat, p) : nullptr;
        json* event = thread ? require_event(o, *thread, p) : nullptr;
        if (!event)
            return;
        auto postback = p.at("postback");
        bool toggled = postback.at("toggled").get<bool>();
        // RTM: every button sharing the postback_id toggles at once.
        for (auto& element : (*event)["elements"])
            for (auto& button : element["buttons"])
                if (button.value("postback_id", "") == postback.at("id")) {
                    auto& ids = button["user_ids"];
                    auto it = std::find(ids.begin(), ids.end(), customer_["id"]);
                    if (toggled && it == ids.end())
                        ids.push_back(customer_["id"]);
                    if (!toggled && it != ids.end())
                        ids.erase(it);
                }
        if ((*thread)["active"] == true)
            pushes.push_back({"incoming_rich_message_postback",
                {{"user_id", customer_id()}, {"chat_id", p["chat_id"]}, {"thread_id", p["thread_id"]},
                    {"event_id", p["event_id"]}, {"postback", postback}}});
        pushes.push_back({"event_updated", {{"chat_id", p["chat_id"]}, {"thread_id", p["thread_id"]}, {"event", *event}}});
    } else if (action == "send_sneak_peek") {
        if (!require_chat(o, p))
            return;
        sneak_peek_ = p.at("sneak_peek_text").get<std::string>();
    } else if (action == "update_chat_properties" || action == "delete_chat_properties" ||
               action == "update_chat_thread_properties" || action == "delete_chat_thread_properties" ||
               action == "update_event_properties" || action == "delete_event_properties") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        json* target = &(*chat)["properties"];
        json ids = {{"chat_id", p["chat_id"]}};
        std::string level = "chat";
        if (action.find("thread") != std::string::npos || action.find("event") != std::string::npos) {
            json* thread = require_thread(o, *chat, p);
            if (!thread)
                return;
            target = &(*thread)["properties"];
            ids["thread_id"] = p["thread_id"];
            level = "chat_thread";
            if (action.find("event") != std::string::npos) {
                json* event = require_event(o, *thread, p);
                if (!event)
                    return;
                target = &(*event)["properties"];
                ids["event_id"] = p["event_id"];
                level = "event";
            }
        }
        bool update = action.rfind("update", 0) == 0;
        if (update)
            merge_properties(*target, p.at("properties"));
        else
            delete_properties(*target, p.at("properties"));
        json push = ids;
        push["properties"] = update ? wrap(p["properties"]) : p["properties"];
        pushes.push_back({level + (update ? "_properties_updated" : "_properties_deleted"), push});
    } else if (action == "update_last_seen_timestamp") {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        std::int64_t ts = 0;
        if (!integer(o, p, "timestamp", now(), 0, std::int64_t(1) << 40, ts))
            return;
        for (auto& u : (*chat)["users"])
            if (u["id"] == customer_["id"])
                u["last_seen_timestamp"] = ts;
        out = {{"timestamp", ts}};
        pushes.push_back({"last_seen_timestamp_updated", {{"user_id", customer_id()}, {"chat_id", p["chat_id"]},
                                                             {"thread_id", last_thread_id(*chat)}, {"timestamp", ts}}});
    } else if (action == "update_customer") {
        merge_customer(p);
        out = {{"customer", customer_}};
        pushes.push_back({"customer_updated", {{"customer", customer_}}});
    } else if (action == "update_customer_page") {
        pushes.push_back({"customer_page_updated",
            {{"url", p.at("url")}, {"title", p.value("title", "")}, {"timestamp", now()}}});
    } else if (action == "set_customer_fields") {
        merge_customer({{"fields", p.at("fields")}});
        pushes.push_back({"customer_updated", {{"customer", customer_}}});
    } else if (action == "get_groups_status") {
        json status = json::object();
        for (auto& [id, s] : groups_) {
            auto wanted = p.value("groups", json::array());
            if (p.value("all", false) || std::find(wanted.begin(), wanted.end(), id) != wanted.end())
                status[std::to_string(id)] = s;
        }
        out = {{"groups_status", status}};
    } else if (action == "get_predicted_agent") {
        std::int64_t group = 0;
        if (!integer(o, p, "group_id", 0, 0, INT32_MAX, group))
            return;
        auto it = groups_.find(group);
        if (it == groups_.end())
            return fail(o, "group_not_found", "no such group");
        if (it->second == "offline")
            return fail(o, "group_offline", "group offline");
        out = {{"agent", agent_}};
    } else if (action == "get_url_details") {
        out = {{"url", p.at("url")}, {"title", "Mock page"}, {"description", "A page the mock made up"},
            {"image_url", "https://cdn.mock.livechat/preview.png"}, {"image_width", 200}, {"image_height", 100}};
    } else if (action == "get_form") {
        if (p.value("type", "") != "prechat" || !prechat_enabled_) {
            out = {{"enabled", false}};
            return;
        }
        out = {{"enabled", true},
            {"form", {{"id", "mock-prechat"},
                         {"fields", {{{"id", "1"}, {"type", "header"}, {"label", "Welcome"}},
                                        {{"id", "2"}, {"type", "name"}, {"label", "Name"}, {"required", true}},
                                        {{"id", "3"}, {"type", "email"}, {"label", "E-mail"}, {"required", false}},
                                        {{"id", "4"}, {"type", "radio"}, {"label", "Topic"}, {"required", true},
                                            {"options", {{{"id", "0"}, {"label", "Billing"}, {"checked", false}},
                                                            {{"id", "1"}, {"label", "Shipping"}, {"checked", true}}}}}}}}}};
    } else {
        fail(o, "validation", "unknown action");
    }
}

} // namespace livechat::rtm::testing::detail

#endif
