// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_WEB_CLIENT_HPP
#define LIVECHAT_RTM_WEB_CLIENT_HPP

// The Customer Chat Web API: the same methods as RTM over HTTPS, one request each, plus the
// Web-only ones (file upload, widget configuration; v3_6/web.hpp). Apps use it for what RTM
// cannot do: send files (`async_upload_file`, then a `file` event), and configuration calls.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/client_core.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/detail/reply_adapter.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace livechat::rtm::web {

/// The largest file `upload_file` accepts (10 MB); larger ones fail before anything is sent.
inline constexpr std::size_t max_upload_size = 10 * 1024 * 1024;

/// Settings of a `WebApiClient`.
struct WebApiConfig {
    /// The API's base URL (`https://host[:port]`); empty means `https://` + `host`. Plain
    /// `http://` only to a loopback host (tests: `MockServer::web_url()`).
    std::string url;
    /// The API host: `api.livechatinc.com`, or `api-fra.livechatinc.com` in Europe
    /// (`accounts::rtm_host_for(token)` picks it from a token).
    std::string host = "api.livechatinc.com";
    /// The API version of the path (`/v3.6/customer/action/...`): "3.0" to "3.6".
    std::string api_version = "3.6";
    /// The organization (3.4 and later; sent as `organization_id`).
    std::string organization_id;
    /// The license (before 3.4; sent as `license_id`).
    std::uint64_t license_id = 0;
    /// Supplies the access token of each request; asked again (`token_rejected`) and the
    /// request repeated once when the API answers `authentication`. Required.
    TokenProvider token_provider;
    /// Send the token's region prefix as `X-Region` (customer-auth.md 1.6).
    bool region_header = true;
    /// Certificate checks (the TLS context is shared with the websocket's).
    TlsOptions tls;
    /// Bound on one request: connect, TLS, write and the whole response.
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(30);
    /// Bound on one upload (10 MB on a slow line takes a while).
    std::chrono::steady_clock::duration upload_timeout = std::chrono::minutes(5);
    /// The largest response body accepted (`response_too_large` beyond it).
    std::size_t max_response_size = 4 * 1024 * 1024;
    /// Sent as User-Agent.
    std::string user_agent = "livechat-rtm-cpp/" LIVECHAT_RTM_VERSION_STRING;
    /// When set, gets one line per request and response (method, action, status, sizes);
    /// never a token or header value.
    std::function<void(std::string_view line)> trace;
};

/// A file to upload.
struct UploadFile {
    std::string name; ///< The file name the agent sees (path separators and quotes are dropped).
    std::string content_type = "application/octet-stream"; ///< Its MIME type.
    std::string data; ///< The bytes.

    /// Reads the file at `path` (the name is its last path component). A file over
    /// `max_upload_size` is refused without being read (`error::entity_too_large`); a file
    /// that cannot be read gives the system's error.
    LIVECHAT_RTM_DECL static UploadFile from_path(const std::string& path, error_code& ec);
};

/// What `upload_file` answers: the file's CDN URL, for a `file` event (unused uploads are
/// deleted after 24 hours).
struct UploadedFile {
    std::string url; ///< The URL.
};

/// Called as the upload goes out: the file's bytes sent so far and its size; monotonic, the
/// last call has `sent == total`. Runs on the client's executor; keep it short.
using UploadProgress = std::function<void(std::uint64_t sent, std::uint64_t total)>;

namespace detail {
class WebCore;
using UploadHandler = boost::asio::any_completion_handler<void(error_code, UploadedFile)>;
LIVECHAT_RTM_DECL std::shared_ptr<WebCore> make_web_core(boost::asio::any_io_executor ex, WebApiConfig cfg);
LIVECHAT_RTM_DECL void start_web_request(const std::shared_ptr<WebCore>& core, std::string_view action,
    bool get, rtm::detail::RequestWriter writer, Diagnostics* diag, rtm::detail::ReplyHandler handler);
LIVECHAT_RTM_DECL void start_upload(const std::shared_ptr<WebCore>& core, UploadFile file,
    UploadProgress progress, Diagnostics* diag, UploadHandler handler);

template <class Action, class = void>
struct uses_get : std::false_type {};
template <class Action>
struct uses_get<Action, std::void_t<typename Action::http_method>>
    : std::negation<std::is_void<typename Action::http_method>> {};
} // namespace detail

