// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_6_ACTIONS_IPP
#define LIVECHAT_RTM_IMPL_V3_6_ACTIONS_IPP

// Field lists and client-side limits of the v3.6 methods (spec: v3.6.md section 2).

#include <livechat/rtm/v3_0/impl/actions.ipp>
#include <livechat/rtm/v3_6/impl/models.ipp>

namespace livechat::rtm::v3_6 {

// ---- requests ------------------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(ListChatsRequest)
{
    io("limit", s.limit);
    io("sort_order", s.sort_order);
    io("page_id", s.page_id);
}
LIVECHAT_RTM_FIELDS(ListThreadsRequest)
{
    io("chat_id", s.chat_id);
    io("sort_order", s.sort_order);
    io("limit", s.limit);
    io("page_id", s.page_id);
    io("min_events_count", s.min_events_count);
}
LIVECHAT_RTM_FIELDS(GetChatRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
}
LIVECHAT_RTM_FIELDS(InitialThread)
{
    io("events", s.events);
    io("properties", s.properties);
}
LIVECHAT_RTM_FIELDS(StartChatData)
{
    io("properties", s.properties);
    io("access", s.access);
    io("users", s.users);
    io("thread", s.thread);
}
LIVECHAT_RTM_FIELDS(StartChatRequest)
{
    io("chat", s.chat);
    io("active", s.active);
    io("continuous", s.continuous);
}
LIVECHAT_RTM_FIELDS(ResumeChatData)
{
    io("id", s.id);
    io("access", s.access);
    io("properties", s.properties);
    io("thread", s.thread);
}
LIVECHAT_RTM_FIELDS(ResumeChatRequest)
{
    io("chat", s.chat);
    io("active", s.active);
    io("continuous", s.continuous);
}
LIVECHAT_RTM_FIELDS(DeactivateChatRequest)
{
    io("id", s.id);
}
LIVECHAT_RTM_FIELDS(SendEventRequest)
{
    io("chat_id", s.chat_id);
    io("event", s.event);
    io("attach_to_last_thread", s.attach_to_last_thread);
}
LIVECHAT_RTM_FIELDS(DeleteEventRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
}
LIVECHAT_RTM_FIELDS(RichMessagePostback)
{
    io("id", s.id);
    io("toggled", s.toggled);
    io("button_type", s.button_type);
    io("button_value", s.button_value);
    io("ecommerce", s.ecommerce);
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
LIVECHAT_RTM_FIELDS(UpdateChatPropertiesRequest)
{
    io("id", s.id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(DeleteChatPropertiesRequest)
{
    io("id", s.id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(UpdateThreadPropertiesRequest)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, always);
}
LIVECHAT_RTM_FIELDS(DeleteThreadPropertiesRequest)
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
LIVECHAT_RTM_FIELDS(FbMessenger)
{
    io("id", s.id);
    io("name", s.name);
    io("first_name", s.first_name);
    io("last_name", s.last_name);
    io("profile_pic", s.profile_pic);
    io("gender", s.gender);
    io("locale", s.locale);
    io("is_verified_user", s.is_verified_user);
}
LIVECHAT_RTM_FIELDS(Twilio)
{
    io("phone_number", s.phone_number);
}
LIVECHAT_RTM_FIELDS(Omnichannel)
{
    io("fbmessenger", s.fbmessenger);
    io("twilio", s.twilio);
}
LIVECHAT_RTM_FIELDS(UpdateCustomerRequest)
{
    io("name", s.name);
    io("email", s.email);
    io("avatar", s.avatar);
    io("session_fields", s.session_fields);
    io("omnichannel", s.omnichannel);
    io("address", s.address);
    io("phone_number", s.phone_number);
    io("name_is_default", s.name_is_default);
}
LIVECHAT_RTM_FIELDS(UpdateCustomerPageRequest)
{
    io("url", s.url);
    io("title", s.title);
}
LIVECHAT_RTM_FIELDS(SetCustomerSessionFieldsRequest)
{
    io("session_fields", s.session_fields, always);
}
LIVECHAT_RTM_FIELDS(ListGroupStatusesRequest)
{
    io("all", s.all);
    io("group_ids", s.group_ids);
}
LIVECHAT_RTM_FIELDS(GetFormRequest)
{
    io("group_id", s.group_id);
    io("type", s.type);
}
LIVECHAT_RTM_FIELDS(GetPredictedAgentRequest)
{
    io("group_id", s.group_id);
}
LIVECHAT_RTM_FIELDS(GetUrlInfoRequest)
{
    io("url", s.url);
}
LIVECHAT_RTM_FIELDS(MarkEventsAsSeenRequest)
{
    io("chat_id", s.chat_id);
    io("seen_up_to", s.seen_up_to);
}
LIVECHAT_RTM_FIELDS(AcceptGreetingRequest)
{
    io("greeting_id", s.greeting_id);
    io("unique_id", s.unique_id);
}
LIVECHAT_RTM_FIELDS(CancelGreetingRequest)
{
    io("unique_id", s.unique_id);
}
LIVECHAT_RTM_FIELDS(SendGreetingButtonClickedRequest)
{
    io("greeting_unique_id", s.greeting_unique_id);
    io("button_id", s.button_id);
}
LIVECHAT_RTM_FIELDS(RequestWelcomeMessageRequest)
{
    io("id", s.id);
    io("group_id", s.group_id);
}
inline void read_struct(ModelReader&, const json&, GetCustomerRequest&) {}
inline void write_struct(json&, const GetCustomerRequest&) {}
inline void read_struct(ModelReader&, const json&, NoPayload&) {}
inline void write_struct(json&, const NoPayload&) {}

// ---- responses -----------------------------------------------------------------------------------

inline void read_struct(ModelReader&, const json&, Empty&) {} // RTM: any payload, even {}
inline void write_struct(json&, const Empty&) {}
LIVECHAT_RTM_FIELDS(ListChatsResponse)
{
    io("chats_summary", s.chats_summary);
    io("total_chats", s.total_chats, lenient);
    io("next_page_id", s.next_page_id);
    io("previous_page_id", s.previous_page_id);
}
LIVECHAT_RTM_FIELDS(ListThreadsResponse)
{
    io("threads", s.threads);
    io("found_threads", s.found_threads, lenient);
    io("next_page_id", s.next_page_id);
    io("previous_page_id", s.previous_page_id);
}
LIVECHAT_RTM_FIELDS(StartChatResponse)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_ids", s.event_ids);
}
LIVECHAT_RTM_FIELDS(ResumeChatResponse)
{
    io("thread_id", s.thread_id);
    io("event_ids", s.event_ids);
}
LIVECHAT_RTM_FIELDS(SendEventResponse)
{
    io("event_id", s.event_id);
}
LIVECHAT_RTM_FIELDS(UpdateCustomerPageResponse)
{
    io("groups", s.groups);
}
LIVECHAT_RTM_FIELDS(ListGroupStatusesResponse)
{
    io("groups_status", s.groups_status);
}
LIVECHAT_RTM_FIELDS(GetFormResponse)
{
    io("enabled", s.enabled);
    io("form", s.form);
}
LIVECHAT_RTM_FIELDS(GetPredictedAgentResponse)
{
    io("agent", s.agent);
    io("queue", s.queue);
}
LIVECHAT_RTM_FIELDS(RequestWelcomeMessageResponse)
{
    io("id", s.id);
    io("predicted_agent", s.predicted_agent);
    io("queue", s.queue);
}

// ---- client-side validation ----------------------------------------------------------------------

namespace detail_v3_6 {

using v3_0::detail_v3_0::check_id;
using v3_0::detail_v3_0::check_range;
using v3_0::detail_v3_0::invalid;

inline error_code check_event(Diagnostics& diag, const std::string& path, const Event& e)
{
    if (const auto* m = std::get_if<Message>(&e)) {
        if (m->text.empty())
            return invalid(diag, path + ".text must not be empty");
        if (m->text.size() > max_message_text_bytes)
            return invalid(diag, path + ".text is " + std::to_string(m->text.size()) +
                                     " bytes; at most 16384 bytes of UTF-8 are allowed");
        if (m->postback && m->postback->type.has_value() != m->postback->value.has_value())
            return invalid(diag, path + ".postback needs type and value together, or neither");
    } else if (const auto* r = std::get_if<RichMessage>(&e)) {
        if (r->template_id.empty())
            return invalid(diag, path + ".template_id must not be empty");
        if (r->elements.size() > 10)
            return invalid(diag, path + ".elements must hold at most 10 elements");
        for (std::size_t i = 0; i < r->elements.size(); ++i)
            if (r->elements[i].buttons.size() > 13)
                return invalid(diag, path + ".elements[" + std::to_string(i) +
                                         "].buttons must hold at most 13 buttons");
    } else if (const auto* s = std::get_if<SystemMessage>(&e)) {
        if (s->system_message_type.empty())
            return invalid(diag, path + ".system_message_type must not be empty");
    } else if (std::holds_alternative<SystemEvent>(e)) {
        return invalid(diag, path + ": system events cannot be sent in 3.6");
    } else if (const auto* f = std::get_if<File>(&e)) {
        if (f->url.empty())
            return invalid(diag, path + ".url must not be empty");
    } else if (const auto* ff = std::get_if<FilledForm>(&e)) {
        if (ff->form_id.empty())
            return invalid(diag, path + ".form_id must not be empty");
    } else if (const auto* fe = std::get_if<FormEvent>(&e)) {
        if (fe->form_id.empty())
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

// RTM 3.6: a page_id travels alone; limit, sort_order and filters belong to the first call.
inline error_code check_page(Diagnostics& diag, const std::optional<std::string>& page_id, bool has_other)
{
    if (page_id && has_other)
        return invalid(diag, "page_id cannot be combined with limit, sort_order or other filters");
    if (page_id && page_id->empty())
        return invalid(diag, "page_id must not be empty");
    return {};
}

inline std::size_t session_field_keys(const SessionFields& fields)
{
    std::size_t n = 0;
    for (const auto& f : fields)
        n += f.size();
    return n;
}

} // namespace detail_v3_6

using detail_v3_6::check_event;
using detail_v3_6::check_id;
using detail_v3_6::check_page;
using detail_v3_6::check_range;
using detail_v3_6::check_thread;
using detail_v3_6::invalid;

LIVECHAT_RTM_DECL error_code validate_request(const ListChatsRequest& r, Diagnostics& d)
{
    if (auto ec = check_page(d, r.page_id, r.limit || r.sort_order))
        return ec;
    return check_range(d, "limit", r.limit, 1, 25);
}
LIVECHAT_RTM_DECL error_code validate_request(const ListThreadsRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (auto ec = check_page(d, r.page_id, r.limit || r.sort_order || r.min_events_count))
        return ec;
    if (r.limit && r.min_events_count)
        return invalid(d, "min_events_count cannot be combined with limit");
    if (auto ec = check_range(d, "limit", r.limit, 1, 100))
        return ec;
    return check_range(d, "min_events_count", r.min_events_count, 1, 100);
}
LIVECHAT_RTM_DECL error_code validate_request(const GetChatRequest& r, Diagnostics& d)
{
    return check_id(d, "chat_id", r.chat_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const StartChatRequest& r, Diagnostics& d)
{
    if (!r.chat)
        return {};
    if (r.chat->users.size() > 1)
        return invalid(d, "chat.users may hold only the customer itself");
    return check_thread(d, "chat.thread", r.chat->thread);
}
LIVECHAT_RTM_DECL error_code validate_request(const ResumeChatRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat.id", r.chat.id.str()))
        return ec;
    return check_thread(d, "chat.thread", r.chat.thread);
}
LIVECHAT_RTM_DECL error_code validate_request(const DeactivateChatRequest& r, Diagnostics& d)
{
    return check_id(d, "id", r.id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const SendEventRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    return check_event(d, "event", r.event);
}
LIVECHAT_RTM_DECL error_code validate_request(const DeleteEventRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (auto ec = check_id(d, "thread_id", r.thread_id.str()))
        return ec;
    return check_id(d, "event_id", r.event_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const SendRichMessagePostbackRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat_id", r.chat_id.str()))
        return ec;
    if (auto ec = check_id(d, "thread_id", r.thread_id.str()))
        return ec;
    if (auto ec = check_id(d, "event_id", r.event_id.str()))
        return ec;
    if (r.postback.ecommerce)
        if (auto ec = check_id(d, "postback.ecommerce.product_id", r.postback.ecommerce->product_id))
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
error_code validate_properties(const std::string& id, const R& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "chat id", id))
        return ec;
    if (r.properties.empty())
        return invalid(d, "properties must not be empty");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const UpdateChatPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteChatPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateThreadPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.chat_id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteThreadPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.chat_id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateEventPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.chat_id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const DeleteEventPropertiesRequest& r, Diagnostics& d) { return validate_properties(r.chat_id.str(), r, d); }
LIVECHAT_RTM_DECL error_code validate_request(const UpdateCustomerRequest& r, Diagnostics& d)
{
    if (!r.name && !r.email && !r.avatar && r.session_fields.empty() && !r.omnichannel && !r.address &&
        !r.phone_number && !r.name_is_default)
        return invalid(d, "update_customer needs at least one field");
    if (r.omnichannel && r.omnichannel->fbmessenger)
        if (auto ec = check_id(d, "omnichannel.fbmessenger.id", r.omnichannel->fbmessenger->id))
            return ec;
    if (r.omnichannel && r.omnichannel->twilio)
        if (auto ec = check_id(d, "omnichannel.twilio.phone_number", r.omnichannel->twilio->phone_number))
            return ec;
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const UpdateCustomerPageRequest& r, Diagnostics& d)
{
    return check_id(d, "url", r.url);
}
LIVECHAT_RTM_DECL error_code validate_request(const SetCustomerSessionFieldsRequest& r, Diagnostics& d)
{
    if (detail_v3_6::session_field_keys(r.session_fields) > 100)
        return invalid(d, "session_fields may hold at most 100 keys");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const GetCustomerRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const ListGroupStatusesRequest& r, Diagnostics& d)
{
    if (r.all.value_or(false) == !r.group_ids.empty())
        return invalid(d, "list_group_statuses needs either all = true or a non-empty group_ids list");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const GetFormRequest& r, Diagnostics& d)
{
    if (r.type != "prechat" && r.type != "postchat" && r.type != "ticket")
        return invalid(d, "type must be \"prechat\", \"postchat\" or \"ticket\"");
    return {};
}
LIVECHAT_RTM_DECL error_code validate_request(const GetPredictedAgentRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const GetUrlInfoRequest& r, Diagnostics& d)
{
    return check_id(d, "url", r.url);
}
LIVECHAT_RTM_DECL error_code validate_request(const MarkEventsAsSeenRequest& r, Diagnostics& d)
{
    return check_id(d, "chat_id", r.chat_id.str());
}
LIVECHAT_RTM_DECL error_code validate_request(const AcceptGreetingRequest& r, Diagnostics& d)
{
    return check_id(d, "unique_id", r.unique_id);
}
LIVECHAT_RTM_DECL error_code validate_request(const CancelGreetingRequest& r, Diagnostics& d)
{
    return check_id(d, "unique_id", r.unique_id);
}
LIVECHAT_RTM_DECL error_code validate_request(const SendGreetingButtonClickedRequest& r, Diagnostics& d)
{
    if (auto ec = check_id(d, "greeting_unique_id", r.greeting_unique_id))
        return ec;
    return check_id(d, "button_id", r.button_id);
}
LIVECHAT_RTM_DECL error_code validate_request(const RequestWelcomeMessageRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const NoPayload&, Diagnostics&) { return {}; }

// ---- the public entry points ---------------------------------------------------------------------

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListChatsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListThreadsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(StartChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ResumeChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeactivateChatRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendEventRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteEventRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendRichMessagePostbackRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendSneakPeekRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateChatPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteChatPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateThreadPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteThreadPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateEventPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(DeleteEventPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerPageRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SetCustomerSessionFieldsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetCustomerRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListGroupStatusesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetFormRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetPredictedAgentRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetUrlInfoRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(MarkEventsAsSeenRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(AcceptGreetingRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CancelGreetingRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendGreetingButtonClickedRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(RequestWelcomeMessageRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(NoPayload)

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Empty)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListChatsResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListThreadsResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(StartChatResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ResumeChatResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(SendEventResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UpdateCustomerPageResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListGroupStatusesResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetFormResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetPredictedAgentResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(RequestWelcomeMessageResponse)

} // namespace livechat::rtm::v3_6

#endif
