// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_IMPL_VERSION_IPP
#define LIVECHAT_RTM_V3_6_IMPL_VERSION_IPP

// v3.6's rules as the version-agnostic core sees them (v3.6.md section 1): what changed
// since v3.0, on top of v3.0's rules.

#include <livechat/rtm/v3_0/impl/version.ipp>
#include <livechat/rtm/v3_6/impl/history.ipp>
#include <livechat/rtm/v3_6/impl/pushes.ipp>

#include <algorithm>

namespace livechat::rtm::v3_6 {

class ProtocolRules final : public v3_0::ProtocolRules {
public:
    std::string_view name() const noexcept override { return Version::name; }
    bool speaks(std::string_view version) const noexcept override
    {
        // The service speaks 3.4 to 3.6 alike for what this layer types.
        return version == "3.4" || version == "3.5" || version == Version::name;
    }

    std::string default_url(const ClientConfig& cfg, std::string& problem) const override
    {
        // RTM 3.4+: organization_id (a UUID-like string) is the only query parameter;
        // license_id is refused. Only URL-safe characters go into the URL unescaped.
        const auto& id = cfg.organization_id;
        if (id.empty()) {
            problem = "organization_id is required unless url is set";
            return {};
        }
        if (id.size() > 64 || !std::all_of(id.begin(), id.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            })) {
            problem = "organization_id may hold only letters, digits and '-' (at most 64)";
            return {};
        }
        return "wss://" + cfg.host + "/v3.6/customer/rtm/ws?organization_id=" + id;
    }

    std::string_view login_defaults(const nlohmann::json& payload) const override
    {
        // The SDK names itself unless the app did: serialized once, spliced into each login.
        static const std::string application = [] {
            nlohmann::json app{{"name", sdk_application_name}, {"version", LIVECHAT_RTM_VERSION_STRING}};
            return "\"application\":" + app.dump();
        }();
        if (payload.contains("application"))
            return {};
        return application;
    }

    std::string customer_id(const nlohmann::json& login) const override
    {
        if (auto c = login.find("customer"); c != login.end() && c->is_object())
            return string_member(*c, "id");
        return {};
    }

    std::optional<ReconnectAction> reconnect_action(std::string_view reason) const noexcept override
    {
        return suggested_action(reason);
    }

    std::unique_ptr<rtm::detail::HistoryReader> history(std::string chat_id, unsigned threads_per_page) const override
    {
        return std::make_unique<history_reading::ListThreadsReader>(std::move(chat_id), threads_per_page);
    }

    std::string_view event_push() const noexcept override { return IncomingEvent::name; }
    std::string_view closed_push() const noexcept override { return ChatDeactivated::name; }

    nlohmann::json sent_response(std::string_view, const nlohmann::json& event) const override
    {
        // RTM 3.1+: {event_id}.
        return {{"event_id", string_member(event, "id")}};
    }

protected:
    std::string_view chat_started_push() const noexcept override { return IncomingChat::name; }
};

LIVECHAT_RTM_DECL const rtm::detail::Protocol& Version::protocol() noexcept
{
    static const ProtocolRules rules;
    return rules;
}

} // namespace livechat::rtm::v3_6

#endif
