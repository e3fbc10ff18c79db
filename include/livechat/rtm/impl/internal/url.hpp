// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_URL_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_URL_HPP

#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm::detail {

/// Where to connect, split for the resolver and the websocket handshake.
struct Endpoint {
    bool tls = true;
    std::string host;   ///< without brackets for IPv6 literals
    std::string port;   ///< "443" when the URL has none
    std::string target; ///< path and query, at least "/"
};

/// Parses `ws://host[:port]/path?query` and `wss://...`. No user info, no fragments.
inline std::optional<Endpoint> parse_url(std::string_view url)
{
    Endpoint ep;
    constexpr std::string_view wss = "wss://", ws = "ws://";
    if (url.substr(0, wss.size()) == wss) {
        ep.tls = true;
        url.remove_prefix(wss.size());
    } else if (url.substr(0, ws.size()) == ws) {
        ep.tls = false;
        url.remove_prefix(ws.size());
    } else {
        return std::nullopt;
    }
    auto slash = url.find_first_of("/?");
    std::string_view authority = url.substr(0, slash);
    ep.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
    if (!ep.target.empty() && ep.target.front() == '?')
        ep.target.insert(0, "/");
    if (authority.empty() || authority.find('@') != std::string_view::npos ||
        ep.target.find('#') != std::string::npos)
        return std::nullopt;

    std::string_view port;
    if (authority.front() == '[') { // [::1]:8080
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        ep.host = std::string(authority.substr(1, close - 1));
        auto rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return std::nullopt;
            port = rest.substr(1);
        }
    } else {
        auto colon = authority.rfind(':');
        ep.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port = authority.substr(colon + 1);
    }
    if (ep.host.empty())
        return std::nullopt;
    if (port.empty()) {
        ep.port = ep.tls ? "443" : "80";
    } else {
        if (port.size() > 5)
            return std::nullopt;
        unsigned value = 0;
        for (char c : port) {
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + unsigned(c - '0');
        }
        if (value > 65535)
            return std::nullopt;
        ep.port = std::string(port);
    }
    return ep;
}

} // namespace livechat::rtm::detail

#endif
