// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP
#define LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP

#include <livechat/rtm/impl/internal/model_codec.hpp>
#include <livechat/rtm/v3_0/login.hpp>

#include <nlohmann/json.hpp>

namespace livechat::rtm::v3_0 {

LIVECHAT_RTM_DECL void encode_payload(nlohmann::json& out, const LoginRequest& req)
{
    out = nlohmann::json::object();
    if (!req.token.empty())
        out["token"] = req.token;
    if (req.group_id)
        out["group_id"] = *req.group_id;
    if (req.customer) {
        auto& c = out["customer"] = nlohmann::json::object();
        if (req.customer->name)
            c["name"] = *req.customer->name;
        if (req.customer->email)
            c["email"] = *req.customer->email;
        if (req.customer->avatar)
            c["avatar"] = *req.customer->avatar;
        if (!req.customer->fields.empty())
            c["fields"] = req.customer->fields;
    }
    if (req.customer_page) {
        auto& p = out["customer_page"] = nlohmann::json::object();
        if (req.customer_page->url)
            p["url"] = *req.customer_page->url;
        if (req.customer_page->title)
            p["title"] = *req.customer_page->title;
    }
    if (req.referrer)
        out["referrer"] = *req.referrer;
    if (req.customer_side_storage)
        out["customer_side_storage"] = *req.customer_side_storage;
    if (req.is_mobile)
        out["is_mobile"] = *req.is_mobile;
}

inline void read_struct(detail::ModelReader& r, const nlohmann::json& j, LoginChat& c)
{
    r.field(j, "chat_id", c.chat_id);
    r.optional_field(j, "has_unread_events", c.has_unread_events);
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

LIVECHAT_RTM_DECL error_code decode_payload(
    const nlohmann::json& in, LoginResponse& out, Diagnostics& diag)
{
    detail::ModelReader r(diag);
    r.value(in, out);
    return r.result();
}

} // namespace livechat::rtm::v3_0

#endif
