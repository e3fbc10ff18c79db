// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_6_MODELS_IPP
#define LIVECHAT_RTM_IMPL_V3_6_MODELS_IPP

// Field lists of the v3.6 structures and events (spec: v3.6.md section 4). Types shared with
// v3.0 keep their v3.0 field lists (found by ADL in livechat::rtm::v3_0).

#include <livechat/rtm/impl/internal/field_list.hpp>
#include <livechat/rtm/v3_0/impl/models.ipp>
#include <livechat/rtm/v3_6/actions.hpp>

namespace livechat::rtm::v3_6 {

using detail::always;
using detail::lenient;
using detail::ModelReader;
using detail::NamedValue;
using detail::omit_empty;
using detail::put;
using detail::put_always;
using detail::required;
using nlohmann::json;

inline const std::vector<NamedValue<SortOrder>>& enum_names(SortOrder)
{
    static const std::vector<NamedValue<SortOrder>> names{{SortOrder::asc, "asc"}, {SortOrder::desc, "desc"}};
    return names;
}

// ---- properties: one plain form in both directions -------------------------------------------

inline void read_struct(ModelReader& r, const json& j, Properties& p)
{
    r.each(j, p, [&r](const json& ns, std::map<std::string, PropertyValue>& values) {
        r.each(ns, values, [&r](const json& v, PropertyValue& out) { detail::read_plain_property(r, v, out); });
    });
}
inline void write_struct(json& j, const Properties& p) { detail::write_plain_properties(j, p); }

// ---- small structures ----------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(Address)
{
    io("address", s.address);
    io("city", s.city);
    io("country", s.country);
    io("state", s.state);
    io("postal_code", s.postal_code);
}
LIVECHAT_RTM_FIELDS(TransferTarget)
{
    io("group_ids", s.group_ids);
    io("agent_ids", s.agent_ids);
}
LIVECHAT_RTM_FIELDS(Queue)
{
    io("position", s.position);
    io("wait_time", s.wait_time);
    io("queued_at", s.queued_at);
}
LIVECHAT_RTM_FIELDS(GroupStatusEntry)
{
    io("id", s.id);
    io("status", s.status);
}
LIVECHAT_RTM_FIELDS(CustomerStatistics)
{
    io("chats_count", s.chats_count);
    io("threads_count", s.threads_count);
    io("visits_count", s.visits_count);
    io("page_views_count", s.page_views_count);
    io("greetings_shown_count", s.greetings_shown_count);
    io("greetings_accepted_count", s.greetings_accepted_count);
}
LIVECHAT_RTM_FIELDS(User)
{
    io("id", s.id);
    io("type", s.type, omit_empty); // "always" per the table, yet the login sample has none
    io("name", s.name);
    io("email", s.email);
    io("email_verified", s.email_verified);
    io("phone_number", s.phone_number);
    io("avatar", s.avatar);
    io("session_fields", s.session_fields);
    io("present", s.present);
    io("events_seen_up_to", s.events_seen_up_to);
    io("statistics", s.statistics);
    io("omnichannel", s.omnichannel);
    io("address", s.address);
    io("job_title", s.job_title);
    io("is_bot", s.is_bot);
    io("bot_type", s.bot_type);
}
LIVECHAT_RTM_FIELDS(AgentInfo)
{
    io("id", s.id);
    io("name", s.name);
    io("type", s.type);
    io("avatar", s.avatar);
    io("job_title", s.job_title);
    io("is_bot", s.is_bot);
    io("bot_type", s.bot_type);
}

// ---- events --------------------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(EcommerceChoice)
{
    io("product_id", s.product_id);
    io("option_id", s.option_id);
    io("quantity", s.quantity);
}
LIVECHAT_RTM_FIELDS(Postback)
{
    io("id", s.id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("type", s.type);
    io("value", s.value);
    io("ecommerce", s.ecommerce);
}
LIVECHAT_RTM_FIELDS(RichMessageImage)
{
    io("url", s.url);
    io("name", s.name);
    io("content_type", s.content_type);
    io("size", s.size);
    io("width", s.width);
    io("height", s.height);
    io("alternative_text", s.alternative_text);
}
LIVECHAT_RTM_FIELDS(EcommerceOption)
{
    io("option_id", s.option_id);
    io("label", s.label);
    io("price", s.price);
    io("regular_price", s.regular_price);
    io("currency", s.currency);
    io("color", s.color);
    io("image_url", s.image_url);
    io("image_thumbnail_url", s.image_thumbnail_url);
    io("available", s.available);
    io("selected", s.selected);
}
LIVECHAT_RTM_FIELDS(EcommerceProduct)
{
    io("view_type", s.view_type);
    io("product_id", s.product_id);
    io("label", s.label);
    io("options", s.options);
    io("addons", s.addons);
}
LIVECHAT_RTM_FIELDS(RichMessageElement)
{
    io("title", s.title);
    io("subtitle", s.subtitle);
    io("image", s.image);
    io("buttons", s.buttons);
    io("ecommerce", s.ecommerce);
}

// The fields of each event type after the common ones; the same list reads and writes.
template <class IO, class Self>
void event_base_fields(IO& io, Self& s)
{
    io("custom_id", s.custom_id);
    io("created_at", s.created_at);
    io("author_id", s.author_id);
    io("recipients", s.recipients);
    io("properties", s.properties);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const Message*)
{
    io("text", s.text);
    io("postback", s.postback);
    io("deleted", s.deleted);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const File*)
{
    io("url", s.url);
    io("alternative_text", s.alternative_text);
    io("name", s.name);
    io("content_type", s.content_type);
    io("size", s.size);
    io("width", s.width);
    io("height", s.height);
    io("thumbnail_url", s.thumbnail_url);
    io("thumbnail2x_url", s.thumbnail2x_url);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const FormEvent*)
{
    io("form_id", s.form_id);
    io("form_type", s.form_type);
    io("fields", s.fields, required | always);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const FilledForm*)
{
    io("form_id", s.form_id);
    io("form_type", s.form_type);
    io("fields", s.fields, required | always);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const RichMessage*)
{
    io("template_id", s.template_id);
    io("elements", s.elements);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const CustomEvent*)
{
    io("content", s.content);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const SystemMessage*)
{
    io("text", s.text);
    io("system_message_type", s.system_message_type);
    io("text_vars", s.text_vars);
}
template <class IO, class Self>
void event_fields(IO& io, Self& s, const SystemEvent*)
{
    io("source", s.source);
    io("subtype", s.subtype);
    io("version", s.version);
    io("details", s.details);
}

template <class E>
void read_event_as(ModelReader& r, const json& j, Event& out)
{
    E e;
    auto io = [&r, &j](std::string_view key, auto& field, unsigned rules = 0) {
        if (rules & required)
            r.required_field(j, key, field);
        else
            r.field(j, key, field);
    };
    r.optional_field(j, "id", e.id); // absent in events we send, and in previews
    event_base_fields(io, e);
    event_fields(io, e, static_cast<const E*>(nullptr));
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
    else if (type == "file")
        read_event_as<File>(r, j, out);
    else if (type == "form")
        read_event_as<FormEvent>(r, j, out);
    else if (type == "filled_form")
        read_event_as<FilledForm>(r, j, out);
    else if (type == "rich_message")
        read_event_as<RichMessage>(r, j, out);
    else if (type == "custom")
        read_event_as<CustomEvent>(r, j, out);
    else if (type == "system_message")
        read_event_as<SystemMessage>(r, j, out);
    else if (type == "system")
        read_event_as<SystemEvent>(r, j, out);
    else { // RTM: unknown event types are normal; keep them whole
        UnknownEvent e;
        auto io = [&r, &j](std::string_view key, auto& field, unsigned = 0) { r.field(j, key, field); };
        r.optional_field(j, "id", e.id);
        event_base_fields(io, e);
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
                auto io = [&j](const char* key, const auto& field, unsigned rules = 0) {
                    if (rules & always)
                        put_always(j, key, field);
                    else
                        put(j, key, field);
                };
                if (!e.id.empty())
                    put(j, "id", e.id);
                j["type"] = type_name(Event(e));
                event_base_fields(io, e);
                event_fields(io, e, static_cast<const E*>(nullptr));
            }
        },
        event);
}

