// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_V3_6_MOCK_SERVICE_IPP
#define LIVECHAT_RTM_TESTING_V3_6_MOCK_SERVICE_IPP

// The v3.6 mock service (spec: v3.6.md sections 2 and 3): the v3.0 memory with 3.6's
// presentation (RFC 3339 times, plain properties, 3.6 push names) and 3.6's method table,
// greetings, queue, thinking indicators, previews and welcome messages.

#include <livechat/rtm/testing/impl/mock_service.hpp>
#include <livechat/rtm/testing/v3_0/mock_methods.ipp>

#include <livechat/rtm/timestamp.hpp>

#include <algorithm>

namespace livechat::rtm::testing::detail {

class MockState36 final : public MockState {
public:
    using MockState::MockState;

    /// The welcome message `request_welcome_message` announces.
    std::string welcome_text = "Hi! How can we help?";

    json login(const json& payload, std::vector<StatePush>& pushes) override
    {
        if (auto c = payload.find("customer"); c != payload.end() && c->is_object())
            merge_customer36(*c);
        if (auto s = payload.find("customer_side_storage"); s != payload.end() && s->is_object())
            for (auto& [k, v] : s->items())
                storage_[k] = v;
        if (!storage_.empty())
            pushes.push_back({"customer_side_storage_updated", {{"customer_side_storage", storage_}}});
        json chats = json::array();
        bool active = false;
        for (auto& [id, chat] : chats_) {
            chats.push_back({{"chat_id", id}, {"has_unread_events", false}});
            active = active || is_active(chat);
        }
        json out = {{"customer", customer_}, {"has_active_thread", active}, {"chats", chats},
            {"__priv_dynamic_config", {{"online_groups_ids", {0}}}}};
        if (!greeting_.is_null())
            out["greeting"] = greeting_;
        return out;
    }

    /// Whether a login's `pushes` subscription lets `action` through: absent means every push;
    /// otherwise only what its "3.6" entry names (or "all"). Other versions' entries are not
    /// served: this mock formats pushes in 3.6 only.
    static bool subscribed(const std::string& action, const json& pushes)
    {
        if (!pushes.is_object())
            return true;
        auto it = pushes.find("3.6");
        if (it == pushes.end() || !it->is_array())
            return false;
        return std::any_of(it->begin(), it->end(), [&](const json& n) { return n == "all" || n == action; });
    }

    Outcome handle(const std::string& action, const json& p) override;

    std::vector<StatePush> agent_greeting(const std::string& text) override
    {
        greeting_ = {{"id", 7}, {"unique_id", new_id("G")}, {"displayed_first_time", true}, {"addon", "email"},
            {"subtype", "announcement"}, {"is_exit_intent", false},
            {"event", {{"type", "message"}, {"text", text}, {"created_at", created_now()}}},
            {"agent", {{"id", agent_["id"]}, {"name", agent_["name"]}, {"avatar", agent_["avatar"]},
                          {"job_title", agent_["job_title"]}, {"is_bot", false}}}};
        json shown = greeting_;
        greeting_["accepted"] = false;
        return {{"incoming_greeting", shown}};
    }
    std::vector<StatePush> agent_queue_position(const std::string& chat_id, std::int64_t position,
        std::int64_t wait_seconds) override
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        json queue = {{"position", position}, {"wait_time", wait_seconds}};
        auto& thread = chat->at("threads").back();
        if (position > 0)
            thread["queue"] = {{"position", position}, {"wait_time", wait_seconds}, {"queued_at", created_now()}};
        else
            thread.erase("queue");
        return {{"queue_position_updated", {{"chat_id", chat_id}, {"thread_id", thread["id"]}, {"queue", queue}}}};
    }
    std::vector<StatePush> agent_thinking(const std::string& chat_id, const std::string& title) override
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        return {{"incoming_thinking_indicator",
            {{"chat_id", chat_id}, {"thread_id", last_thread_id(*chat)}, {"author_id", agent_["id"]},
                {"sent_at", created_now()}, {"title", title}, {"description", "Preparing an answer"},
                {"custom_id", "think-" + chat_id}}}};
    }
    std::vector<StatePush> agent_event_preview(const std::string& chat_id, const std::string& text) override
    {
        auto* chat = find_chat(chat_id);
        if (!chat)
            return {};
        return {{"incoming_event_preview",
            {{"chat_id", chat_id}, {"thread_id", last_thread_id(*chat)},
                {"event", {{"created_at", created_now()}, {"type", "message"}, {"text", text},
                              {"author_id", agent_["id"]}, {"custom_id", "preview-" + chat_id}}}}}};
    }

