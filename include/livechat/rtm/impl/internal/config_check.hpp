// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_CONFIG_CHECK_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_CONFIG_CHECK_HPP

// The checks `async_run` makes before it connects (error::invalid_config).

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/impl/internal/url.hpp>

#include <optional>
#include <string>

namespace livechat::rtm::detail {

/// The URL to connect to: `cfg.url`, or the protocol version's default one.
inline std::string effective_url(const ClientConfig& cfg, const Protocol& protocol, std::string& problem)
{
    return cfg.url.empty() ? protocol.default_url(cfg, problem) : cfg.url;
}

/// Where to connect, or nothing with the reason in `problem` when `cfg` is unusable.
inline std::optional<Endpoint> check_config(const ClientConfig& cfg, const Protocol& protocol, std::string& problem)
{
    auto bad = [&problem](const char* why) {
        problem = why;
        return std::nullopt;
    };
    if (!cfg.token_provider)
        return bad("token_provider is required");
    auto url = effective_url(cfg, protocol, problem);
    if (url.empty())
        return std::nullopt;
    auto ep = parse_url(url);
    if (!ep)
        return bad("the URL is not a valid ws:// or wss:// URL");
    // The path's version picks the client type: a typed client of one version cannot speak
    // another (a URL without a version, e.g. behind a proxy, is taken as it is).
    if (auto named = url_api_version(ep->target); !named.empty() && !protocol.speaks(named)) {
        problem = "the URL names API v" + std::string(named) + " but this client speaks v" +
                  std::string(protocol.name()) + ": use the client type of that version";
        return std::nullopt;
    }
    using zero = std::chrono::steady_clock::duration;
    if (cfg.login_window <= zero{} || cfg.ping_interval <= zero{} || cfg.request_timeout <= zero{} ||
        cfg.connect_timeout <= zero{} || cfg.close_timeout <= zero{})
        return bad("every duration must be positive");
    if (cfg.silent_pings_before_dead == 0)
        return bad("silent_pings_before_dead must be at least 1");
    if (cfg.max_message_size == 0)
        return bad("max_message_size must be positive");
    if (cfg.max_in_flight == 0)
        return bad("max_in_flight must be at least 1");
    return ep;
}

} // namespace livechat::rtm::detail

#endif