/// A Customer Chat Web API client.
///
/// **Errors**: the server's `error.type` mapped as on RTM (`entity_too_large`, `validation`,
/// `authentication`, ...; text in `Diagnostics`); a status without a readable error by its
/// meaning (401 `authentication`, 404 `not_found`, 413 `entity_too_large`, 429
/// `too_many_requests`, 5xx `service_unavailable`, other `server_other`); `validation` for a
/// request that breaks a stated limit (nothing sent); the HTTP layer's `accounts::error`
/// values `timeout`, `response_too_large`, `redirect_refused`, `invalid_config`;
/// `token_provider_failed`; network and TLS errors as Asio reports them. No text holds a token.
///
/// **Thread safety**: calls may come from any thread. Handlers run through their associated
/// executor (default: the client's), never inside the call. **Lifetime**: a request in flight
/// keeps what it needs alive. **Cancellation**: terminal, partial and total cancellation stop
/// the request (closing its connection) and complete it with `operation_aborted`; an action
/// already received by the server may still take effect.
class WebApiClient {
public:
    /// The executor handlers run on by default.
    using executor_type = boost::asio::any_io_executor;

    /// A client with `cfg`; checked by each request (`invalid_config`).
    WebApiClient(executor_type ex, WebApiConfig cfg) : core_(detail::make_web_core(ex, std::move(cfg))), ex_(ex) {}

    /// The executor given at construction.
    executor_type get_executor() const { return ex_; }

    /// Sends a typed action: any RTM action of the version that the Web API has too (e.g.
    /// `v3_6::SendEvent`), or a Web-only one (v3_6/web.hpp). Handler:
    /// `void(error_code, typename Action::response)`.
    template <class Action, class Token = boost::asio::deferred_t>
    auto async_execute(typename Action::request req, Token&& token = {})
    {
        return execute<Action>(std::move(req), nullptr, std::forward<Token>(token));
    }
    /// As above, with the server's error text (or the bad field) in `diag` (it must outlive the call).
    template <class Action, class Token = boost::asio::deferred_t>
    auto async_execute(typename Action::request req, Diagnostics& diag, Token&& token = {})
    {
        return execute<Action>(std::move(req), &diag, std::forward<Token>(token));
    }

    /// Sends `action` with a JSON object `payload` (POST). Handler: `void(error_code, json)`:
    /// the response payload, or on a server error the body holding `error`.
    template <class Json = nlohmann::json, class Token = boost::asio::deferred_t>
    auto async_call(std::string action, Json payload, Token&& token = {})
    {
        return boost::asio::async_initiate<Token, void(error_code, Json)>(
            [core = core_](auto handler, std::string action, Json payload) {
                using Adapter = rtm::detail::ReplyAdapter<Json, rtm::detail::RawDecode, decltype(handler)>;
                rtm::detail::RequestWriter writer{&payload,
                    [](nlohmann::json& out, const void* p, Diagnostics&) -> error_code {
                        out = *static_cast<const Json*>(p);
                        return {};
                    }};
                detail::start_web_request(core, action, false, writer, nullptr, Adapter{std::move(handler), nullptr});
            },
            token, std::move(action), std::move(payload));
    }

    /// Uploads a file (`upload_file`, multipart). A file over 10 MB fails at once with
    /// `entity_too_large` (nothing sent); the server refuses executables (`validation`).
    /// `progress` (optional) reports the bytes sent. Handler: `void(error_code, UploadedFile)`.
    template <class Token = boost::asio::deferred_t>
    auto async_upload_file(UploadFile file, UploadProgress progress = {}, Token&& token = {})
    {
        return upload(std::move(file), std::move(progress), nullptr, std::forward<Token>(token));
    }
    /// As above, with the server's error text in `diag` (it must outlive the call).
    template <class Token = boost::asio::deferred_t>
    auto async_upload_file(UploadFile file, UploadProgress progress, Diagnostics& diag, Token&& token = {})
    {
        return upload(std::move(file), std::move(progress), &diag, std::forward<Token>(token));
    }

private:
    template <class Action, class Token>
    auto execute(typename Action::request req, Diagnostics* diag, Token&& token)
    {
        using Response = typename Action::response;
        return boost::asio::async_initiate<Token, void(error_code, Response)>(
            [core = core_, req = std::move(req), diag](auto handler) {
                using Adapter = rtm::detail::ReplyAdapter<Response, rtm::detail::TypedDecode, decltype(handler)>;
                detail::start_web_request(core, Action::name, detail::uses_get<Action>::value,
                    rtm::detail::writer_for(req), diag, Adapter{std::move(handler), diag});
            },
            token);
    }

    template <class Token>
    auto upload(UploadFile file, UploadProgress progress, Diagnostics* diag, Token&& token)
    {
        return boost::asio::async_initiate<Token, void(error_code, UploadedFile)>(
            [core = core_, diag](auto handler, UploadFile file, UploadProgress progress) {
                detail::start_upload(core, std::move(file), std::move(progress), diag, std::move(handler));
            },
            token, std::move(file), std::move(progress));
    }

    std::shared_ptr<detail::WebCore> core_;
    executor_type ex_;
};

} // namespace livechat::rtm::web

#endif
