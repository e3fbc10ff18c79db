// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP
#define LIVECHAT_RTM_IMPL_V3_0_LOGIN_IPP

#include <livechat/rtm/impl/internal/json_read.hpp>
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

LIVECHAT_RTM_DECL error_code decode_payload(
    const nlohmann::json& in, LoginResponse& out, Diagnostics& diag)
{
    detail::JsonReader r(diag);
    std::string customer_id;
    if (!r.object(in, "payload") || !r.required(in, "customer_id", customer_id, "payload"))
        return r.result();
    out.customer_id = CustomerId(std::move(customer_id));
    // RTM [SDK-observed]: newer servers may move has_active_thread into each chat; optional.
    r.optional(in, "has_active_thread", out.has_active_thread, "payload");
    if (auto chats = in.find("chats"); chats != in.end() && !chats->is_null()) {
        if (!r.array(*chats, "payload.chats"))
            return r.result();
        for (std::size_t i = 0; i < chats->size(); ++i) {
            const auto& c = (*chats)[i];
            auto path = "payload.chats[" + std::to_string(i) + "]";
            LoginChat chat;
            std::string id;
            if (!r.object(c, path) || !r.required(c, "chat_id", id, path))
                return r.result();
            chat.chat_id = ChatId(std::move(id));
            r.optional(c, "has_unread_events", chat.has_unread_events, path);
            out.chats.push_back(std::move(chat));
        }
    }
    if (auto cfg = in.find("__priv_dynamic_config"); cfg != in.end() && !cfg->is_null())
        out.dynamic_config = cfg->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r.result();
}

} // namespace livechat::rtm::v3_0

#endif