private:
    static std::string created_now()
    {
        return rtm::format_timestamp(std::chrono::time_point_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now()));
    }

    // ---- 3.6 presentation ---------------------------------------------------------------------
    void stamp(json& object) override { object["created_at"] = created_now(); }
    json shown_properties(const json& props) const override { return props.is_object() ? props : json::object(); }
    StatePush user_added(const json& chat, const json& user) const override
    {
        return {"user_added_to_chat", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                          {"user", user}, {"reason", "manual"}}};
    }
    StatePush user_removed(const json& chat, const json& user_id) const override
    {
        return {"user_removed_from_chat", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                              {"user_id", user_id}, {"reason", "manual"}}};
    }
    StatePush transferred(const json& chat, std::int64_t group) const override
    {
        return {"chat_transferred", {{"chat_id", chat["id"]}, {"thread_id", last_thread_id(chat)},
                                        {"requester_id", agent_["id"]},
                                        {"transferred_to", {{"group_ids", {group}}, {"agent_ids", json::array()}}}}};
    }
    StatePush closed(const json& chat, const json& thread, const json& by) const override
    {
        return {"chat_deactivated", {{"chat_id", chat["id"]}, {"thread_id", thread["id"]}, {"user_id", by}}};
    }

    void merge_customer36(const json& c)
    {
        for (const char* k : {"name", "email", "avatar", "address", "phone_number"})
            if (c.contains(k))
                customer_[k] = c[k];
        if (c.contains("session_fields") && c["session_fields"].is_array())
            customer_["session_fields"] = c["session_fields"];
        if (c.contains("omnichannel"))
            customer_["omnichannel"] = c["omnichannel"];
    }

    /// A chat summary with the 3.6 fields.
    json summary(const json& chat) const
    {
        const auto& threads = chat["threads"];
        json s = {{"id", chat["id"]}, {"users", chat["users"]}, {"properties", chat["properties"]},
            {"access", chat["access"]}, {"active", is_active(chat)}, {"last_event_per_type", json::object()}};
        if (!threads.empty()) {
            s["last_thread_id"] = threads.back()["id"];
            s["last_thread_created_at"] = threads.back()["created_at"];
        }
        for (auto& t : threads)
            for (auto& e : t["events"])
                s["last_event_per_type"][e.value("type", "")] = {
                    {"thread_id", t["id"]}, {"thread_created_at", t["created_at"]}, {"event", e}};
        return s;
    }

    /// Pages by `page_id` (RTM 3.6): a first call may set limit and sort_order; later calls
    /// send only the cursor the previous page gave. Cursors here are "<offset>:<limit>:<order>".
    bool page(Outcome& o, const json& p, std::int64_t default_limit, std::int64_t max_limit, std::size_t total,
        std::int64_t& offset, std::int64_t& limit, bool& ascending)
    {
        ascending = false;
        offset = 0;
        if (p.contains("page_id")) {
            if (p.contains("limit") || p.contains("sort_order") || p.contains("min_events_count")) {
                fail(o, "validation", "page_id cannot be combined with limit, sort_order or filters");
                return false;
            }
            unsigned long long off = 0, lim = 0;
            char dir = 0;
            const auto& cursor = p["page_id"];
            if (!cursor.is_string() ||
                std::sscanf(cursor.get_ref<const std::string&>().c_str(), "%llu:%llu:%c", &off, &lim, &dir) != 3 ||
                lim < 1 || lim > static_cast<unsigned long long>(max_limit) || off > total) {
                fail(o, "validation", "page_id is invalid or expired");
                return false;
            }
            offset = static_cast<std::int64_t>(off);
            limit = static_cast<std::int64_t>(lim);
            ascending = dir == 'a';
            return true;
        }
        if (!integer(o, p, "limit", default_limit, 1, max_limit, limit))
            return false;
        auto order = p.value("sort_order", json("desc"));
        if (order != "asc" && order != "desc") {
            fail(o, "validation", "sort_order must be asc or desc");
            return false;
        }
        ascending = order == "asc";
        return true;
    }
    static void cursors(json& out, std::int64_t offset, std::int64_t limit, bool ascending, std::size_t total)
    {
        auto cursor = [&](std::int64_t at) {
            return std::to_string(at) + ":" + std::to_string(limit) + ":" + (ascending ? "a" : "d");
        };
        if (offset + limit < static_cast<std::int64_t>(total))
            out["next_page_id"] = cursor(offset + limit);
        if (offset > 0)
            out["previous_page_id"] = cursor(std::max<std::int64_t>(0, offset - limit));
    }

    // ---- methods ----------------------------------------------------------------------------
    void list_chats(const std::string&, const json& p, Outcome& o)
    {
        std::int64_t offset, limit;
        bool ascending;
        if (!page(o, p, 10, 25, chats_.size(), offset, limit, ascending))
            return;
        std::vector<const json*> all;
        for (auto& [id, chat] : chats_)
            all.push_back(&chat);
        if (!ascending)
            std::reverse(all.begin(), all.end());
        json list = json::array();
        for (auto i = offset; i < offset + limit && i < static_cast<std::int64_t>(all.size()); ++i)
            list.push_back(summary(*all[static_cast<std::size_t>(i)]));
        o.payload = {{"chats_summary", list}, {"total_chats", chats_.size()}};
        cursors(o.payload, offset, limit, ascending, all.size());
    }
    void list_threads(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        const auto& threads = (*chat)["threads"];
        std::int64_t offset, limit;
        bool ascending;
        if (p.contains("limit") && p.contains("min_events_count"))
            return fail(o, "validation", "min_events_count cannot be combined with limit");
        if (!page(o, p, 3, 100, threads.size(), offset, limit, ascending))
            return;
        std::vector<json> all(threads.begin(), threads.end());
        if (!ascending)
            std::reverse(all.begin(), all.end());
        json list = json::array();
        for (auto i = offset; i < offset + limit && i < static_cast<std::int64_t>(all.size()); ++i)
            list.push_back(all[static_cast<std::size_t>(i)]);
        o.payload = {{"threads", list}, {"found_threads", threads.size()}};
        cursors(o.payload, offset, limit, ascending, all.size());
    }
    void get_chat(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        const auto& threads = (*chat)["threads"];
        json c = *chat;
        c.erase("threads");
        if (p.contains("thread_id")) {
            json* t = require_thread(o, *chat, p);
            if (!t)
                return;
            c["thread"] = *t;
        } else if (!threads.empty()) {
            c["thread"] = threads.back();
        }
        o.payload = c;
    }
    void start_chat(const std::string&, const json& p, Outcome& o)
    {
        for (auto& [id, chat] : chats_)
            if (is_active(chat))
                return fail(o, "chat_already_active", "the customer already has an active chat");
        json req = p.value("chat", json::object());
        // "K", not v3.0's "C": the two services' chat ids never meet (the agent hooks find a
        // chat's service by its id).
        json chat = {{"id", new_id("K")}, {"users", {chat_user_customer()}}, {"properties", json::object()},
            {"access", req.value("access", json{{"group_ids", {0}}})}, {"threads", json::array()}};
        if (req.contains("properties"))
            merge_properties(chat["properties"], req["properties"]);
        chat["threads"].push_back(new_thread(req));
        auto& thread = chat["threads"].back();
        thread["active"] = p.value("active", true);
        chats_[chat["id"]] = chat;
        o.payload = {{"chat_id", chat["id"]}, {"thread_id", thread["id"]}};
        add_event_ids(o.payload, thread);
        json shown = chat;
        shown.erase("threads");
        shown["thread"] = thread;
        o.pushes.push_back({"incoming_chat", {{"requester_id", customer_id()}, {"chat", shown}}});
    }
    void resume_chat(const std::string&, const json& p, Outcome& o)
    {
        json req = p.value("chat", json::object());
        auto* chat = require_chat(o, req, "id");
        if (!chat)
            return;
        if (is_active(*chat))
            return fail(o, "chat_already_active", "the chat is active");
        if (req.contains("properties"))
            merge_properties((*chat)["properties"], req["properties"]);
        (*chat)["threads"].push_back(new_thread(req));
        auto& thread = (*chat)["threads"].back();
        thread["active"] = p.value("active", true);
        o.payload = {{"thread_id", thread["id"]}};
        add_event_ids(o.payload, thread);
        json shown = *chat;
        shown.erase("threads");
        shown["thread"] = thread;
        o.pushes.push_back({"incoming_chat", {{"requester_id", customer_id()}, {"chat", shown}}});
    }
    static void add_event_ids(json& out, const json& thread)
    {
        if (thread["events"].empty())
            return;
        json ids = json::array();
        for (auto& e : thread["events"])
            ids.push_back(e["id"]);
        out["event_ids"] = ids;
    }
    void deactivate_chat(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p, "id");
        if (!chat)
            return;
        if (!is_active(*chat))
            return fail(o, "chat_inactive", "the chat has no active thread");
        close(*chat, customer_id(), o.pushes);
    }
    void send_event(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        json event = p.at("event");
        if (!event.is_object() || !event.contains("type") || !event["type"].is_string())
            return fail(o, "validation", "event must be an object with a string type");
        if (event["type"] == "system")
            return fail(o, "validation", "system events cannot be sent");
        event["author_id"] = customer_id();
        auto& threads = (*chat)["threads"];
        if (!is_active(*chat) && !p.value("attach_to_last_thread", false))
            return fail(o, "chat_inactive", "the chat has no active thread");
        auto stored = store_event(threads.back(), event);
        o.payload = {{"event_id", stored["id"]}};
        o.pushes.push_back({"incoming_event", {{"chat_id", (*chat)["id"]}, {"thread_id", threads.back()["id"]}, {"event", stored}}});
    }
    void delete_event(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p);
        json* thread = chat ? require_thread(o, *chat, p) : nullptr;
        json* event = thread ? require_event(o, *thread, p) : nullptr;
        if (!event)
            return;
        auto& events = (*thread)["events"];
        for (auto it = events.begin(); it != events.end(); ++it)
            if ((*it)["id"] == p["event_id"]) {
                events.erase(it);
                break;
            }
        o.pushes.push_back({"event_deleted", {{"chat_id", p["chat_id"]}, {"thread_id", p["thread_id"]}, {"event_id", p["event_id"]}}});
    }
    void properties36(const std::string& action, const json& p, Outcome& o)
    {
        // 3.6 names the chat `id` for chat properties, `chat_id` for the others.
        bool chat_level = action.find("chat_properties") != std::string::npos;
        auto* chat = require_chat(o, p, chat_level ? "id" : "chat_id");
        if (!chat)
            return;
        json* target = &(*chat)["properties"];
        json ids = {{"chat_id", (*chat)["id"]}};
        std::string level = "chat";
        if (!chat_level) {
            json* thread = require_thread(o, *chat, p);
            if (!thread)
                return;
            target = &(*thread)["properties"];
            ids["thread_id"] = p["thread_id"];
            level = "thread";
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
        push["properties"] = p["properties"];
        o.pushes.push_back({level + (update ? "_properties_updated" : "_properties_deleted"), push});
    }
    void update_customer(const std::string&, const json& p, Outcome& o)
    {
        merge_customer36(p);
        o.pushes.push_back({"customer_updated", customer_});
    }
    void set_customer_session_fields(const std::string&, const json& p, Outcome& o)
    {
        if (!p.at("session_fields").is_array())
            return fail(o, "validation", "session_fields must be an array");
        customer_["session_fields"] = p["session_fields"];
        o.pushes.push_back({"customer_updated", customer_});
    }
    void get_customer(const std::string&, const json&, Outcome& o) { o.payload = customer_; }
    void update_customer_page(const std::string&, const json& p, Outcome&) { (void)p.at("url").get<std::string>(); }
    void list_group_statuses(const std::string&, const json& p, Outcome& o)
    {
        json status = json::object();
        auto wanted = p.value("group_ids", json::array());
        for (auto& [id, s] : groups_)
            if (p.value("all", false) || std::find(wanted.begin(), wanted.end(), id) != wanted.end())
                status[std::to_string(id)] = s;
        o.payload = {{"groups_status", status}};
    }
    void get_predicted_agent(const std::string&, const json&, Outcome& o)
    {
        if (auto g = groups_.find(0); g != groups_.end() && g->second == "offline")
            return fail(o, "group_offline", "group offline");
        o.payload = {{"agent", agent_}, {"queue", false}};
    }
    void get_url_info(const std::string&, const json& p, Outcome& o)
    {
        o.payload = {{"url", p.at("url")}, {"title", "Mock page"}, {"description", "A page the mock made up"},
            {"image_url", "https://cdn.mock.livechat/preview.png"},
            {"image_original_url", "https://example.com/preview.png"}, {"image_width", 200}, {"image_height", 100}};
    }
    void mark_events_as_seen(const std::string&, const json& p, Outcome& o)
    {
        auto* chat = require_chat(o, p);
        if (!chat)
            return;
        const auto& seen = p.at("seen_up_to");
        if (!seen.is_string() || !rtm::parse_timestamp(seen.get_ref<const std::string&>()))
            return fail(o, "validation", "seen_up_to must be an RFC 3339 time");
        for (auto& u : (*chat)["users"])
            if (u["id"] == customer_["id"])
                u["events_seen_up_to"] = seen;
        o.pushes.push_back({"events_marked_as_seen", {{"user_id", customer_id()}, {"chat_id", p["chat_id"]}, {"seen_up_to", seen}}});
    }
    void accept_greeting(const std::string&, const json& p, Outcome& o)
    {
        if (greeting_.is_null() || greeting_["unique_id"] != p.at("unique_id") || greeting_["id"] != p.at("greeting_id"))
            return fail(o, "greeting_not_found", "no such greeting");
        greeting_["accepted"] = true;
        o.pushes.push_back({"greeting_accepted", {{"unique_id", p["unique_id"]}}});
    }
    void cancel_greeting(const std::string&, const json& p, Outcome& o)
    {
        if (greeting_.is_null() || greeting_["unique_id"] != p.at("unique_id"))
            return fail(o, "greeting_not_found", "no such greeting");
        greeting_ = nullptr;
        o.pushes.push_back({"greeting_canceled", {{"unique_id", p["unique_id"]}}});
    }
    void send_greeting_button_clicked(const std::string&, const json& p, Outcome& o)
    {
        if (greeting_.is_null() || greeting_["unique_id"] != p.at("greeting_unique_id"))
            return fail(o, "greeting_not_found", "no such greeting");
        (void)p.at("button_id").get<std::string>();
    }
    void request_welcome_message(const std::string&, const json&, Outcome& o)
    {
        json agent = agent_;
        o.payload = {{"id", "welcome-1"}, {"predicted_agent", agent}, {"queue", false}};
        o.pushes.push_back({"incoming_welcome_message",
            {{"id", "welcome-1"}, {"event", {{"created_at", created_now()}, {"type", "message"},
                                                {"text", welcome_text}, {"author_id", agent_["id"]}}}}});
    }
    void page_focus(const std::string&, const json&, Outcome&) {}

    json greeting_;   ///< the greeting on screen (null: none)
};

