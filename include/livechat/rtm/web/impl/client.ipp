// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_WEB_IMPL_CLIENT_IPP
#define LIVECHAT_RTM_WEB_IMPL_CLIENT_IPP

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/impl/internal/http_client.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/web/client.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/any_completion_executor.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

namespace livechat::rtm::web {

LIVECHAT_RTM_DECL UploadFile UploadFile::from_path(const std::string& path, error_code& ec)
{
    UploadFile file;
    ec.clear();
    auto slash = path.find_last_of("/\\");
    file.name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        ec = error_code(errno ? errno : ENOENT, boost::system::generic_category());
        return file;
    }
    auto size = static_cast<std::uint64_t>(in.tellg());
    if (size > max_upload_size) {
        ec = rtm::error::entity_too_large;
        return file;
    }
    file.data.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(file.data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size)
        ec = error_code(EIO, boost::system::generic_category());
    return file;
}

namespace detail {

namespace asio = boost::asio;
using json = nlohmann::json;
namespace rd = rtm::detail;

class WebCore {
public:
    WebCore(asio::any_io_executor ex, WebApiConfig cfg) : ex(ex), cfg(std::move(cfg)) {}
    asio::any_io_executor ex;
    WebApiConfig cfg;
};

/// Percent-encodes a query value.
inline std::string url_encode(std::string_view v)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : v) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// A file name safe inside a quoted multipart header: its last path component, without
/// quotes, backslashes and control characters; "file" when nothing is left.
inline std::string safe_file_name(std::string_view name)
{
    if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (unsigned char c : name)
        if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\')
            out += static_cast<char>(c);
    if (out.size() > 255)
        out.resize(255);
    return out.empty() ? "file" : out;
}

/// The error of a Web API answer that is not a success (customer-chat-api: `error` {type,
/// message, data}); named from the status when the body has no readable one.
inline error_code web_error(const rd::HttpResponse& res, const json& body, Diagnostics& diag)
{
    if (body.is_object()) {
        auto err = body.find("error");
        if (err != body.end() && err->is_object()) {
            auto type = err->find("type");
            if (type != err->end() && type->is_string()) {
                diag.server_type = type->get<std::string>().substr(0, 256);
                if (auto m = err->find("message"); m != err->end() && m->is_string())
                    diag.server_message = m->get<std::string>().substr(0, 512);
                if (auto d = err->find("data"); d != err->end())
                    diag.server_data = d->dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 512);
                return rtm::error_from_server_type(diag.server_type);
            }
        }
    }
    diag.client_message = "HTTP status " + std::to_string(res.status);
    switch (res.status) {
    case 401: return rtm::error::authentication;
    case 403: return rtm::error::authorization;
    case 404: return rtm::error::not_found;
    case 413: return rtm::error::entity_too_large;
    case 429: return rtm::error::too_many_requests;
    default: break;
    }
    if (res.status >= 300 && res.status < 400)
        return accounts::error::redirect_refused;
    return res.status >= 500 ? rtm::error::service_unavailable : rtm::error::server_other;
}

/// One Web API request from its token to its last byte: asks the provider, sends, and once
/// repeats with a new token when the API answers `authentication`.
class WebOp : public std::enable_shared_from_this<WebOp> {
public:
    using Done = std::function<void(error_code, std::shared_ptr<const json>)>;

    WebOp(std::shared_ptr<WebCore> core, rd::Endpoint endpoint, std::string action, rd::HttpRequest request,
        bool upload, UploadProgress progress, Diagnostics* diag)
        : core_(std::move(core)), endpoint_(std::move(endpoint)), action_(std::move(action)),
          request_(std::move(request)), upload_(upload), progress_(std::move(progress)), diag_(diag)
    {
    }

