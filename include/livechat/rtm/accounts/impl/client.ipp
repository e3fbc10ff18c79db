// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_CLIENT_IPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_CLIENT_IPP

#include <livechat/rtm/accounts/client.hpp>
#include <livechat/rtm/accounts/impl/response.hpp>
#include <livechat/rtm/impl/internal/http_client.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>

#include <nlohmann/json.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

namespace livechat::rtm::accounts {

LIVECHAT_RTM_DECL std::string_view CustomerToken::region() const noexcept
{
    auto colon = std::string_view(access_token).find(':');
    return colon == std::string_view::npos ? std::string_view() : std::string_view(access_token).substr(0, colon);
}

LIVECHAT_RTM_DECL std::string rtm_host_for(std::string_view access_token)
{
    auto colon = access_token.find(':');
    auto region = colon == std::string_view::npos ? std::string_view() : access_token.substr(0, colon);
    // customer-auth.md 1.6: the prefix's leading letters name the data center (`fra-a` is fra).
    return region.substr(0, 3) == "fra" ? "api-fra.livechatinc.com" : "api.livechatinc.com";
}

LIVECHAT_RTM_DECL GrantRequest GrantRequest::cookie(std::string organization_id, Cookies cookies)
{
    GrantRequest r;
    r.type = GrantType::cookie;
    r.organization_id = std::move(organization_id);
    r.cookies = std::move(cookies);
    return r;
}

LIVECHAT_RTM_DECL GrantRequest GrantRequest::agent(std::string agent_token, std::string entity_id)
{
    GrantRequest r;
    r.type = GrantType::agent_token;
    r.agent_token = std::move(agent_token);
    r.entity_id = std::move(entity_id);
    return r;
}

LIVECHAT_RTM_DECL GrantRequest GrantRequest::identity(std::string code, std::string code_verifier)
{
    GrantRequest r;
    r.type = GrantType::identity_token;
    r.code = std::move(code);
    r.code_verifier = std::move(code_verifier);
    return r;
}

namespace detail {

namespace asio = boost::asio;
using json = nlohmann::json;

class AccountsCore {
public:
    AccountsCore(asio::any_io_executor ex, AccountsConfig cfg) : ex(ex), cfg(std::move(cfg)) {}
    asio::any_io_executor ex;
    AccountsConfig cfg;
};

/// Safe inside a header value: printable ASCII without CR/LF (no header injection).
inline bool header_safe(std::string_view v) noexcept
{
    for (unsigned char c : v)
        if (c < 0x20 || c >= 0x7f)
            return false;
    return true;
}

/// Safe as a path segment: letters, digits, `-` and `_`.
inline bool segment_safe(std::string_view v) noexcept
{
    if (v.empty() || v.size() > 128)
        return false;
    for (char c : v)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            return false;
    return true;
}

/// Builds the HTTP request of a grant, or says what is wrong with it.
inline std::string build_grant(const AccountsConfig& cfg, const rtm::detail::Endpoint& base,
    const GrantRequest& req, rtm::detail::HttpRequest& out)
{
    if (cfg.client_id.empty())
        return "client_id is required";
    json body = {{"grant_type", ""}, {"client_id", cfg.client_id}};
    std::string path = base.target;
    if (auto q = path.find('?'); q != std::string::npos)
        path.erase(q);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    path += "/v2/customer";
    switch (req.type) {
    case GrantType::cookie:
        if (!segment_safe(req.organization_id))
            return "organization_id is required (letters, digits, '-', '_')";
        body["grant_type"] = "cookie";
        body["response_type"] = "token";
        body["organization_id"] = req.organization_id;
        if (!req.group_id.empty()) {
            if (!segment_safe(req.group_id))
                return "group_id may hold only letters, digits, '-' and '_'";
            path += "/" + req.organization_id + "/" + req.group_id;
        }
        if (!req.cookies.empty()) {
            if (!header_safe(req.cookies.lc_cid) || !header_safe(req.cookies.lc_cst) ||
                req.cookies.lc_cid.find(';') != std::string::npos || req.cookies.lc_cst.find(';') != std::string::npos)
                return "the stored cookies hold characters a cookie cannot";
            std::string cookie;
            if (!req.cookies.lc_cid.empty())
                cookie = "__lc_cid=" + req.cookies.lc_cid;
            if (!req.cookies.lc_cst.empty())
                cookie += (cookie.empty() ? "" : "; ") + std::string("__lc_cst=") + req.cookies.lc_cst;
            out.headers.emplace_back("Cookie", std::move(cookie));
        }
        break;
    case GrantType::agent_token:
        if (req.agent_token.empty() || !header_safe(req.agent_token))
            return "agent_token is required (printable characters only)";
        body["grant_type"] = "agent_token";
        body["response_type"] = "token";
        if (!req.entity_id.empty())
            body["entity_id"] = req.entity_id;
        out.headers.emplace_back("Authorization", "Bearer " + req.agent_token);
        break;
    case GrantType::identity_token:
        if (req.code.empty())
            return "code is required";
        body["grant_type"] = "identity_token";
        body["code"] = req.code;
        if (!req.code_verifier.empty())
            body["code_verifier"] = req.code_verifier;
        break;
    }
    if (!cfg.redirect_uri.empty() && req.type != GrantType::identity_token)
        body["redirect_uri"] = cfg.redirect_uri;
    if (req.expires_in.count() > 0)
        body["expires_in"] = req.expires_in.count();
    out.method = "POST";
    out.target = path + "/token";
    out.headers.emplace_back("Content-Type", "application/json");
    out.headers.emplace_back("Accept", "application/json");
    out.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return {};
}

/// Every secret a grant handles, in every printable form.
inline std::vector<std::string> grant_secrets(const GrantRequest& req)
{
    std::vector<std::string> all;
    for (const std::string* s : {&req.agent_token, &req.cookies.lc_cst, &req.code, &req.code_verifier})
        if (!s->empty())
            for (auto& f : rtm::detail::secret_forms(*s))
                all.push_back(std::move(f));
    return all;
}

LIVECHAT_RTM_DECL std::shared_ptr<AccountsCore> make_accounts_core(asio::any_io_executor ex, AccountsConfig cfg)
{
    return std::make_shared<AccountsCore>(ex, std::move(cfg));
}

LIVECHAT_RTM_DECL const AccountsConfig& config_of(const AccountsCore& core) noexcept { return core.cfg; }

LIVECHAT_RTM_DECL void start_grant(const std::shared_ptr<AccountsCore>& core, GrantRequest req,
    Diagnostics* diag, GrantHandler handler)
{
    const auto& cfg = core->cfg;
    auto fail_now = [&](error_code ec, std::string why) {
        if (diag) {
            diag->clear();
            diag->client_message = std::move(why);
        }
        auto hex = asio::get_associated_executor(handler, core->ex);
        asio::post(core->ex, asio::bind_executor(hex, [h = std::move(handler), ec]() mutable {
            std::move(h)(ec, TokenGrant{});
        }));
    };
    auto base = rtm::detail::parse_http_url(cfg.url);
    if (!base)
        return fail_now(error::invalid_config, "url must be an https:// URL");
    if (!base->tls && !rtm::detail::is_loopback_host(base->host))
        return fail_now(error::invalid_config, "url: plain http is allowed only to a loopback host");
    rtm::detail::HttpRequest http_req;
    if (auto problem = build_grant(cfg, *base, req, http_req); !problem.empty())
        return fail_now(error::invalid_config, std::move(problem));
    std::shared_ptr<asio::ssl::context> tls;
    if (base->tls) {
        error_code ec;
        tls = rtm::detail::http_tls_context(cfg.tls, ec);
        if (ec)
            return fail_now(ec, "TLS settings: " + ec.message());
    }
    rtm::detail::HttpLimits limits;
    limits.timeout = cfg.timeout;
    limits.max_body_size = cfg.max_response_size;
    if (cfg.trace)
        cfg.trace("POST " + http_req.target + " (" + std::to_string(http_req.body.size()) + " bytes" +
                  (req.cookies.empty() ? "" : ", with cookies") +
                  (req.agent_token.empty() ? "" : ", with an agent token") + ")");
    auto target = http_req.target;
    // The exchange completes on the handler's executor and is cancelled by its slot.
    auto hex = asio::get_associated_executor(handler, core->ex);
    auto slot = asio::get_associated_cancellation_slot(handler);
    auto done = [core, diag, secrets = grant_secrets(req), target, h = std::move(handler)](
                    error_code ec, rtm::detail::HttpResponse res) mutable {
            Diagnostics local;
            Diagnostics& d = diag ? *diag : local;
            d.clear();
            TokenGrant grant;
            if (ec)
                d.client_message = "POST " + target + ": " + ec.message();
            else
                ec = read_token_response(res, grant, d);
            if (core->cfg.trace)
                core->cfg.trace(trace_line(target, ec, res, grant));
            rtm::detail::redact_in_place(d.server_message, secrets);
            rtm::detail::redact_in_place(d.server_type, secrets);
            rtm::detail::redact_in_place(d.client_message, secrets);
            std::move(h)(ec, std::move(grant));
        };
    rtm::detail::start_http(core->ex, std::move(tls), cfg.tls.verify_peer, std::move(*base), std::move(http_req), limits,
        cfg.user_agent, {}, asio::bind_executor(hex, asio::bind_cancellation_slot(slot, std::move(done))));
}

} // namespace detail
} // namespace livechat::rtm::accounts

#endif
