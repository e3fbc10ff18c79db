// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_HTTP_CLIENT_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_HTTP_CLIENT_HPP

// One HTTP/1.1 exchange per connection (Connection: close), for the Accounts and Web APIs:
// resolve, connect, TLS with host name checks, write, read, all bounded by one deadline and
// by size limits. Declared without Beast; the Beast code is in http_client.ipp.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/impl/internal/url.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boost::asio::ssl {
class context;
}

namespace livechat::rtm::detail {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "POST";
    std::string target = "/";
    HttpHeaders headers; ///< besides Host, User-Agent, Content-Length and Connection
    std::string body;
};

struct HttpResponse {
    unsigned status = 0;
    HttpHeaders headers; ///< in order; names as sent
    std::string body;

    /// Every value of header `name` (case-insensitive), in order.
    std::vector<std::string_view> values(std::string_view name) const;
    /// The first value of header `name`, or empty.
    std::string_view value(std::string_view name) const;
};

struct HttpLimits {
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(15); ///< the whole exchange
    std::size_t max_header_size = 16 * 1024;
    std::size_t max_body_size = 64 * 1024;
};

/// Called as the request body goes out: bytes written so far, and the body's size.
using HttpProgress = std::function<void(std::uint64_t sent, std::uint64_t total)>;

using HttpHandler = boost::asio::any_completion_handler<void(error_code, HttpResponse)>;

/// `http://` and `https://` URLs (no user info, no fragment), split as for the websocket.
inline std::optional<Endpoint> parse_http_url(std::string_view url)
{
    constexpr std::string_view https = "https://", http = "http://";
    if (url.substr(0, https.size()) == https)
        return parse_url("wss://" + std::string(url.substr(https.size())));
    if (url.substr(0, http.size()) == http)
        return parse_url("ws://" + std::string(url.substr(http.size())));
    return std::nullopt;
}

/// True for hosts that never leave the machine (plain http is allowed only to them).
inline bool is_loopback_host(std::string_view host)
{
    return host == "localhost" || host == "::1" || host.substr(0, 4) == "127.";
}

/// Runs one exchange on `ex`. `tls` is required for https endpoints. The handler gets
/// `accounts::error::timeout` when the deadline passes, `response_too_large` past the limits,
/// `operation_aborted` after cancellation (through the handler's cancellation slot), or the
/// network error; it never runs inside this call.
LIVECHAT_RTM_DECL void start_http(boost::asio::any_io_executor ex,
    std::shared_ptr<boost::asio::ssl::context> tls, bool verify_peer, Endpoint endpoint,
    HttpRequest request, HttpLimits limits, std::string user_agent, HttpProgress progress,
    HttpHandler handler);

/// Parses `raw` as one complete HTTP/1.1 response under `limits` (the fuzz harness and tests
/// drive the same parser settings as the client): `response_too_large`, `malformed_response`.
LIVECHAT_RTM_DECL error_code parse_http_response(std::string_view raw, const HttpLimits& limits, HttpResponse& out);

/// The TLS context for `tls`, shared like the websocket's (tls_context.ipp).
LIVECHAT_RTM_DECL std::shared_ptr<boost::asio::ssl::context> http_tls_context(const TlsOptions& tls, error_code& ec);

} // namespace livechat::rtm::detail

#endif
