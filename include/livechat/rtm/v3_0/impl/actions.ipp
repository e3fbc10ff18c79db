// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_ACTIONS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_ACTIONS_IPP

// Field lists and client-side limits of the v3.0 methods (spec: methods.md section 2,
// README.md section 7).

#include <livechat/rtm/v3_0/impl/models.ipp>
#include <livechat/rtm/v3_0/actions.hpp>

namespace livechat::rtm::v3_0 {

// ---- request writers ---------------------------------------------------------------------------

inline void write_struct(json& j, const GetChatsSummaryRequest& r)
{
    put(j, "offset", r.offset);
    put(j, "limit", r.limit);
}
inline void write_struct(json& j, const GetChatThreadsRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put_always(j, "thread_ids", r.thread_ids); // required by the 3.0 doc: always sent
}
inline void write_struct(json& j, const GetChatThreadsSummaryRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put(j, "offset", r.offset);
    put(j, "limit", r.limit);
}
inline void write_struct(json& j, const InitialThread& t)
{
    put(j, "events", t.events);
    put(j, "properties", t.properties);
}
inline void write_struct(json& j, const StartChatData& c)
{
    put(j, "access", c.access);
    put(j, "properties", c.properties);
    put(j, "thread", c.thread);
}
inline void write_struct(json& j, const StartChatRequest& r)
{
    put(j, "chat", r.chat);
    put(j, "continuous", r.continuous);
}
inline void write_struct(json& j, const ActivateChatData& c)
{
    put(j, "id", c.id);
    put(j, "access", c.access);
    put(j, "properties", c.properties);
    put(j, "thread", c.thread);
}
inline void write_struct(json& j, const ActivateChatRequest& r)
{
    put(j, "chat", r.chat);
    put(j, "continuous", r.continuous);
}
inline void write_struct(json& j, const ChatIdRequest& r) { put(j, "chat_id", r.chat_id); }
inline void write_struct(json& j, const SendEventRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put(j, "event", r.event);
    put(j, "attach_to_last_thread", r.attach_to_last_thread);
    put(j, "require_active_thread", r.require_active_thread);
}
inline void write_struct(json& j, const PostbackToggle& p)
{
    put(j, "id", p.id);
    put(j, "toggled", p.toggled);
}
inline void write_struct(json& j, const SendRichMessagePostbackRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put(j, "thread_id", r.thread_id);
    put(j, "event_id", r.event_id);
    put(j, "postback", r.postback);
}
inline void write_struct(json& j, const SendSneakPeekRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put(j, "sneak_peek_text", r.sneak_peek_text);
}
// Property requests and pushes address a chat, a thread or an event: the ids they carry say which.
template <class R, class = void>
struct HasThreadId : std::false_type {};
template <class R>
struct HasThreadId<R, std::void_t<decltype(std::declval<R>().thread_id)>> : std::true_type {};
template <class R, class = void>
struct HasEventId : std::false_type {};
template <class R>
struct HasEventId<R, std::void_t<decltype(std::declval<R>().event_id)>> : std::true_type {};

template <class R>
void write_property_target(json& j, const R& r)
{
    put(j, "chat_id", r.chat_id);
    if constexpr (HasThreadId<R>::value)
        put(j, "thread_id", r.thread_id);
    if constexpr (HasEventId<R>::value)
        put(j, "event_id", r.event_id);
    put_always(j, "properties", r.properties);
}
inline void write_struct(json& j, const UpdateChatPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const DeleteChatPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const UpdateChatThreadPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const DeleteChatThreadPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const UpdateEventPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const DeleteEventPropertiesRequest& r) { write_property_target(j, r); }
inline void write_struct(json& j, const UpdateLastSeenTimestampRequest& r)
{
    put(j, "chat_id", r.chat_id);
    put(j, "timestamp", r.timestamp);
}
inline void write_struct(json& j, const UpdateCustomerRequest& r)
{
    put(j, "name", r.name);
    put(j, "email", r.email);
    put(j, "avatar", r.avatar);
    put(j, "fields", r.fields);
}
inline void write_struct(json& j, const UpdateCustomerPageRequest& r)
{
    put(j, "url", r.url);
    put(j, "title", r.title);
}
inline void write_struct(json& j, const SetCustomerFieldsRequest& r) { put_always(j, "fields", r.fields); }
inline void write_struct(json& j, const GetGroupsStatusRequest& r)
{
    put(j, "all", r.all);
    put(j, "groups", r.groups);
}
inline void write_struct(json& j, const GetPredictedAgentRequest& r) { put(j, "group_id", r.group_id); }
inline void write_struct(json& j, const GetUrlDetailsRequest& r) { put(j, "url", r.url); }
inline void write_struct(json& j, const GetFormRequest& r)
{
    put(j, "group_id", r.group_id);
    put(j, "type", r.type);
}
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
inline void read_struct(ModelReader& r, const json& j, GetChatsSummaryResponse& o)
{
    r.field(j, "chats_summary", o.chats_summary);
    r.optional_field(j, "total_chats", o.total_chats);
}
inline void read_struct(ModelReader& r, const json& j, ChatResponse& o) { r.field(j, "chat", o.chat); }
inline void read_struct(ModelReader& r, const json& j, GetChatThreadsSummaryResponse& o)
{
    r.field(j, "threads_summary", o.threads_summary);
    r.optional_field(j, "total_threads", o.total_threads);
}
inline void read_struct(ModelReader& r, const json& j, SendEventResponse& o)
{
    r.field(j, "thread_id", o.thread_id);
    r.field(j, "event", o.event);
}
inline void read_struct(ModelReader& r, const json& j, UpdateLastSeenTimestampResponse& o)
{
    r.field(j, "timestamp", o.timestamp);
}
inline void read_struct(ModelReader& r, const json& j, UpdateCustomerResponse& o)
{
    // Spec discrepancy (methods.md 2.13): the 3.0 doc wraps the customer, a draft does not.
    if (j.contains("customer"))
        r.field(j, "customer", o.customer);
    else
        read_struct(r, j, o.customer);
}
inline void read_struct(ModelReader& r, const json& j, GetGroupsStatusResponse& o)
{
    r.field(j, "groups_status", o.groups_status);
}
inline void read_struct(ModelReader& r, const json& j, GetPredictedAgentResponse& o)
{
    // Spec discrepancy (methods.md 2.17): nested under "agent" (3.0 doc) or flat (3.1, 3.2).
    if (j.contains("agent"))
        r.field(j, "agent", o.agent);
    else
        read_struct(r, j, o.agent);
}
inline void read_struct(ModelReader& r, const json& j, GetFormResponse& o)
{
    r.field(j, "enabled", o.enabled);
    r.field(j, "form", o.form);
}

inline const std::vector<detail::NamedValue<GroupStatus>>& enum_names(GroupStatus)
{
    static const std::vector<detail::NamedValue<GroupStatus>> names{{GroupStatus::online, "online"},
        {GroupStatus::offline, "offline"}, {GroupStatus::online_for_queue, "online_for_queue"}};
    return names;
}

// ---- the public entry points -------------------------------------------------------------------------

#define LIVECHAT_RTM_V3_0_REQUEST_IMPL(Type)                                                      \
    LIVECHAT_RTM_DECL void encode_payload(json& out, const Type& req)                            \
    {                                                                                            \
        out = json::object();                                                                    \
        write_struct(out, req);                                                                  \
    }
#define LIVECHAT_RTM_V3_0_RESPONSE_IMPL(Type)                                                     \
    LIVECHAT_RTM_DECL error_code decode_payload(const json& in, Type& out, Diagnostics& diag)    \
    {                                                                                            \
        ModelReader r(diag);                                                                     \
        r.value(in, out);                                                                        \
        return r.result();                                                                       \
    }

LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetChatsSummaryRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetChatThreadsRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetChatThreadsSummaryRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(StartChatRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(ActivateChatRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(ChatIdRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(SendEventRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(SendRichMessagePostbackRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(SendSneakPeekRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateChatPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(DeleteChatPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateChatThreadPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(DeleteChatThreadPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateEventPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(DeleteEventPropertiesRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateLastSeenTimestampRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateCustomerRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(UpdateCustomerPageRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(SetCustomerFieldsRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetGroupsStatusRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetPredictedAgentRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetUrlDetailsRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(GetFormRequest)
LIVECHAT_RTM_V3_0_REQUEST_IMPL(PingRequest)

LIVECHAT_RTM_V3_0_RESPONSE_IMPL(Empty)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(GetChatsSummaryResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(ChatResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(GetChatThreadsSummaryResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(SendEventResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(UpdateLastSeenTimestampResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(UpdateCustomerResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(GetGroupsStatusResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(GetPredictedAgentResponse)
LIVECHAT_RTM_V3_0_RESPONSE_IMPL(GetFormResponse)

#undef LIVECHAT_RTM_V3_0_REQUEST_IMPL
#undef LIVECHAT_RTM_V3_0_RESPONSE_IMPL

} // namespace livechat::rtm::v3_0

#endif
