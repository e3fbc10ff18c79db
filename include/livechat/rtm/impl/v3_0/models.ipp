// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP

// Field lists of the v3.0 data structures (spec: data-structures.md), one read_struct and one
// write_struct per type. The generic machinery is in impl/internal/model_codec.hpp.

#include <livechat/rtm/impl/internal/model_codec.hpp>
#include <livechat/rtm/v3_0/json.hpp>

namespace livechat::rtm {

// PropertyValue is a std::variant of rtm types: its ADL functions live here.
// RTM v3.0: responses and pushes wrap values as {"value": x}; requests do not. Accept both.
inline void read_variant(detail::ModelReader& r, const nlohmann::json& j, v3_0::PropertyValue& out)
{
    const nlohmann::json* v = &j;
    if (j.is_object() && j.size() == 1 && j.contains("value"))
        v = &j["value"];
    if (v->is_boolean())
        out = v->get<bool>();
    else if (v->is_number_integer())
        out = v->get<std::int64_t>();
    else if (v->is_string())
        out = v->get<std::string>();
    else
        r.value(*v, out.emplace<RawJson>());
}

inline void write_variant(nlohmann::json& j, const v3_0::PropertyValue& v)
{
    std::visit([&j](const auto& x) { detail::write_value(j, x); }, v);
}

} // namespace livechat::rtm