inline Outcome MockState36::handle(const std::string& action, const json& p)
{
    using Method = void (MockState36::*)(const std::string&, const json&, Outcome&);
    static const std::map<std::string, Method, std::less<>> methods{
        {"list_chats", &MockState36::list_chats},
        {"list_threads", &MockState36::list_threads},
        {"get_chat", &MockState36::get_chat},
        {"start_chat", &MockState36::start_chat},
        {"resume_chat", &MockState36::resume_chat},
        {"deactivate_chat", &MockState36::deactivate_chat},
        {"send_event", &MockState36::send_event},
        {"delete_event", &MockState36::delete_event},
        {"send_rich_message_postback", &MockState36::send_rich_message_postback},
        {"send_sneak_peek", &MockState36::send_sneak_peek},
        {"update_chat_properties", &MockState36::properties36},
        {"delete_chat_properties", &MockState36::properties36},
        {"update_thread_properties", &MockState36::properties36},
        {"delete_thread_properties", &MockState36::properties36},
        {"update_event_properties", &MockState36::properties36},
        {"delete_event_properties", &MockState36::properties36},
        {"update_customer", &MockState36::update_customer},
        {"update_customer_page", &MockState36::update_customer_page},
        {"set_customer_session_fields", &MockState36::set_customer_session_fields},
        {"get_customer", &MockState36::get_customer},
        {"list_group_statuses", &MockState36::list_group_statuses},
        {"get_form", &MockState36::get_form},
        {"get_predicted_agent", &MockState36::get_predicted_agent},
        {"get_url_info", &MockState36::get_url_info},
        {"mark_events_as_seen", &MockState36::mark_events_as_seen},
        {"accept_greeting", &MockState36::accept_greeting},
        {"cancel_greeting", &MockState36::cancel_greeting},
        {"send_greeting_button_clicked", &MockState36::send_greeting_button_clicked},
        {"request_welcome_message", &MockState36::request_welcome_message},
        {"activate_customer_page", &MockState36::page_focus},
        {"deactivate_customer_page", &MockState36::page_focus},
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
        fail(o, "validation", "wrong type or missing field in the request");
    }
    return o;
}

