// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_PUSHES_IPP
#define LIVECHAT_RTM_IMPL_V3_0_PUSHES_IPP

// Field lists of the v3.0 pushes (spec: pushes.md section 2).

#include <livechat/rtm/v3_0/impl/actions.ipp>
#include <livechat/rtm/v3_0/pushes.hpp>
#include <livechat/rtm/v3_0/version.hpp>

#include <algorithm>
#include <cstdint>

namespace livechat::rtm::v3_0 {

/// One disconnect reason of pushes.md section 5: its wire name and the suggested client action.
/// The only list of reasons: the enum's names and the reconnect policy both come from it.
struct ReasonRule {
    DisconnectReason reason;
    const char* wire;
    ReconnectAction action;
};

inline const std::vector<ReasonRule>& reason_rules()
{
    using R = DisconnectReason;
    using A = ReconnectAction;
    static const std::vector<ReasonRule> rules{
        {R::access_token_expired, "access_token_expired", A::reconnect}, // with a fresh token
        {R::access_token_revoked, "access_token_revoked", A::reconnect}, // with a fresh token
        {R::connection_evicted, "connection_evicted", A::reconnect},
        {R::connection_timeout, "connection_timeout", A::reconnect},
        {R::customer_banned, "customer_banned", A::stop},
        {R::customer_temporarily_blocked, "customer_temporarily_blocked", A::reconnect_after},
        {R::inactivity_timeout, "inactivity_timeout", A::stop}, // customer-sdk: reconnect when the user acts
        {R::internal_error, "internal_error", A::reconnect},
        {R::license_expired, "license_expired", A::stop},
        {R::license_not_found, "license_not_found", A::stop},
        {R::logged_out_remotely, "logged_out_remotely", A::stop},
        {R::misdirected_connection, "misdirected_connection", A::switch_region},
        {R::product_version_changed, "product_version_changed", A::stop},
        {R::service_temporarily_unavailable, "service_temporarily_unavailable", A::reconnect_slowly},
        {R::too_many_connections, "too_many_connections", A::stop}, // 3.3+ docs and the official SDK
        {R::too_many_unauthorized_connections, "too_many_unauthorized_connections", A::reconnect},
        {R::unsupported_version, "unsupported_version", A::stop},
    };
    return rules;
}

inline const std::vector<NamedValue<DisconnectReason>>& enum_names(DisconnectReason)
{
    static const std::vector<NamedValue<DisconnectReason>> names = [] {
        std::vector<NamedValue<DisconnectReason>> out;
        for (const auto& r : reason_rules())
            out.push_back({r.reason, r.wire});
        return out;
    }();
    return names;
}

LIVECHAT_RTM_DECL std::optional<ReconnectAction> suggested_action(std::string_view reason) noexcept
{
    for (const auto& r : reason_rules())
        if (r.wire == reason)
            return r.action;
    return std::nullopt;
}

LIVECHAT_RTM_DECL std::string_view to_string(DisconnectReason r) noexcept
{
    return detail::enum_name(r);
}

LIVECHAT_RTM_FIELDS(IncomingChatThread)
{
    io("chat", s.chat);
}

template <class P>
void read_event_push(ModelReader& r, const json& j, P& p)
{
    r.field(j, "chat_id", p.chat_id);
    r.field(j, "thread_id", p.thread_id);
    r.field(j, "event", p.event);
}
template <class P>
void write_event_push(json& j, const P& p)
{
    put(j, "chat_id", p.chat_id);
    put(j, "thread_id", p.thread_id);
    put(j, "event", p.event);
}
inline void read_struct(ModelReader& r, const json& j, IncomingEvent& p) { read_event_push(r, j, p); }
inline void write_struct(json& j, const IncomingEvent& p) { write_event_push(j, p); }
inline void read_struct(ModelReader& r, const json& j, EventUpdated& p) { read_event_push(r, j, p); }
inline void write_struct(json& j, const EventUpdated& p) { write_event_push(j, p); }

LIVECHAT_RTM_FIELDS(PostbackToggle)
{
    io("id", s.id);
    io("toggled", s.toggled);
}
inline void read_struct(ModelReader& r, const json& j, IncomingRichMessagePostback& p)
{
    r.field(j, "user_id", p.user_id);
    r.field(j, "chat_id", p.chat_id);
    r.field(j, "thread_id", p.thread_id);
    r.field(j, "event_id", p.event_id);
    PostbackToggle toggle;
    r.field(j, "postback", toggle);
    p.postback_id = toggle.id;
    p.toggled = toggle.toggled;
}
inline void write_struct(json& j, const IncomingRichMessagePostback& p)
{
    put(j, "user_id", p.user_id);
    put(j, "chat_id", p.chat_id);
    put(j, "thread_id", p.thread_id);
    put(j, "event_id", p.event_id);
    put(j, "postback", PostbackToggle{p.postback_id, p.toggled});
}

LIVECHAT_RTM_FIELDS(IncomingMulticast)
{
    io("author_id", s.author_id);
    io("content", s.content);
}

LIVECHAT_RTM_FIELDS(IncomingTypingIndicator)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("typing_indicator", s.typing_indicator);
}

