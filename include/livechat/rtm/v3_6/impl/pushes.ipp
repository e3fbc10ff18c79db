// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_6_PUSHES_IPP
#define LIVECHAT_RTM_IMPL_V3_6_PUSHES_IPP

// Field lists of the v3.6 pushes (spec: v3.6.md section 3) and its disconnect reasons
// (section 5.1).

#include <livechat/rtm/v3_0/impl/pushes.ipp>
#include <livechat/rtm/v3_6/impl/actions.ipp>
#include <livechat/rtm/v3_6/pushes.hpp>
#include <livechat/rtm/v3_6/version.hpp>

namespace livechat::rtm::v3_6 {

/// The reasons of v3.6.md section 5.1 with the client action they call for, plus those the
/// section still mentions (`customer_temporarily_blocked`) or v3.0 listed (kept defensively).
/// The only list of 3.6 reasons: suggested_action() and docs/reconnect.md follow it.
struct ReasonRule {
    std::string_view wire;
    ReconnectAction action;
};
inline const std::vector<ReasonRule>& reason_rules()
{
    using A = ReconnectAction;
    static const std::vector<ReasonRule> rules{
        {"access_token_revoked", A::reconnect}, // with a fresh token
        {"access_token_expired", A::reconnect}, // with a fresh token
        {"connection_evicted", A::reconnect},
        {"connection_timeout", A::reconnect},
        {"internal_error", A::reconnect},
        {"license_not_found", A::stop},
        {"license_expired", A::stop},
        {"misdirected_connection", A::switch_region}, // the doc says stop; its own SDK moves
        {"unsupported_version", A::stop},
        {"service_temporarily_unavailable", A::reconnect_slowly},
        {"too_many_connections", A::stop},
        {"too_many_unauthorized_connections", A::reconnect}, // with back-off
        {"logged_out_remotely", A::stop},
        {"customer_temporarily_blocked", A::reconnect_after}, // footnote: wait data.timeout
        {"customer_banned", A::stop},         // v3.0
        {"inactivity_timeout", A::stop},      // v3.0: reconnect when the user acts again
        {"product_version_changed", A::stop}, // v3.0
    };
    return rules;
}

LIVECHAT_RTM_DECL std::optional<ReconnectAction> suggested_action(std::string_view reason) noexcept
{
    for (const auto& r : reason_rules())
        if (r.wire == reason)
            return r.action;
    return std::nullopt;
}

LIVECHAT_RTM_FIELDS(IncomingChat)
{
    io("requester_id", s.requester_id);
    io("chat", s.chat);
}
LIVECHAT_RTM_FIELDS(ChatDeactivated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user_id", s.user_id);
}
LIVECHAT_RTM_FIELDS(ChatTransferred)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("requester_id", s.requester_id);
    io("transferred_to", s.transferred_to);
    io("queue", s.queue);
}
LIVECHAT_RTM_FIELDS(UserAddedToChat)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user", s.user);
    io("reason", s.reason);
    io("requester_id", s.requester_id);
}
LIVECHAT_RTM_FIELDS(UserRemovedFromChat)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("user_id", s.user_id);
    io("reason", s.reason);
    io("requester_id", s.requester_id);
}
LIVECHAT_RTM_FIELDS(IncomingEventPreview)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(IncomingEvent)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(EventDeleted)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
}
LIVECHAT_RTM_FIELDS(EventUpdated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(IncomingRichMessagePostback)
{
    io("user_id", s.user_id);
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("event_id", s.event_id);
    io("postback", s.postback);
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
LIVECHAT_RTM_FIELDS(ThreadPropertiesUpdated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("properties", s.properties, required | always);
}
LIVECHAT_RTM_FIELDS(ThreadPropertiesDeleted)
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
// RTM 3.6: the payload is the customer object itself, not wrapped.
inline void read_struct(ModelReader& r, const json& j, CustomerUpdated& p) { r.value(j, p.customer); }
inline void write_struct(json& j, const CustomerUpdated& p) { detail::write_value(j, p.customer); }
LIVECHAT_RTM_FIELDS(GroupsStatusUpdated)
{
    io("groups", s.groups, always);
}
LIVECHAT_RTM_FIELDS(IncomingThinkingIndicator)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("author_id", s.author_id);
    io("sent_at", s.sent_at);
    io("title", s.title);
    io("description", s.description);
    io("custom_id", s.custom_id);
}
LIVECHAT_RTM_FIELDS(EventsMarkedAsSeen)
{
    io("user_id", s.user_id);
    io("chat_id", s.chat_id);
    io("seen_up_to", s.seen_up_to);
}
// RTM 3.6: the payload is the greeting itself.
inline void read_struct(ModelReader& r, const json& j, IncomingGreeting& p) { r.value(j, p.greeting); }
inline void write_struct(json& j, const IncomingGreeting& p) { detail::write_value(j, p.greeting); }
LIVECHAT_RTM_FIELDS(GreetingAccepted)
{
    io("unique_id", s.unique_id);
}
LIVECHAT_RTM_FIELDS(GreetingCanceled)
{
    io("unique_id", s.unique_id);
}
LIVECHAT_RTM_FIELDS(IncomingWelcomeMessage)
{
    io("id", s.id);
    io("event", s.event);
}
LIVECHAT_RTM_FIELDS(QueuePositionUpdated)
{
    io("chat_id", s.chat_id);
    io("thread_id", s.thread_id);
    io("queue", s.queue);
}

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingChat)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatDeactivated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatTransferred)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UserAddedToChat)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(UserRemovedFromChat)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingEventPreview)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingEvent)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingRichMessagePostback)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ChatPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ThreadPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ThreadPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventPropertiesUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventPropertiesDeleted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CustomerUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GroupsStatusUpdated)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingThinkingIndicator)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(EventsMarkedAsSeen)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingGreeting)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GreetingAccepted)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GreetingCanceled)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(IncomingWelcomeMessage)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(QueuePositionUpdated)

} // namespace livechat::rtm::v3_6

#endif