    /// Starts; `done` runs once, through `hex`, unless cancelled through `slot` first.
    void start(asio::any_completion_executor hex, asio::cancellation_slot slot, Done done)
    {
        hex_ = hex;
        done_ = std::move(done);
        if (slot.is_connected()) {
            slot_ = slot;
            slot.assign([w = weak_from_this()](asio::cancellation_type type) {
                if (type == asio::cancellation_type::none)
                    return;
                if (auto self = w.lock())
                    asio::post(self->core_->ex, [self] { self->cancel(); });
            });
        }
        ask_token(TokenReason::first_login);
    }

private:
    void ask_token(TokenReason why)
    {
        // The provider answers exactly once; until then it keeps the operation alive.
        core_->cfg.token_provider(why, [self = shared_from_this()](error_code ec, std::string token) {
            asio::post(self->core_->ex, [self, ec, token = std::move(token)]() mutable { self->on_token(ec, std::move(token)); });
        });
    }

    void on_token(error_code ec, std::string token)
    {
        if (finished_)
            return;
        if (ec || token.empty()) {
            scratch_.client_message = ec ? "token provider failed: " + ec.message() : "token provider gave no token";
            return finish(rtm::error::token_provider_failed, nullptr);
        }
        secrets_ = rd::secret_forms(token);
        auto request = request_;
        request.headers.emplace_back("Authorization", "Bearer " + token);
        if (core_->cfg.region_header)
            if (auto colon = token.find(':'); colon != std::string::npos && colon > 0 && colon <= 16)
                request.headers.emplace_back("X-Region", token.substr(0, colon));
        send(std::move(request));
    }

    void send(rd::HttpRequest request)
    {
        const auto& cfg = core_->cfg;
        std::shared_ptr<asio::ssl::context> tls;
        if (endpoint_.tls) {
            error_code ec;
            tls = rd::http_tls_context(cfg.tls, ec);
            if (ec)
                return finish(ec, nullptr);
        }
        rd::HttpLimits limits;
        limits.timeout = upload_ ? cfg.upload_timeout : cfg.timeout;
        limits.max_body_size = cfg.max_response_size;
        if (cfg.trace)
            cfg.trace(request.method + " " + action_ + " (" + std::to_string(request.body.size()) + " bytes)");
        rd::HttpProgress progress;
        if (progress_)
            progress = [p = progress_](std::uint64_t sent, std::uint64_t total) { p(sent, total); };
        in_flight_ = true;
        rd::start_http(core_->ex, std::move(tls), cfg.tls.verify_peer, endpoint_, std::move(request), limits, cfg.user_agent,
            std::move(progress),
            asio::bind_cancellation_slot(http_cancel_.slot(),
                [self = shared_from_this()](error_code ec, rd::HttpResponse res) { self->on_response(ec, std::move(res)); }));
    }

    void on_response(error_code ec, rd::HttpResponse res)
    {
        in_flight_ = false;
        if (finished_)
            return;
        if (core_->cfg.trace)
            core_->cfg.trace(action_ + " -> " + (res.status ? std::to_string(res.status) : std::string("no response")) +
                             (ec ? ": " + ec.message() : std::string()));
        if (ec) {
            scratch_.client_message = action_ + ": " + ec.message();
            return finish(ec, nullptr);
        }
        bool too_deep = false;
        auto body = rd::parse_json_bounded(res.body.empty() ? std::string_view("{}") : std::string_view(res.body),
            max_json_nesting, too_deep);
        if (res.status < 200 || res.status >= 300) {
            auto err = web_error(res, body, scratch_);
            // A refused token: one more try with a new one.
            if (err == rtm::error::authentication && !retried_) {
                retried_ = true;
                scratch_.clear();
                return ask_token(TokenReason::token_rejected);
            }
            return finish(err, body.is_object() ? std::make_shared<const json>(std::move(body)) : nullptr);
        }
        if (!body.is_object()) {
            scratch_.client_message = too_deep ? "the response nests too deeply" : "the response is not a JSON object";
            return finish(rtm::error::malformed_payload, nullptr);
        }
        finish({}, std::make_shared<const json>(std::move(body)));
    }

    void cancel()
    {
        if (finished_)
            return;
        if (in_flight_)
            return http_cancel_.emit(asio::cancellation_type::terminal); // the answer finishes it
        finish(asio::error::operation_aborted, nullptr);
    }

