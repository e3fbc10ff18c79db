// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP

// Field lists of the v3.0 chats, threads, summaries, forms and the rest (spec:
// data-structures.md); events are in events.ipp, users and properties in model_common.ipp.
// The generic machinery is in impl/internal/model_codec.hpp.

#include <livechat/rtm/v3_0/impl/events.ipp>

namespace livechat::rtm::v3_0 {

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