class MockServiceV3_6 final : public MockService {
public:
    MockServiceV3_6(std::string customer_id, json storage) : state_(std::move(customer_id), std::move(storage)) {}

    std::string target(std::uint64_t organization) const override
    {
        // A UUID-like organization id made from the number the tests pass.
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012llu",
            static_cast<unsigned long long>(organization % 1000000000000ULL));
        return std::string("/v3.6/customer/rtm/ws?organization_id=") + id;
    }
    std::string_view login_action() const noexcept override { return "login"; }
    std::string_view ping_action() const noexcept override { return "ping"; }
    std::string_view disconnect_action() const noexcept override { return "customer_disconnected"; }
    std::string_view version() const noexcept override { return "3.6"; }
    bool accepts(std::string_view target) const override
    {
        // RTM 3.4+: organization_id is required; license_id is not accepted.
        return target.find("organization_id=") != std::string_view::npos &&
               target.find("license_id=") == std::string_view::npos;
    }
    bool delivers(const std::string& push, const json& subscription) const override
    {
        return push == disconnect_action() || MockState36::subscribed(push, subscription);
    }

    Outcome login(const json& payload) override
    {
        Outcome o;
        o.payload = state_.login(payload, o.pushes);
        return o;
    }
    Outcome handle(const std::string& action, const json& payload) override { return state_.handle(action, payload); }
    MockState& state() noexcept override { return state_; }

private:
    MockState36 state_;
};

} // namespace livechat::rtm::testing::detail

#endif