namespace livechat::rtm::v3_0 {

using detail::ModelReader;
using detail::NamedValue;
using detail::put;
using detail::put_always;
using nlohmann::json;

inline const std::vector<NamedValue<UserType>>& enum_names(UserType)
{
    static const std::vector<NamedValue<UserType>> names{
        {UserType::customer, "customer"}, {UserType::agent, "agent"}};
    return names;
}

inline const std::vector<NamedValue<FormFieldType>>& enum_names(FormFieldType)
{
    using F = FormFieldType;
    static const std::vector<NamedValue<F>> names{{F::header, "header"}, {F::name, "name"},
        {F::email, "email"}, {F::question, "question"}, {F::textarea, "textarea"},
        {F::radio, "radio"}, {F::select, "select"}, {F::checkbox, "checkbox"},
        {F::group_chooser, "group_chooser"}, {F::rating, "rating"}, {F::subject, "subject"},
        {F::checkbox_for_email, "checkbox_for_email"}};
    return names;
}

// ---- Properties (classes derived from std::map: read and written as their map) -------------------

inline void read_struct(ModelReader& r, const json& j, Properties& p) { r.value(j, static_cast<Properties::map&>(p)); }
inline void write_struct(json& j, const Properties& p) { detail::write_value(j, static_cast<const Properties::map&>(p)); }
inline void read_struct(ModelReader& r, const json& j, PropertyNames& p) { r.value(j, static_cast<PropertyNames::map&>(p)); }
inline void write_struct(json& j, const PropertyNames& p) { detail::write_value(j, static_cast<const PropertyNames::map&>(p)); }

// ---- Access, users ------------------------------------------------------------------------------

inline void read_struct(ModelReader& r, const json& j, Access& a)
{
    r.required_field(j, "group_ids", a.group_ids);
}
inline void write_struct(json& j, const Access& a) { put_always(j, "group_ids", a.group_ids); }

inline void read_struct(ModelReader& r, const json& j, User& u)
{
    r.field(j, "id", u.id);
    r.field(j, "type", u.type);
    r.field(j, "name", u.name);
    r.field(j, "email", u.email);
    r.field(j, "avatar", u.avatar);
    r.field(j, "job_title", u.job_title);
    r.field(j, "is_bot", u.is_bot);
    r.field(j, "present", u.present);
    r.field(j, "last_seen_timestamp", u.last_seen_timestamp);
    r.field(j, "fields", u.fields);
}
inline void write_struct(json& j, const User& u)
{
    put(j, "id", u.id);
    put(j, "type", u.type);
    put(j, "name", u.name);
    put(j, "email", u.email);
    put(j, "avatar", u.avatar);
    put(j, "job_title", u.job_title);
    put(j, "is_bot", u.is_bot);
    put(j, "present", u.present);
    put(j, "last_seen_timestamp", u.last_seen_timestamp);
    put(j, "fields", u.fields);
}

inline void read_struct(ModelReader& r, const json& j, AgentInfo& a)
{
    r.field(j, "id", a.id);
    r.field(j, "name", a.name);
    r.field(j, "type", a.type);
    r.field(j, "avatar", a.avatar);
    r.field(j, "job_title", a.job_title);
    r.field(j, "is_bot", a.is_bot);
}
inline void write_struct(json& j, const AgentInfo& a)
{
    put(j, "id", a.id);
    put(j, "name", a.name);
    put(j, "type", a.type);
    put(j, "avatar", a.avatar);
    put(j, "job_title", a.job_title);
    put(j, "is_bot", a.is_bot);
}

// ---- events -------------------------------------------------------------------------------------

// Server-set fields are optional here: events we send have none of them.
inline void read_base(ModelReader& r, const json& j, EventBase& e)
{
    r.optional_field(j, "id", e.id);
    r.field(j, "custom_id", e.custom_id);
    r.field(j, "author_id", e.author_id);
    r.field(j, "order", e.order);
    r.field(j, "timestamp", e.timestamp);
    r.field(j, "recipients", e.recipients);
    r.field(j, "properties", e.properties);
}
inline void write_base(json& j, const EventBase& e, const char* type)
{
    if (!e.id.empty())
        put(j, "id", e.id);
    j["type"] = type;
    put(j, "custom_id", e.custom_id);
    put(j, "author_id", e.author_id);
    put(j, "order", e.order);
    put(j, "timestamp", e.timestamp);
    put(j, "recipients", e.recipients);
    put(j, "properties", e.properties);
}

inline void read_struct(ModelReader& r, const json& j, Postback& p)
{
    r.field(j, "id", p.id);
    r.field(j, "thread_id", p.thread_id);
    r.field(j, "event_id", p.event_id);
    r.field(j, "type", p.type);
    r.field(j, "value", p.value);
}
inline void write_struct(json& j, const Postback& p)
{
    put(j, "id", p.id);
    put(j, "thread_id", p.thread_id);
    put(j, "event_id", p.event_id);
    put(j, "type", p.type);
    put(j, "value", p.value);
}

inline void read_struct(ModelReader& r, const json& j, FormAnswer& a)
{
    r.field(j, "id", a.id);
    r.field(j, "group_id", a.group_id);
    r.field(j, "label", a.label);
}
inline void write_struct(json& j, const FormAnswer& a)
{
    put(j, "id", a.id);
    put(j, "group_id", a.group_id);
    put(j, "label", a.label);
}

inline void read_struct(ModelReader& r, const json& j, FilledFormField& f)
{
    r.field(j, "type", f.type);
    r.field(j, "id", f.id);
    r.field(j, "label", f.label);
    // RTM: `answer` is a string for text fields, an option for single choices, a boolean for
    // checkbox_for_email; answers may be absent when the customer left the field empty.
    if (auto it = j.find("answer"); it != j.end() && !it->is_null()) {
        if (it->is_string())
            r.field(j, "answer", f.text_answer);
        else if (it->is_boolean())
            r.field(j, "answer", f.bool_answer);
        else
            r.field(j, "answer", f.option_answer);
    }
    r.field(j, "answers", f.answers);
}
inline void write_struct(json& j, const FilledFormField& f)
{
    put(j, "type", f.type);
    put(j, "id", f.id);
    put(j, "label", f.label);
    put(j, "answer", f.text_answer);
    put(j, "answer", f.option_answer);
    put(j, "answer", f.bool_answer);
    put(j, "answers", f.answers);
}

inline void read_struct(ModelReader& r, const json& j, RichMessageImage& i)
{
    r.field(j, "url", i.url);
    r.field(j, "name", i.name);
    r.field(j, "content_type", i.content_type);
    r.field(j, "size", i.size);
    r.field(j, "width", i.width);
    r.field(j, "height", i.height);
}
inline void write_struct(json& j, const RichMessageImage& i)
{
    put(j, "url", i.url);
    put(j, "name", i.name);
    put(j, "content_type", i.content_type);
    put(j, "size", i.size);
    put(j, "width", i.width);
    put(j, "height", i.height);
}

inline void read_struct(ModelReader& r, const json& j, RichMessageButton& b)
{
    r.field(j, "text", b.text);
    r.field(j, "postback_id", b.postback_id);
    r.field(j, "user_ids", b.user_ids);
    r.field(j, "type", b.type);
    r.field(j, "value", b.value);
    r.field(j, "webview_height", b.webview_height);
    r.field(j, "target", b.target);
    r.field(j, "role", b.role);
}
inline void write_struct(json& j, const RichMessageButton& b)
{
    put(j, "text", b.text);
    put(j, "postback_id", b.postback_id);
    put_always(j, "user_ids", b.user_ids);
    put(j, "type", b.type);
    put(j, "value", b.value);
    put(j, "webview_height", b.webview_height);
    put(j, "target", b.target);
    put(j, "role", b.role);
}

inline void read_struct(ModelReader& r, const json& j, RichMessageElement& e)
{
    r.field(j, "title", e.title);
    r.field(j, "subtitle", e.subtitle);
    r.field(j, "image", e.image);
    r.field(j, "buttons", e.buttons);
}
inline void write_struct(json& j, const RichMessageElement& e)
{
    put(j, "title", e.title);
    put(j, "subtitle", e.subtitle);
    put(j, "image", e.image);
    put(j, "buttons", e.buttons);
}

inline void read_fields(ModelReader& r, const json& j, Message& e)
{
    r.field(j, "text", e.text);
    r.field(j, "postback", e.postback);
}
inline void read_fields(ModelReader& r, const json& j, SystemMessage& e)
{
    r.optional_field(j, "text", e.text);
    r.field(j, "system_message_type", e.system_message_type);
    r.field(j, "text_vars", e.text_vars);
}
inline void read_fields(ModelReader& r, const json& j, Annotation& e)
{
    r.field(j, "text", e.text);
    r.field(j, "annotation_type", e.annotation_type);
}
inline void read_fields(ModelReader& r, const json& j, FilledForm& e)
{
    r.field(j, "form_id", e.form_id);
    r.required_field(j, "fields", e.fields);
}
inline void read_fields(ModelReader& r, const json& j, File& e)
{
    r.field(j, "url", e.url);
    r.field(j, "name", e.name);
    r.field(j, "content_type", e.content_type);
    r.field(j, "size", e.size);
    r.field(j, "width", e.width);
    r.field(j, "height", e.height);
    r.field(j, "thumbnail_url", e.thumbnail_url);
    r.field(j, "thumbnail2x_url", e.thumbnail2x_url);
}
inline void read_fields(ModelReader& r, const json& j, CustomEvent& e) { r.field(j, "content", e.content); }
inline void read_fields(ModelReader& r, const json& j, RichMessage& e)
{
    r.field(j, "template_id", e.template_id);
    r.field(j, "elements", e.elements);
}

inline void write_fields(json& j, const Message& e)
{
    put(j, "text", e.text);
    put(j, "postback", e.postback);
}
inline void write_fields(json& j, const SystemMessage& e)
{
    put(j, "text", e.text);
    put(j, "system_message_type", e.system_message_type);
    put(j, "text_vars", e.text_vars);
}
inline void write_fields(json& j, const Annotation& e)
{
    put(j, "text", e.text);
    put(j, "annotation_type", e.annotation_type);
}
inline void write_fields(json& j, const FilledForm& e)
{
    put(j, "form_id", e.form_id);
    put_always(j, "fields", e.fields);
}
inline void write_fields(json& j, const File& e)
{
    put(j, "url", e.url);
    put(j, "name", e.name);
    put(j, "content_type", e.content_type);
    put(j, "size", e.size);
    put(j, "width", e.width);
    put(j, "height", e.height);
    put(j, "thumbnail_url", e.thumbnail_url);
    put(j, "thumbnail2x_url", e.thumbnail2x_url);
}
inline void write_fields(json& j, const CustomEvent& e) { put(j, "content", e.content); }
inline void write_fields(json& j, const RichMessage& e)
{
    put(j, "template_id", e.template_id);
    put(j, "elements", e.elements);
}

template <class E>
void read_event_as(ModelReader& r, const json& j, Event& out)
{
    E e;
    read_base(r, j, e);
    read_fields(r, j, e);
    out = std::move(e);
}

inline void read_variant(ModelReader& r, const json& j, Event& out)
{
    if (!r.expect_object(j))
        return;
    std::string type;
    r.field(j, "type", type);
    if (!r.ok())
        return;
    if (type == "message")
        read_event_as<Message>(r, j, out);
    else if (type == "system_message")
        read_event_as<SystemMessage>(r, j, out);
    else if (type == "annotation")
        read_event_as<Annotation>(r, j, out);
    else if (type == "filled_form")
        read_event_as<FilledForm>(r, j, out);
    else if (type == "file")
        read_event_as<File>(r, j, out);
    else if (type == "custom")
        read_event_as<CustomEvent>(r, j, out);
    else if (type == "rich_message")
        read_event_as<RichMessage>(r, j, out);
    else { // RTM: unknown event types are normal; keep them whole
        UnknownEvent e;
        read_base(r, j, e);
        e.type = type;
        r.value(j, e.json);
        out = std::move(e);
    }
}

inline void write_variant(json& j, const Event& event)
{
    j = json::object();
    std::visit(
        [&j](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, UnknownEvent>) {
                detail::write_value(j, e.json);
                if (!j.is_object())
                    j = json::object();
                j["type"] = e.type;
            } else {
                write_base(j, e, type_name(Event(e)).c_str());
                write_fields(j, e);
            }
        },
        event);
}