// ---- chats, threads, greetings ---------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(Thread)
{
    io("id", s.id);
    io("created_at", s.created_at);
    io("active", s.active, lenient);
    io("user_ids", s.user_ids, always);
    io("events", s.events);
    io("properties", s.properties);
    io("access", s.access);
    io("queue", s.queue);
    io("previous_thread_id", s.previous_thread_id);
    io("next_thread_id", s.next_thread_id);
}
LIVECHAT_RTM_FIELDS(Chat)
{
    io("id", s.id);
    io("users", s.users);
    io("thread", s.thread);
    io("threads", s.threads);
    io("access", s.access);
    io("properties", s.properties);
    io("transferred_from", s.transferred_from);
}
LIVECHAT_RTM_FIELDS(LastEvent)
{
    io("thread_id", s.thread_id);
    io("thread_created_at", s.thread_created_at);
    io("thread_order", s.thread_order);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(ChatSummary)
{
    io("id", s.id);
    io("last_thread_id", s.last_thread_id);
    io("last_thread_created_at", s.last_thread_created_at);
    io("users", s.users);
    io("access", s.access);
    io("properties", s.properties);
    io("active", s.active);
    io("last_event_per_type", s.last_event_per_type);
}
LIVECHAT_RTM_FIELDS(Greeting)
{
    io("id", s.id);
    io("unique_id", s.unique_id);
    io("displayed_first_time", s.displayed_first_time);
    io("addon", s.addon);
    io("subtype", s.subtype);
    io("is_exit_intent", s.is_exit_intent);
    io("event", s.event);
    io("agent", s.agent);
    io("accepted", s.accepted);
}
LIVECHAT_RTM_FIELDS(UrlInfo)
{
    io("url", s.url);
    io("title", s.title);
    io("description", s.description);
    io("image_url", s.image_url);
    io("image_original_url", s.image_original_url);
    io("image_width", s.image_width);
    io("image_height", s.image_height);
}

// ---- login ---------------------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(LoginCustomer)
{
    io("name", s.name);
    io("email", s.email);
    io("avatar", s.avatar);
    io("session_fields", s.session_fields);
    io("address", s.address);
}
LIVECHAT_RTM_FIELDS(Application)
{
    io("name", s.name);
    io("version", s.version);
    io("channel_type", s.channel_type);
}
LIVECHAT_RTM_FIELDS(LoginRequest)
{
    io("token", s.token, omit_empty); // the client fills it in from the token provider
    io("customer", s.customer);
    io("customer_page", s.customer_page);
    io("customer_side_storage", s.customer_side_storage);
    io("is_mobile", s.is_mobile);
    io("group_id", s.group_id);
    io("referrer", s.referrer);
    io("application", s.application);
    io("pushes", s.pushes);
}
inline void read_struct(ModelReader& r, const json& j, LoginResponse& out)
{
    r.field(j, "customer", out.customer);
    r.optional_field(j, "has_active_thread", out.has_active_thread);
    r.field(j, "chats", out.chats);
    r.field(j, "greeting", out.greeting);
    RawJson dynamic_config;
    r.optional_field(j, "__priv_dynamic_config", dynamic_config);
    out.dynamic_config = std::move(dynamic_config.text);
}
inline void write_struct(json& j, const LoginResponse& in)
{
    put(j, "customer", in.customer);
    put(j, "has_active_thread", in.has_active_thread);
    put_always(j, "chats", in.chats);
    put(j, "greeting", in.greeting);
    if (!in.dynamic_config.empty())
        put(j, "__priv_dynamic_config", RawJson{in.dynamic_config});
}

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(LoginRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(LoginResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Chat)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Thread)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatSummary)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(User)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(AgentInfo)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Event)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Greeting)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UrlInfo)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Properties)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Queue)

} // namespace livechat::rtm::v3_6

#endif
