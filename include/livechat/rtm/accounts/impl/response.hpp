// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_RESPONSE_HPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_RESPONSE_HPP

// Reading Accounts API responses: errors in any status, the token, the Set-Cookie headers.
// Pure functions over a parsed HttpResponse (the fuzz harness drives them with raw bytes).

#include <livechat/rtm/accounts/client.hpp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/http_client.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace livechat::rtm::accounts::detail {

/// Server text kept in Diagnostics is cut to this many bytes.
inline constexpr std::size_t max_server_text = 512;

/// A cookie value may hold printable ASCII except whitespace, `"`, `,`, `;` and `\`
/// (RFC 6265 cookie-octet); a longer one than 4096 bytes is refused.
inline bool cookie_value_ok(std::string_view v) noexcept
{
    if (v.size() > 4096)
        return false;
    for (unsigned char c : v)
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\')
            return false;
    return true;
}

/// The name and value of one `Set-Cookie` header (attributes ignored), or nothing when it is
/// not a well-formed cookie. One header is one cookie: headers are never joined and split,
/// since `Expires` holds a comma.
inline std::optional<std::pair<std::string_view, std::string_view>> parse_set_cookie(std::string_view header)
{
    auto pair = header.substr(0, header.find(';'));
    auto eq = pair.find('=');
    if (eq == std::string_view::npos)
        return std::nullopt;
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    };
    auto name = trim(pair.substr(0, eq));
    auto value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
    if (name.empty() || !cookie_value_ok(value))
        return std::nullopt;
    return std::make_pair(name, value);
}

/// The customer cookies among a response's `Set-Cookie` headers (the last of each wins).
inline Cookies cookies_of(const rtm::detail::HttpResponse& res)
{
    Cookies out;
    for (auto header : res.values("Set-Cookie")) {
        auto c = parse_set_cookie(header);
        if (!c)
            continue;
        if (c->first == "__lc_cid")
            out.lc_cid = std::string(c->second);
        else if (c->first == "__lc_cst")
            out.lc_cst = std::string(c->second);
    }
    return out;
}

inline std::string cut(std::string s)
{
    if (s.size() > max_server_text)
        s.resize(max_server_text);
    return s;
}

/// An Accounts error object in `body` (`oauth_exception` / `identity_exception`, or the
/// agent-side `error` / `error_description` pair), whatever the status; no error otherwise.
inline error_code error_in_body(const nlohmann::json& body, Diagnostics& diag)
{
    if (!body.is_object())
        return {};
    auto text = [&](const char* key) -> std::string {
        auto it = body.find(key);
        return it != body.end() && it->is_string() ? cut(it->get<std::string>()) : std::string();
    };
    error e{};
    if (auto it = body.find("identity_exception"); it != body.end() && it->is_string()) {
        diag.server_type = cut(it->get<std::string>());
        e = error_from_identity_exception(diag.server_type);
    } else if (auto it = body.find("oauth_exception"); it != body.end() && it->is_string()) {
        diag.server_type = cut(it->get<std::string>());
        e = error_from_oauth_exception(diag.server_type);
    } else if (auto it = body.find("error"); it != body.end() && it->is_string()) {
        diag.server_type = cut(it->get<std::string>());
        e = error_from_oauth_exception(diag.server_type);
    } else {
        return {};
    }
    diag.server_message = text("exception_description");
    if (diag.server_message.empty())
        diag.server_message = text("error_description");
    return e;
}

/// Reads a token response: an error wherever the server put one, else the token and cookies.
inline error_code read_token_response(const rtm::detail::HttpResponse& res, TokenGrant& out, Diagnostics& diag)
{
    bool too_deep = false;
    auto body = rtm::detail::parse_json_bounded(res.body, max_json_nesting, too_deep);
    if (auto ec = error_in_body(body, diag))
        return ec;
    if (res.status >= 300 || res.status < 200) {
        diag.client_message = "HTTP status " + std::to_string(res.status);
        if (res.status >= 300 && res.status < 400)
            return error::redirect_refused;
        return res.status >= 500 || res.status == 429 ? error::http_unavailable : error::http_error;
    }
    auto bad = [&](std::string why) {
        diag.client_message = std::move(why);
        return make_error_code(error::malformed_response);
    };
    if (!body.is_object())
        return bad(too_deep ? "the body nests too deeply" : "the body is not a JSON object");
    auto string_field = [&](const char* key, std::string& into) {
        auto it = body.find(key);
        if (it == body.end() || it->is_null())
            return true;
        if (!it->is_string())
            return false;
        into = it->get<std::string>();
        return true;
    };
    CustomerToken t;
    if (!string_field("access_token", t.access_token) || t.access_token.empty())
        return bad("access_token must be a non-empty string");
    if (t.access_token.size() > 4096 || !std::all_of(t.access_token.begin(), t.access_token.end(),
                                            [](char c) { return c > 0x20 && c < 0x7f; }))
        return bad("access_token holds characters a token cannot");
    for (auto [key, into] : {std::pair{"token_type", &t.token_type}, std::pair{"entity_id", &t.entity_id},
             std::pair{"organization_id", &t.organization_id}, std::pair{"client_id", &t.client_id}})
        if (!string_field(key, *into))
            return bad(std::string(key) + " must be a string");
    if (t.token_type.empty())
        t.token_type = "Bearer";
    // customer-auth.md 1.2: a 2019 sample spells it `expires_id`; 8 h when absent. Clamped:
    // a server cannot make the SDK trust a token for years, or for a negative time.
    constexpr std::int64_t year = 366LL * 24 * 3600;
    std::int64_t expires = 28800;
    auto lifetime = body.find("expires_in");
    if (lifetime == body.end())
        lifetime = body.find("expires_id");
    if (lifetime != body.end() && !lifetime->is_null()) {
        if (!lifetime->is_number())
            return bad("expires_in must be a number");
        double v = lifetime->get<double>();
        expires = v != v ? 0 : static_cast<std::int64_t>(std::clamp(v, 0.0, static_cast<double>(year)));
    }
    t.expires_in = std::chrono::seconds(expires);
    t.expires_at = std::chrono::steady_clock::now() + t.expires_in;
    out.token = std::move(t);
    out.cookies = cookies_of(res);
    return {};
}

/// One trace line for a response: status, size, outcome and cookie names, never their values.
inline std::string trace_line(const std::string& target, error_code ec, const rtm::detail::HttpResponse& res,
    const TokenGrant& grant)
{
    std::string line = "POST " + target + " -> ";
    if (res.status)
        line += std::to_string(res.status) + " (" + std::to_string(res.body.size()) + " bytes)";
    else
        line += "no response";
    if (ec)
        line += ": " + ec.message();
    if (!grant.cookies.lc_cid.empty())
        line += ", sets __lc_cid";
    if (!grant.cookies.lc_cst.empty())
        line += ", sets __lc_cst";
    if (!ec)
        line += ", token for " + std::to_string(grant.token.expires_in.count()) + " s";
    return line;
}

} // namespace livechat::rtm::accounts::detail

#endif
