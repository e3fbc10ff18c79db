// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_REDACT_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_REDACT_HPP

// Keeping a secret (the access token) out of every text the SDK hands on: diagnostics, frame
// traces, rtm-cli's output. A server may echo the token anywhere, and JSON writers escape it
// on the way (a quote as \", a slash as \/, non-ASCII as \uXXXX), so every form is masked.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace livechat::rtm::detail {

/// What replaces a secret.
inline constexpr std::string_view redacted_mask = "<redacted>";

/// Every form in which `secret` can appear in text: as it is, and as JSON writers escape it.
/// Longest first, so that a form containing another is masked whole.
inline std::vector<std::string> secret_forms(std::string_view secret)
{
    std::vector<std::string> forms;
    // Tokens are mostly plain printable ASCII (JWTs, `dal:...`): no writer escapes those, so
    // the token is its only form and no JSON writer needs to run at every login.
    bool plain = std::all_of(secret.begin(), secret.end(),
        [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/'; });
    if (plain) {
        if (!secret.empty())
            forms.emplace_back(secret);
        return forms;
    }
    auto add = [&](std::string f) {
        if (!f.empty() && std::find(forms.begin(), forms.end(), f) == forms.end())
            forms.push_back(std::move(f));
    };
    auto unquoted = [](std::string q) { return q.size() >= 2 ? q.substr(1, q.size() - 2) : q; };
    nlohmann::json as_json = std::string(secret);
    add(std::string(secret));
    add(unquoted(as_json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    add(unquoted(as_json.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace)));
    for (auto f : std::vector<std::string>(forms)) { // some writers escape '/' as well
        for (auto at = f.find('/'); at != std::string::npos; at = f.find('/', at + 2))
            f.replace(at, 1, "\\/");
        add(std::move(f));
    }
    std::sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return forms;
}

/// Masks every occurrence of every form in `text`. Each replacement is skipped over, so a
/// secret that occurs in the mask itself ("t", "red") cannot make this loop forever.
inline void redact_in_place(std::string& text, const std::vector<std::string>& forms)
{
    for (const auto& secret : forms) {
        auto at = text.find(secret);
        if (at == std::string::npos)
            continue;
        std::string out;
        std::size_t from = 0;
        for (; at != std::string::npos; at = text.find(secret, from)) {
            out.append(text, from, at - from);
            out += redacted_mask;
            from = at + secret.size();
        }
        out.append(text, from, std::string::npos);
        text = std::move(out);
    }
}

} // namespace livechat::rtm::detail

#endif
