// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP
#define LIVECHAT_RTM_IMPL_V3_0_MODELS_IPP

// Field lists of the v3.0 chats, threads, summaries, forms and the rest (spec:
// data-structures.md); events are in events.ipp, users and properties in model_common.ipp.
// The generic machinery is in impl/internal/model_codec.hpp.

#include <livechat/rtm/v3_0/impl/events.ipp>

namespace livechat::rtm::v3_0 {

// ---- chats, threads, summaries -------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(Thread)
{
    io("id", s.id);
    io("active", s.active, lenient);
    io("order", s.order);
    io("timestamp", s.timestamp);
    io("user_ids", s.user_ids, always);
    io("events", s.events);
    io("restricted_access", s.restricted_access);
    io("properties", s.properties);
    io("access", s.access);
}

LIVECHAT_RTM_FIELDS(Chat)
{
    io("id", s.id);
    io("order", s.order);
    io("users", s.users);
    io("threads", s.threads);
    io("thread", s.thread);
    io("properties", s.properties);
    io("access", s.access);
}

LIVECHAT_RTM_FIELDS(LastEvent)
{
    io("thread_id", s.thread_id);
    io("thread_order", s.thread_order);
    io("event", s.event);
}

LIVECHAT_RTM_FIELDS(ChatSummary)
{
    io("id", s.id);
    io("order", s.order);
    io("last_thread_id", s.last_thread_id);
    io("users", s.users);
    io("properties", s.properties);
    io("access", s.access);
    io("active", s.active);
    io("last_event_per_type", s.last_event_per_type);
}

LIVECHAT_RTM_FIELDS(ThreadSummary)
{
    io("id", s.id);
    io("order", s.order);
    io("total_events", s.total_events);
    io("active", s.active);
}

// ---- forms, greetings, misc ------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(FormFieldOption)
{
    io("id", s.id);
    io("group_id", s.group_id);
    io("label", s.label);
    io("checked", s.checked);
}

LIVECHAT_RTM_FIELDS(FormField)
{
    io("id", s.id);
    io("type", s.type);
    io("label", s.label);
    io("required", s.required);
    io("options", s.options);
    io("comment_label", s.comment_label);
    io("checked", s.checked);
}

LIVECHAT_RTM_FIELDS(Form)
{
    io("id", s.id);
    io("fields", s.fields, required | always);
}

LIVECHAT_RTM_FIELDS(Greeting)
{
    io("id", s.id);
    io("unique_id", s.unique_id);
    io("text", s.text);
    io("agent", s.agent);
    io("displayed_first_time", s.displayed_first_time);
    io("accepted", s.accepted);
}

LIVECHAT_RTM_FIELDS(UrlDetails)
{
    io("url", s.url);
    io("title", s.title);
    io("description", s.description);
    io("image_url", s.image_url);
    io("image_width", s.image_width);
    io("image_height", s.image_height);
}

LIVECHAT_RTM_FIELDS(TypingIndicator)
{
    io("author_id", s.author_id);
    io("timestamp", s.timestamp);
    io("is_typing", s.is_typing);
    io("recipients", s.recipients);
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
