// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_EVENTS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_EVENTS_IPP

// Field lists of the v3.0 events (spec: data-structures.md sections 6 and 9).

#include <livechat/rtm/v3_0/impl/model_common.ipp>

namespace livechat::rtm::v3_0 {

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

} // namespace livechat::rtm::v3_0

#endif
