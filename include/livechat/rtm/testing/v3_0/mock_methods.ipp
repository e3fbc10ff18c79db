// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_V3_0_MOCK_METHODS_IPP
#define LIVECHAT_RTM_TESTING_V3_0_MOCK_METHODS_IPP

// The v3.0 methods of the mock service (spec: methods.md section 2, pushes.md section 2): one
// handler per action, found through one table.

#include <livechat/rtm/testing/v3_0/mock_state.ipp>

#include <algorithm>
#include <climits>

namespace livechat::rtm::testing::detail {

inline Outcome MockState::handle(const std::string& action, const json& p)
{
    using Method = void (MockState::*)(const std::string&, const json&, Outcome&);
    static const std::map<std::string, Method, std::less<>> methods{
        {"get_chats_summary", &MockState::get_chats_summary},
        {"get_chat_threads", &MockState::get_chat_threads},
        {"get_chat_threads_summary", &MockState::get_chat_threads_summary},
        {"start_chat", &MockState::start_chat},
        {"activate_chat", &MockState::activate_chat},
        {"close_thread", &MockState::close_thread},
        {"send_event", &MockState::send_event},
        {"send_rich_message_postback", &MockState::send_rich_message_postback},
        {"send_sneak_peek", &MockState::send_sneak_peek},
        {"update_chat_properties", &MockState::properties},
        {"delete_chat_properties", &MockState::properties},
        {"update_chat_thread_properties", &MockState::properties},
        {"delete_chat_thread_properties", &MockState::properties},
        {"update_event_properties", &MockState::properties},
        {"delete_event_properties", &MockState::properties},
        {"update_last_seen_timestamp", &MockState::update_last_seen_timestamp},
        {"update_customer", &MockState::update_customer},
        {"update_customer_page", &MockState::update_customer_page},
        {"set_customer_fields", &MockState::set_customer_fields},
        {"get_groups_status", &MockState::get_groups_status},
        {"get_predicted_agent", &MockState::get_predicted_agent},
        {"get_url_details", &MockState::get_url_details},
        {"get_form", &MockState::get_form},
    };
    Outcome o;
    auto it = methods.find(action);
    if (it == methods.end()) {
        fail(o, "validation", "unknown action");
        return o;
    }
    try {
        (this->*it->second)(action, p, o);
    } catch (const json::exception&) {
        o = Outcome{};
        fail(o, "validation", "wrong type in the request");
    }
    return o;
}

inline void MockState::get_chats_summary(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
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
}

inline void MockState::get_chat_threads(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
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
}

inline void MockState::get_chat_threads_summary(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
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
}

inline void MockState::start_chat(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
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
}

inline void MockState::activate_chat(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
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
}

inline void MockState::close_thread(const std::string&, const json& p, Outcome& o)
{
    auto& pushes = o.pushes;
    auto* chat = require_chat(o, p);
    if (!chat)
        return;
    if (!is_active(*chat))
        return fail(o, "validation", "the chat has no active thread");
    close(*chat, customer_id(), pushes);
}

inline void MockState::send_event(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
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
}

inline void MockState::send_rich_message_postback(const std::string&, const json& p, Outcome& o)
{
    auto& pushes = o.pushes;
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
}

inline void MockState::send_sneak_peek(const std::string&, const json& p, Outcome& o)
{
    if (!require_chat(o, p))
        return;
    sneak_peek_ = p.at("sneak_peek_text").get<std::string>();
}

inline void MockState::properties(const std::string& action, const json& p, Outcome& o)
{
    auto& pushes = o.pushes;
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
}

inline void MockState::update_last_seen_timestamp(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
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
}

inline void MockState::update_customer(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    auto& pushes = o.pushes;
    merge_customer(p);
    out = {{"customer", customer_}};
    pushes.push_back({"customer_updated", {{"customer", customer_}}});
}

inline void MockState::update_customer_page(const std::string&, const json& p, Outcome& o)
{
    auto& pushes = o.pushes;
    pushes.push_back({"customer_page_updated",
        {{"url", p.at("url")}, {"title", p.value("title", "")}, {"timestamp", now()}}});
}

inline void MockState::set_customer_fields(const std::string&, const json& p, Outcome& o)
{
    auto& pushes = o.pushes;
    merge_customer({{"fields", p.at("fields")}});
    pushes.push_back({"customer_updated", {{"customer", customer_}}});
}

inline void MockState::get_groups_status(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    json status = json::object();
    for (auto& [id, s] : groups_) {
        auto wanted = p.value("groups", json::array());
        if (p.value("all", false) || std::find(wanted.begin(), wanted.end(), id) != wanted.end())
            status[std::to_string(id)] = s;
    }
    out = {{"groups_status", status}};
}

inline void MockState::get_predicted_agent(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    std::int64_t group = 0;
    if (!integer(o, p, "group_id", 0, 0, INT32_MAX, group))
        return;
    auto it = groups_.find(group);
    if (it == groups_.end())
        return fail(o, "group_not_found", "no such group");
    if (it->second == "offline")
        return fail(o, "group_offline", "group offline");
    out = {{"agent", agent_}};
}

inline void MockState::get_url_details(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
    out = {{"url", p.at("url")}, {"title", "Mock page"}, {"description", "A page the mock made up"},
        {"image_url", "https://cdn.mock.livechat/preview.png"}, {"image_width", 200}, {"image_height", 100}};
}

inline void MockState::get_form(const std::string&, const json& p, Outcome& o)
{
    auto& out = o.payload;
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
}

} // namespace livechat::rtm::testing::detail

#endif
