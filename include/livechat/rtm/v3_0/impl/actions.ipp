// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_ACTIONS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_ACTIONS_IPP

// Field lists and client-side limits of the v3.0 methods (spec: methods.md section 2,
// README.md section 7).

#include <livechat/rtm/v3_0/impl/models.ipp>
#include <livechat/rtm/v3_0/actions.hpp>

namespace livechat::rtm::v3_0 {

// ---- request writers ---------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(GetChatsSummaryRequest)
{
    io("offset", s.offset);
    io("limit", s.limit);
}
LIVECHAT_RTM_FIELDS(GetChatThreadsRequest)
{
    io("chat_id", s.chat_id);
    io("thread_ids", s.thread_ids, always); // required by the 3.0 doc: always sent
}
LIVECHAT_RTM_FIELDS(GetChatThreadsSummaryRequest)
{
    io("chat_id", s.chat_id);
    io("offset", s.offset);
    io("limit", s.limit);
}
LIVECHAT_RTM_FIELDS(InitialThread)
{
    io("events", s.events);
    io("properties", s.properties);
}
LIVECHAT_RTM_FIELDS(StartChatData)
{
    io("access", s.access);
    io("properties", s.properties);
    io("thread", s.thread);
}
LIVECHAT_RTM_FIELDS(StartChatRequest)
{
    io("chat", s.chat);
    io("continuous", s.continuous);
}
LIVECHAT_RTM_FIELDS(ActivateChatData)
{
    io("id", s.id);
    io("access", s.access);
    io("properties", s.properties);
    io("thread", s.thread);
}
LIVECHAT_RTM_FIELDS(ActivateChatRequest)
{
    io("chat", s.chat);
    io("continuous", s.continuous);
}
LIVECHAT_RTM_FIELDS(ChatIdRequest)
{
    io("chat_id", s.chat_id);
}
LIVECHAT_RTM_FIELDS(SendEventRequest)
{
    io("chat_id", s.chat_id);
    io("event", s.event);
    io("attach_to_last_thread", s.attach_to_last_thread);
    io("require_active_thread", s.require_active_thread);
}
LIVECHAT_RTM_FIELDS(SendRichMessagePostbackRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("postback", s.postback);
}
LIVECHAT_RTM_FIELDS(SendSneakPeekRequest)
{
    io("chat_id", s.chat_id);
    io("sneak_peek_text", s.sneak_peek_text);
}
// Property requests and pushes address a chat, a thread or an event: the ids they carry say which.
LIVECHAT_RTM_FIELDS(UpdateChatPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(DeleteChatPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(UpdateChatThreadPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(DeleteChatThreadPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(UpdateEventPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(DeleteEventPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(UpdateLastSeenTimestampRequest)
{
    io("chat_id", s.chat_id);
    io("timestamp", s.timestamp);
}
LIVECHAT_RTM_FIELDS(UpdateCustomerRequest)
{
    io("name", s.name);
    io("email", s.email);
    io("avatar", s.avatar);
    io("fields", s.fields);
}
LIVECHAT_RTM_FIELDS(UpdateCustomerPageRequest)
{
    io("url", s.url);
    io("title", s.title);
}
LIVECHAT_RTM_FIELDS(SetCustomerFieldsRequest)
{
    io("fields", s.fields, always);
}
LIVECHAT_RTM_FIELDS(GetGroupsStatusRequest)
{
    io("all", s.all);
    io("groups", s.groups);
}
LIVECHAT_RTM_FIELDS(GetPredictedAgentRequest)
{
    io("group_id", s.group_id);
}
LIVECHAT_RTM_FIELDS(GetUrlDetailsRequest)
{
    io("url", s.url);
}
LIVECHAT_RTM_FIELDS(GetFormRequest)
{
    io("group_id", s.group_id);
    io("type", s.type);
}
inline void read_struct(ModelReader&, const json&, PingRequest&) {}
inline void write_struct(json&, const PingRequest&) {}

// ---- client-side validation -----------------------------------------------------------------------

namespace detail_v3_0 {

inline error_code invalid(Diagnostics& diag, std::string message)
{
    diag.client_message = std::move(message);
    return error::validation;
}

inline error_code check_range(Diagnostics& diag, const char* field,
    const std::optional<std::int64_t>& v, std::int64_t lo, std::int64_t hi)
{
    if (v && (*v < lo || *v > hi))
        return invalid(diag, std::string(field) + " must be between " + std::to_string(lo) +
                                 " and " + std::to_string(hi));
    return {};
}

inline error_code check_id(Diagnostics& diag, const char* field, const std::string& id)
{
    return id.empty() ? invalid(diag, std::string(field) + " must not be empty") : error_code();
}

// RTM: message text at most 16 KB of UTF-8; rich messages 1-10 elements, 1-11 buttons each.
inline error_code check_event(Diagnostics& diag, const std::string& path, const Event& e)
{
    if (const auto* m = std::get_if<Message>(&e)) {
        if (m->text.empty())
            return invalid(diag, path + ".text must not be empty");
        if (m->text.size() > max_message_text_bytes)
            return invalid(diag, path + ".text is " + std::to_string(m->text.size()) +
                                     " bytes; at most 16384 bytes of UTF-8 are allowed");
    } else if (const auto* r = std::get_if<RichMessage>(&e)) {
        if (r->elements.empty() || r->elements.size() > 10)
            return invalid(diag, path + ".elements must hold 1 to 10 elements");
        for (std::size_t i = 0; i < r->elements.size(); ++i) {
            auto n = r->elements[i].buttons.size();
            if (n > 11)
                return invalid(diag, path + ".elements[" + std::to_string(i) +
                                         "].buttons must hold at most 11 buttons");
        }
    } else if (const auto* s = std::get_if<SystemMessage>(&e)) {
        if (s->system_message_type.empty())
            return invalid(diag, path + ".system_message_type must not be empty");
    } else if (const auto* f = std::get_if<File>(&e)) {
        if (f->url.empty())
            return invalid(diag, path + ".url must not be empty");
    } else if (const auto* ff = std::get_if<FilledForm>(&e)) {
        if (ff->form_id.empty())
            return invalid(diag, path + ".form_id must not be empty");
    }
    return {};
}

inline error_code check_thread(Diagnostics& diag, const std::string& path, const std::optional<InitialThread>& t)
{
    if (!t)
        return {};
    for (std::size_t i = 0; i < t->events.size(); ++i)
        if (auto ec = check_event(diag, path + ".events[" + std::to_string(i) + "]", t->events[i]))
            return ec;
    return {};
}

} // namespace detail_v3_0

using detail_v3_0::check_event;
using detail_v3_0::check_id;
using detail_v3_0::check_range;
using detail_v3_0::check_thread;
using detail_v3_0::invalid;

LIVECHAT_RTM_DECL error_code validate_request(const GetChatsSummaryRequest& r, Diagnostics& d)
{
    if (auto ec = check_range(d, "offset", r.offset, 0, 100))
        return ec;
    return check_range(d, "limit", r.limit, 1, 25);
}
LIVECHAT_RTM_DECL error_code validate_request(const GetChatThreadsRequest& r, Diagnostics& d)
{
    return check_id(d, "chat_id", r.chat_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const GetChatThreadsSummaryRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (r.offset && *r.offset < 0)
        return invalid(d, "offset must not be negative");
    return check_range(d, "limit", r.limit, 1, 100);
}
LIVECHAT_RTM_DECL error_code validate_request(const StartChatRequest& r, Diagnostics& d)
{
    return r.chat ? check_thread(d, "chat.thread", r.chat->thread) : error_code();
}
LIVECHAT_RTM_DECL error_code validate_request(const ActivateChatRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat.id", r.chat.id.str()))
        return ec;
    return check_thread(d, "chat.thread", r.chat.thread);
}
LIVECHAT_RTM_DECL error_code validate_request(const ChatIdRequest& r, Diagnostics& d)
{
    return check_id(d, "chat_id", r.chat_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const SendEventRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    return check_event(d, "event", r.event);
}
LIVECHAT_RTM_DECL error_code validate_request(const SendRichMessagePostbackRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (auto ec = check_id(d, "thread_id", r.thread_id.str()))
        return ec;
    if (auto ec = check_id(d, "event_id", r.event_id.str()))
        return ec;
    return check_id(d, "postback.id", r.postback.id);
}
LIVECHAT_RTM_DECL error_code validate_request(const SendSneakPeekRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (r.sneak_peek_text.size() > max_message_text_bytes)
        return invalid(d, "sneak_peek_text is longer than 16384 bytes");
    return {};
}
template <class R>
error_code validate_property_request(const R& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (r.properties.empty())
        return invalid(d, "properties must not be empty");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const UpdateChatPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteChatPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateChatThreadPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteChatThreadPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateEventPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteEventPropertiesRequest& r, Diagnostics& d) { return validate_property_request(r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateLastSeenTimestampRequest& r, Diagnostics& d)
{
    return check_id(d, "chat_id", r.chat_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const UpdateCustomerRequest& r, Diagnostics& d)
{
    if (!r.name && !r.email && !r.avatar && r.fields.empty())
        return invalid(d, "update_customer needs at least one of name, email, avatar, fields");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const UpdateCustomerPageRequest& r, Diagnostics& d)
{
    return check_id(d, "url", r.url);
}
LIVECHAT_RTM_DECL error_code validate_request(const SetCustomerFieldsRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const GetGroupsStatusRequest& r, Diagnostics& d)
{
    bool all = r.all.value_or(false);
    if (all == !r.groups.empty())
        return invalid(d, "get_groups_status needs either all = true or a non-empty groups list");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const GetPredictedAgentRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const GetUrlDetailsRequest& r, Diagnostics& d)
{
    return check_id(d, "url", r.url);
}
LIVECHAT_RTM_DECL error_code validate_request(const GetFormRequest& r, Diagnostics& d)
{
    if (r.type != "prechat" && r.type != "postchat")
        return invalid(d, "type must be \"prechat\" or \"postchat\"");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const PingRequest&, Diagnostics&) { return {}; }

// ---- response readers -------------------------------------------------------------------------------

inline void read_struct(ModelReader&, const json&, Empty&) {} // RTM: any payload, even {}
inline void write_struct(json&, const Empty&) {}
LIVECHAT_RTM_FIELDS(GetChatsSummaryResponse)
{
    io("chats_summary", s.chats_summary);
    io("total_chats", s.total_chats, lenient);
}
LIVECHAT_RTM_FIELDS(ChatResponse)
{
    io("chat", s.chat);
}
LIVECHAT_RTM_FIELDS(GetChatThreadsSummaryResponse)
{
    io("threads_summary", s.threads_summary);
    io("total_threads", s.total_threads, lenient);
}
LIVECHAT_RTM_FIELDS(SendEventResponse)
{
    io("thread_id", s.thread_id);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(UpdateLastSeenTimestampResponse)
{
    io("timestamp", s.timestamp);
}
inline void read_struct(ModelReader& r, const json& j, UpdateCustomerResponse& o)
{
    // Spec discrepancy (methods.md 2.13): the 3.0 doc wraps the customer, a draft does not.
    if (j.contains("customer"))
        r.field(j, "customer", o.customer);
    else
        r.value(j, o.customer);
}
inline void write_struct(json& j, const UpdateCustomerResponse& o) { put(j, "customer", o.customer); }
LIVECHAT_RTM_FIELDS(GetGroupsStatusResponse)
{
    io("groups_status", s.groups_status);
}
inline void read_struct(ModelReader& r, const json& j, GetPredictedAgentResponse& o)
{
    // Spec discrepancy (methods.md 2.17): nested under "agent" (3.0 doc) or flat (3.1, 3.2).
    if (j.contains("agent"))
        r.field(j, "agent", o.agent);
    else
        r.value(j, o.agent);
}
inline void write_struct(json& j, const GetPredictedAgentResponse& o) { put(j, "agent", o.agent); }
LIVECHAT_RTM_FIELDS(GetFormResponse)
{
    io("enabled", s.enabled);
    io("form", s.form);
}

inline const std::vector<detail::NamedValue<GroupStatus>>& enum_names(GroupStatus)
{
    static const std::vector<detail::NamedValue<GroupStatus>> names{{GroupStatus::online, "online"},
        {GroupStatus::offline, "offline"}, {GroupStatus::online_for_queue, "online_for_queue"}};
    return names;
}

// ---- the public entry points -------------------------------------------------------------------------

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatsSummaryRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatThreadsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatThreadsSummaryRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(StartChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ActivateChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatIdRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendEventRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendRichMessagePostbackRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendSneakPeekRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateChatPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteChatPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateChatThreadPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteChatThreadPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateEventPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteEventPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateLastSeenTimestampRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerPageRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SetCustomerFieldsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetGroupsStatusRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetPredictedAgentRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetUrlDetailsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetFormRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(PingRequest)

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Empty)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatsSummaryResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatThreadsSummaryResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendEventResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateLastSeenTimestampResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetGroupsStatusResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetPredictedAgentResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetFormResponse)


} // namespace livechat::rtm::v3_0

#endif