    void finish(error_code ec, std::shared_ptr<const json> payload)
    {
        if (finished_)
            return;
        finished_ = true;
        for (auto* text : {&scratch_.server_type, &scratch_.server_message, &scratch_.server_data, &scratch_.client_message})
            rd::redact_in_place(*text, secrets_);
        if (diag_)
            *diag_ = scratch_;
        if (slot_.is_connected())
            slot_.clear();
        asio::post(core_->ex, asio::bind_executor(hex_, [done = std::move(done_), ec, payload = std::move(payload)] {
            done(ec, payload);
        }));
    }

    std::shared_ptr<WebCore> core_;
    rd::Endpoint endpoint_; ///< the API's host, checked once by action_target
    std::string action_;
    rd::HttpRequest request_;
    bool upload_;
    UploadProgress progress_;
    Diagnostics* diag_;
    Diagnostics scratch_;
    std::vector<std::string> secrets_;
    asio::any_completion_executor hex_;
    asio::cancellation_slot slot_;
    asio::cancellation_signal http_cancel_;
    Done done_;
    bool in_flight_ = false;
    bool retried_ = false;
    bool finished_ = false;
};

/// Checks the settings, fills in the API's endpoint and builds the request's path and query;
/// empty `problem` on success.
inline std::string action_target(const WebApiConfig& cfg, std::string_view action, rd::Endpoint& endpoint,
    std::string& problem)
{
    auto ep = rd::parse_http_url(cfg.url.empty() ? "https://" + cfg.host : cfg.url);
    if (!ep)
        return problem = "url must be an https:// URL", std::string();
    if (!ep->tls && !rd::is_loopback_host(ep->host))
        return problem = "url: plain http is allowed only to a loopback host", std::string();
    if (!cfg.token_provider)
        return problem = "token_provider is required", std::string();
    auto version = rd::parse_api_version(cfg.api_version);
    if (!version || *version < std::make_pair(3u, 0u) || *version > std::make_pair(3u, 6u))
        return problem = "api_version must be 3.0 to 3.6", std::string();
    endpoint = *ep;
    std::string path = ep->target.substr(0, ep->target.find('?'));
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    path += "/v" + cfg.api_version + "/customer/action/" + std::string(action);
    if (*version >= std::make_pair(3u, 4u)) {
        if (cfg.organization_id.empty())
            return problem = "organization_id is required (API 3.4 and later)", std::string();
        return path + "?organization_id=" + url_encode(cfg.organization_id);
    }
    if (cfg.license_id == 0)
        return problem = "license_id is required (API before 3.4)", std::string();
    return path + "?license_id=" + std::to_string(cfg.license_id);
}

/// Runs `op` and hands its outcome to `handler` (a ReplyHandler or an UploadHandler).
template <class Handler, class Convert>
void run_op(const std::shared_ptr<WebOp>& op, const std::shared_ptr<WebCore>& core, Handler handler, Convert convert)
{
    auto hex = asio::get_associated_executor(handler, core->ex);
    auto slot = asio::get_associated_cancellation_slot(handler);
    auto shared = std::make_shared<Handler>(std::move(handler));
    op->start(hex, slot, [shared, convert](error_code ec, std::shared_ptr<const json> payload) {
        convert(std::move(*shared), ec, std::move(payload));
    });
}

/// Fails a request before anything is sent.
template <class Handler, class... Args>
void fail_now(const std::shared_ptr<WebCore>& core, Handler handler, Diagnostics* diag, error_code ec, std::string why, Args... empty)
{
    if (diag) {
        diag->clear();
        diag->client_message = std::move(why);
    }
    auto hex = asio::get_associated_executor(handler, core->ex);
    asio::post(core->ex, asio::bind_executor(hex, [h = std::move(handler), ec, empty...]() mutable { std::move(h)(ec, empty...); }));
}

LIVECHAT_RTM_DECL std::shared_ptr<WebCore> make_web_core(asio::any_io_executor ex, WebApiConfig cfg)
{
    return std::make_shared<WebCore>(ex, std::move(cfg));
}