// ---- chats, threads, summaries -------------------------------------------------------------------

inline void read_struct(ModelReader& r, const json& j, Thread& t)
{
    r.field(j, "id", t.id);
    r.optional_field(j, "active", t.active);
    r.field(j, "order", t.order);
    r.field(j, "timestamp", t.timestamp);
    r.field(j, "user_ids", t.user_ids);
    r.field(j, "events", t.events);
    r.field(j, "restricted_access", t.restricted_access);
    r.field(j, "properties", t.properties);
    r.field(j, "access", t.access);
}
inline void write_struct(json& j, const Thread& t)
{
    put(j, "id", t.id);
    put(j, "active", t.active);
    put(j, "order", t.order);
    put(j, "timestamp", t.timestamp);
    put_always(j, "user_ids", t.user_ids);
    put(j, "events", t.events);
    put(j, "restricted_access", t.restricted_access);
    put(j, "properties", t.properties);
    put(j, "access", t.access);
}

inline void read_struct(ModelReader& r, const json& j, Chat& c)
{
    r.field(j, "id", c.id);
    r.field(j, "order", c.order);
    r.field(j, "users", c.users);
    r.field(j, "threads", c.threads);
    r.field(j, "thread", c.thread);
    r.field(j, "properties", c.properties);
    r.field(j, "access", c.access);
}
inline void write_struct(json& j, const Chat& c)
{
    put(j, "id", c.id);
    put(j, "order", c.order);
    put(j, "users", c.users);
    put(j, "threads", c.threads);
    put(j, "thread", c.thread);
    put(j, "properties", c.properties);
    put(j, "access", c.access);
}

