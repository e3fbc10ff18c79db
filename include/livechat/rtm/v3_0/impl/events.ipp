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

LIVECHAT_RTM_FIELDS(Postback)
{
    io("id", s.id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("type", s.type);
    io("value", s.value);
}

LIVECHAT_RTM_FIELDS(FormAnswer)
{
    io("id", s.id);
    io("group_id", s.group_id);
    io("label", s.label);
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

LIVECHAT_RTM_FIELDS(RichMessageImage)
{
    io("url", s.url);
    io("name", s.name);
    io("content_type", s.content_type);
    io("size", s.size);
    io("width", s.width);
    io("height", s.height);
}

LIVECHAT_RTM_FIELDS(RichMessageButton)
{
    io("text", s.text);
    io("postback_id", s.postback_id);
    io("user_ids", s.user_ids, always);
    io("type", s.type);
    io("value", s.value);
    io("webview_height", s.webview_height);
    io("target", s.target);
    io("role", s.role);
}

LIVECHAT_RTM_FIELDS(RichMessageElement)
{
    io("title", s.title);
    io("subtitle", s.subtitle);
    io("image", s.image);
    io("buttons", s.buttons);
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