inline void read_struct(ModelReader& r, const json& j, CustomerDisconnected& p)
{
    r.field(j, "reason", p.reason);
    r.field(j, "data", p.data);
    if (auto data = j.find("data"); data != j.end() && data->is_object()) {
        r.within("data", [&] { r.field(*data, "region", p.region); });
        // Units are not documented (pushes.md 2.7); integral values are kept.
        // Saturated into int64: 1e300 or 2^64 must neither wrap nor overflow.
        if (auto t = data->find("timeout"); t != data->end() && t->is_number()) {
            if (t->is_number_unsigned())
                p.timeout = static_cast<std::int64_t>(
                    std::min<std::uint64_t>(t->get<std::uint64_t>(), INT64_MAX));
            else if (t->is_number_integer())
                p.timeout = t->get<std::int64_t>();
            else
                p.timeout = static_cast<std::int64_t>(std::clamp(t->get<double>(), -9.2e18, 9.2e18));
        }
    }
}
inline void write_struct(json& j, const CustomerDisconnected& p)
{
    put(j, "reason", p.reason);
    put(j, "data", p.data);
}

LIVECHAT_RTM_FIELDS(ThreadClosed)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user_id", s.user_id);
}

LIVECHAT_RTM_FIELDS(AccessSet)
{
    io("resource", s.resource);
    io("id", s.id);
    io("access", s.access);
}

inline void read_struct(ModelReader& r, const json& j, ChatTransferred& p)
{
    r.field(j, "chat_id", p.chat_id);
    r.field(j, "thread_id", p.thread_id);
    r.field(j, "requester_id", p.requester_id);
    r.field(j, "type", p.type);
    // RTM: `ids` holds agent ids (strings) or group ids (ints), depending on `type`.
    if (p.type == "group")
        r.field(j, "ids", p.group_ids);
    else
        r.field(j, "ids", p.agent_ids);
}
inline void write_struct(json& j, const ChatTransferred& p)
{
    put(j, "chat_id", p.chat_id);
    put(j, "thread_id", p.thread_id);
    put(j, "requester_id", p.requester_id);
    put(j, "type", p.type);
    if (p.type == "group")
        put_always(j, "ids", p.group_ids);
    else
        put_always(j, "ids", p.agent_ids);
}

LIVECHAT_RTM_FIELDS(ChatUserAdded)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user", s.user);
    io("user_type", s.user_type);
}

LIVECHAT_RTM_FIELDS(ChatUserRemoved)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user_id", s.user_id);
    io("user_type", s.user_type);
}

LIVECHAT_RTM_FIELDS(CustomerUpdated)
{
    io("customer", s.customer);
}

LIVECHAT_RTM_FIELDS(CustomerPageUpdated)
{
    io("url", s.url);
    io("title", s.title);
    io("timestamp", s.timestamp);
}

LIVECHAT_RTM_FIELDS(CustomerSideStorageUpdated)
{
    io("customer_side_storage", s.customer_side_storage, required | always);
}

LIVECHAT_RTM_FIELDS(ChatPropertiesUpdated)
{
    io("chat_id", s.chat_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(ChatPropertiesDeleted)
{
    io("chat_id", s.chat_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(ChatThreadPropertiesUpdated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(ChatThreadPropertiesDeleted)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(EventPropertiesUpdated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(EventPropertiesDeleted)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("properties", s.properties, required | always);
}

LIVECHAT_RTM_FIELDS(LastSeenTimestampUpdated)
{
    io("user_id", s.user_id);
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("timestamp", s.timestamp);
}

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingChatThread)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingEvent)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingRichMessagePostback)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingMulticast)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingTypingIndicator)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CustomerDisconnected)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ThreadClosed)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(AccessSet)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatTransferred)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatUserAdded)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatUserRemoved)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CustomerUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CustomerPageUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CustomerSideStorageUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatThreadPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatThreadPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(LastSeenTimestampUpdated)

} // namespace livechat::rtm::v3_0

#endif