inline void read_struct(ModelReader& r, const json& j, LastEvent& e)
{
    r.field(j, "thread_id", e.thread_id);
    r.field(j, "thread_order", e.thread_order);
    r.field(j, "event", e.event);
}
inline void write_struct(json& j, const LastEvent& e)
{
    put(j, "thread_id", e.thread_id);
    put(j, "thread_order", e.thread_order);
    put(j, "event", e.event);
}

inline void read_struct(ModelReader& r, const json& j, ChatSummary& c)
{
    r.field(j, "id", c.id);
    r.field(j, "order", c.order);
    r.field(j, "last_thread_id", c.last_thread_id);
    r.field(j, "users", c.users);
    r.field(j, "properties", c.properties);
    r.field(j, "access", c.access);
    r.field(j, "active", c.active);
    r.field(j, "last_event_per_type", c.last_event_per_type);
}
inline void write_struct(json& j, const ChatSummary& c)
{
    put(j, "id", c.id);
    put(j, "order", c.order);
    put(j, "last_thread_id", c.last_thread_id);
    put(j, "users", c.users);
    put(j, "properties", c.properties);
    put(j, "access", c.access);
    put(j, "active", c.active);
    put(j, "last_event_per_type", c.last_event_per_type);
}

inline void read_struct(ModelReader& r, const json& j, ThreadSummary& t)
{
    r.field(j, "id", t.id);
    r.field(j, "order", t.order);
    r.field(j, "total_events", t.total_events);
    r.field(j, "active", t.active);
}
inline void write_struct(json& j, const ThreadSummary& t)
{
    put(j, "id", t.id);
    put(j, "order", t.order);
    put(j, "total_events", t.total_events);
    put(j, "active", t.active);
}

