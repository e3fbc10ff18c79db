// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP
#define LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP

#include <livechat/rtm/impl/internal/field_list.hpp>
#include <livechat/rtm/v3_0/login.hpp>

#include <nlohmann/json.hpp>

namespace livechat::rtm::v3_0 {

using detail::always;
using detail::lenient;
using detail::omit_empty;
using detail::put;

LIVECHAT_RTM_FIELDS(LoginCustomer)
{
    io("name", s.name);
    io("email", s.email);
    io("avatar", s.avatar);
    io("fields", s.fields);
}

LIVECHAT_RTM_FIELDS(CustomerPage)
{
    io("url", s.url);
    io("title", s.title);
}

LIVECHAT_RTM_FIELDS(LoginRequest)
{
    io("token", s.token, omit_empty); // the client fills it in from the token provider
    io("group_id", s.group_id);
    io("customer", s.customer);
    io("customer_page", s.customer_page);
    io("referrer", s.referrer);
    io("customer_side_storage", s.customer_side_storage);
    io("is_mobile", s.is_mobile);
}

LIVECHAT_RTM_FIELDS(LoginChat)
{
    io("chat_id", s.chat_id);
    io("has_unread_events", s.has_unread_events, lenient);
}

inline void read_struct(detail::ModelReader& r, const nlohmann::json& j, LoginResponse& out)
{
    r.field(j, "customer_id", out.customer_id);
    // RTM [SDK-observed]: newer servers may move has_active_thread into each chat; optional.
    r.optional_field(j, "has_active_thread", out.has_active_thread);
    r.field(j, "chats", out.chats);
    RawJson dynamic_config;
    r.optional_field(j, "__priv_dynamic_config", dynamic_config);
    out.dynamic_config = std::move(dynamic_config.text);
}

inline void write_struct(nlohmann::json& j, const LoginResponse& in)
{
    put(j, "customer_id", in.customer_id);
    put(j, "has_active_thread", in.has_active_thread);
    put(j, "chats", in.chats);
    if (!in.dynamic_config.empty())
        put(j, "__priv_dynamic_config", RawJson{in.dynamic_config});
}

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(LoginRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(LoginResponse)

} // namespace livechat::rtm::v3_0

#endif