LIVECHAT_RTM_DECL void start_web_request(const std::shared_ptr<WebCore>& core, std::string_view action, bool get,
    rd::RequestWriter writer, Diagnostics* diag, rd::ReplyHandler handler)
{
    std::string problem;
    rd::Endpoint endpoint;
    auto target = action_target(core->cfg, action, endpoint, problem);
    if (!problem.empty())
        return fail_now(core, std::move(handler), diag, accounts::error::invalid_config, std::move(problem), rd::Reply{});
    json payload = json::object();
    Diagnostics scratch;
    if (auto ec = writer.write(payload, writer.object, diag ? *diag : scratch)) // before anything is sent
        return fail_now(core, std::move(handler), nullptr, ec, {}, rd::Reply{});
    if (!payload.is_object())
        payload = json::object();
    rd::HttpRequest req;
    if (get) {
        req.method = "GET";
        for (auto& [key, value] : payload.items()) {
            if (value.is_null() || value.is_object() || value.is_array())
                continue;
            target += "&" + url_encode(key) + "=" +
                      url_encode(value.is_string() ? value.get<std::string>() : value.dump());
        }
    } else {
        // methods.md section 4: 3.0 wraps the parameters in "payload"; later versions take them as they are.
        if (core->cfg.api_version == "3.0")
            payload = json{{"payload", std::move(payload)}};
        req.method = "POST";
        req.headers.emplace_back("Content-Type", "application/json");
        req.body = payload.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    req.target = std::move(target);
    auto op = std::make_shared<WebOp>(core, std::move(endpoint), std::string(action), std::move(req), false, UploadProgress{}, diag);
    run_op(op, core, std::move(handler), [](rd::ReplyHandler h, error_code ec, std::shared_ptr<const json> payload) {
        std::move(h)(ec, rd::Reply{std::move(payload)});
    });
}

LIVECHAT_RTM_DECL void start_upload(const std::shared_ptr<WebCore>& core, UploadFile file, UploadProgress progress,
    Diagnostics* diag, UploadHandler handler)
{
    std::string problem;
    rd::Endpoint endpoint;
    auto target = action_target(core->cfg, "upload_file", endpoint, problem);
    if (!problem.empty())
        return fail_now(core, std::move(handler), diag, accounts::error::invalid_config, std::move(problem), UploadedFile{});
    if (file.data.size() > max_upload_size)
        return fail_now(core, std::move(handler), diag, rtm::error::entity_too_large,
            "the file has " + std::to_string(file.data.size()) + " bytes; upload_file takes at most 10 MB", UploadedFile{});
    std::random_device rd;
    std::string boundary = "livechat-rtm-" + std::to_string(rd()) + std::to_string(rd());
    // methods.md section 4: the part is `payload.file` in 3.0, `file` since.
    std::string field = core->cfg.api_version == "3.0" ? "payload.file" : "file";
    std::string content_type = file.content_type;
    content_type.erase(std::remove_if(content_type.begin(), content_type.end(),
                           [](unsigned char c) { return c < 0x20 || c == 0x7f; }),
        content_type.end());
    rd::HttpRequest req;
    req.method = "POST";
    req.target = std::move(target);
    req.headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
    req.body.reserve(file.data.size() + 512);
    req.body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" +
                safe_file_name(file.name) + "\"\r\nContent-Type: " +
                (content_type.empty() ? std::string("application/octet-stream") : content_type) + "\r\n\r\n";
    // Progress counts the file's bytes, not the multipart framing around them.
    if (progress)
        progress = [p = std::move(progress), head = req.body.size(), size = file.data.size()](std::uint64_t sent, std::uint64_t) {
            p(std::min<std::uint64_t>(sent > head ? sent - head : 0, size), size);
        };
    req.body += file.data;
    req.body += "\r\n--" + boundary + "--\r\n";
    file.data.clear();
    file.data.shrink_to_fit();
    auto op = std::make_shared<WebOp>(core, std::move(endpoint), "upload_file", std::move(req), true, std::move(progress), diag);
    run_op(op, core, std::move(handler), [diag](UploadHandler h, error_code ec, std::shared_ptr<const json> payload) {
        UploadedFile out;
        if (!ec && payload) {
            auto url = payload->find("url");
            if (url != payload->end() && url->is_string() && !url->get<std::string>().empty())
                out.url = url->get<std::string>();
            else {
                ec = rtm::error::malformed_payload;
                if (diag)
                    diag->client_message = "payload.url must be a non-empty string";
            }
        }
        std::move(h)(ec, std::move(out));
    });
}

} // namespace detail
} // namespace livechat::rtm::web

#endif