// ---- forms, greetings, misc ------------------------------------------------------------------------

inline void read_struct(ModelReader& r, const json& j, FormFieldOption& o)
{
    r.field(j, "id", o.id);
    r.field(j, "group_id", o.group_id);
    r.field(j, "label", o.label);
    r.field(j, "checked", o.checked);
}
inline void write_struct(json& j, const FormFieldOption& o)
{
    put(j, "id", o.id);
    put(j, "group_id", o.group_id);
    put(j, "label", o.label);
    put(j, "checked", o.checked);
}

inline void read_struct(ModelReader& r, const json& j, FormField& f)
{
    r.field(j, "id", f.id);
    r.field(j, "type", f.type);
    r.field(j, "label", f.label);
    r.field(j, "required", f.required);
    r.field(j, "options", f.options);
    r.field(j, "comment_label", f.comment_label);
    r.field(j, "checked", f.checked);
}
inline void write_struct(json& j, const FormField& f)
{
    put(j, "id", f.id);
    put(j, "type", f.type);
    put(j, "label", f.label);
    put(j, "required", f.required);
    put(j, "options", f.options);
    put(j, "comment_label", f.comment_label);
    put(j, "checked", f.checked);
}

inline void read_struct(ModelReader& r, const json& j, Form& f)
{
    r.field(j, "id", f.id);
    r.required_field(j, "fields", f.fields);
}
inline void write_struct(json& j, const Form& f)
{
    put(j, "id", f.id);
    put_always(j, "fields", f.fields);
}

inline void read_struct(ModelReader& r, const json& j, Greeting& g)
{
    r.field(j, "id", g.id);
    r.field(j, "unique_id", g.unique_id);
    r.field(j, "text", g.text);
    r.field(j, "agent", g.agent);
    r.field(j, "displayed_first_time", g.displayed_first_time);
    r.field(j, "accepted", g.accepted);
}
inline void write_struct(json& j, const Greeting& g)
{
    put(j, "id", g.id);
    put(j, "unique_id", g.unique_id);
    put(j, "text", g.text);
    put(j, "agent", g.agent);
    put(j, "displayed_first_time", g.displayed_first_time);
    put(j, "accepted", g.accepted);
}

inline void read_struct(ModelReader& r, const json& j, UrlDetails& u)
{
    r.field(j, "url", u.url);
    r.field(j, "title", u.title);
    r.field(j, "description", u.description);
    r.field(j, "image_url", u.image_url);
    r.field(j, "image_width", u.image_width);
    r.field(j, "image_height", u.image_height);
}
inline void write_struct(json& j, const UrlDetails& u)
{
    put(j, "url", u.url);
    put(j, "title", u.title);
    put(j, "description", u.description);
    put(j, "image_url", u.image_url);
    put(j, "image_width", u.image_width);
    put(j, "image_height", u.image_height);
}

inline void read_struct(ModelReader& r, const json& j, TypingIndicator& t)
{
    r.field(j, "author_id", t.author_id);
    r.field(j, "timestamp", t.timestamp);
    r.field(j, "is_typing", t.is_typing);
    r.field(j, "recipients", t.recipients);
}
inline void write_struct(json& j, const TypingIndicator& t)
{
    put(j, "author_id", t.author_id);
    put(j, "timestamp", t.timestamp);
    put(j, "is_typing", t.is_typing);
    put(j, "recipients", t.recipients);
}

// ---- the public entry points ------------------------------------------------------------------------

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Access)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Properties)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(User)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(AgentInfo)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Event)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(FilledFormField)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Thread)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Chat)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatSummary)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ThreadSummary)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Form)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Greeting)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UrlDetails)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(TypingIndicator)

} // namespace livechat::rtm::v3_0

#endif
