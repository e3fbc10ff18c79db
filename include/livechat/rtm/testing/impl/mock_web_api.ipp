// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_WEB_API_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_WEB_API_IPP

// The mock's Customer Chat Web API (methods.md section 4, v3.6.md section 2): HTTP requests on
// the RTM port, `/v3.x/customer/action/<action>`. RTM methods run on the same service memory;
// the Web-only ones answer from here.

#include <livechat/rtm/testing/impl/mock_server_core.ipp>

#include <algorithm>
#include <cctype>

namespace livechat::rtm::testing::detail {

/// The documented upload limit (10 MB).
inline constexpr std::size_t max_upload_size = 10 * 1024 * 1024;

inline WebReply web_error(unsigned status, const char* type, const std::string& message)
{
    return WebReply{status, json{{"error", {{"type", type}, {"message", message}}}}.dump()};
}

/// The HTTP status the Web API answers an error type with.
inline unsigned web_status(std::string_view type)
{
    if (type == "authentication")
        return 401;
    if (type == "authorization")
        return 403;
    if (type == "not_found" || type == "chat_inactive")
        return 404;
    if (type == "entity_too_large")
        return 413;
    if (type == "too_many_requests")
        return 429;
    if (type == "internal" || type == "service_unavailable")
        return 500;
    return 400;
}

/// One part of a multipart/form-data body.
struct FormPart {
    std::string name, filename, content_type;
    std::string_view data;
};

/// The value of `key="..."` in a header line, or empty.
inline std::string quoted_param(std::string_view header, std::string_view key)
{
    auto at = header.find(std::string(key) + "=\"");
    if (at == std::string_view::npos)
        return {};
    auto start = at + key.size() + 2;
    auto end = header.find('"', start);
    return end == std::string_view::npos ? std::string() : std::string(header.substr(start, end - start));
}

/// Splits a multipart/form-data body; empty when it is not one.
inline std::vector<FormPart> form_parts(std::string_view content_type, std::string_view body)
{
    std::vector<FormPart> parts;
    auto b = content_type.find("boundary=");
    if (content_type.substr(0, 19) != "multipart/form-data" || b == std::string_view::npos)
        return parts;
    std::string boundary(content_type.substr(b + 9));
    if (auto semi = boundary.find(';'); semi != std::string::npos)
        boundary.resize(semi);
    if (boundary.size() >= 2 && boundary.front() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    std::string delimiter = "--" + boundary;
    auto at = body.find(delimiter);
    while (at != std::string_view::npos) {
        auto start = at + delimiter.size();
        if (body.substr(start, 2) == "--")
            break; // the closing delimiter
        start += 2; // CRLF
        auto head_end = body.find("\r\n\r\n", start);
        auto next = body.find("\r\n" + delimiter, start);
        if (head_end == std::string_view::npos || next == std::string_view::npos || head_end > next)
            break;
        auto head = body.substr(start, head_end - start);
        FormPart part;
        part.name = quoted_param(head, "name");
        part.filename = quoted_param(head, "filename");
        if (auto ct = head.find("Content-Type:"); ct != std::string_view::npos) {
            auto line = head.substr(ct + 13, head.find("\r\n", ct) - ct - 13);
            while (!line.empty() && line.front() == ' ')
                line.remove_prefix(1);
            part.content_type = std::string(line);
        }
        part.data = body.substr(head_end + 4, next - head_end - 4);
        parts.push_back(std::move(part));
        at = next + 2;
    }
    return parts;
}

/// Executables the 3.6 Web API refuses, by extension.
inline bool is_executable_name(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* ext : {".exe", ".bat", ".cmd", ".com", ".msi", ".scr", ".dll", ".ps1", ".vbs", ".jar", ".sh", ".app"})
        if (name.size() > std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return true;
    return false;
}

/// `%XX` escapes (and `+`) decoded; a broken escape is kept as it is.
inline std::string percent_decoded(std::string_view v)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
            out += static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2]));
            i += 2;
        } else {
            out += v[i] == '+' ? ' ' : v[i];
        }
    }
    return out;
}

/// The query parameter `key` of `target`, or empty.
inline std::string query_param(std::string_view target, std::string_view key)
{
    auto q = target.find('?');
    if (q == std::string_view::npos)
        return {};
    auto query = target.substr(q + 1);
    while (!query.empty()) {
        auto amp = query.find('&');
        auto pair = query.substr(0, amp);
        if (auto eq = pair.find('='); eq != std::string_view::npos && pair.substr(0, eq) == key)
            return percent_decoded(pair.substr(eq + 1));
        if (amp == std::string_view::npos)
            break;
        query.remove_prefix(amp + 1);
    }
    return {};
}

inline WebReply MockServerCore::on_http(Connection& c, const WebRequest& req)
{
    std::string target(req.target());
    auto path = std::string_view(target).substr(0, target.find('?'));
    constexpr std::string_view marker = "/customer/action/";
    auto at = path.find(marker);
    auto version = rtm::detail::url_api_version(path);
    if (at == std::string_view::npos || version.empty())
        return web_error(404, "not_found", "no such endpoint");
    std::string action(path.substr(at + marker.size()));
    auto& service = service_for(c);
    if (!service.accepts(target))
        return web_error(400, "license_not_found", "organization_id is required (license_id in 3.0)");

    // Authorization: Bearer <token>, checked as at RTM login.
    std::string auth(req[beast::http::field::authorization]);
    if (cfg.issued_tokens) {
        constexpr std::string_view bearer = "Bearer ";
        IssuedTokens::Entry entry;
        auto status = auth.substr(0, bearer.size()) == bearer
                          ? cfg.issued_tokens->check(std::string_view(auth).substr(bearer.size()), &entry)
                          : IssuedTokens::Status::unknown;
        if (status == IssuedTokens::Status::valid)
            service.state().set_customer_id(entry.entity_id);
        else if (status != IssuedTokens::Status::unknown || !cfg.accept_unissued_tokens || !cfg.accept_token(auth))
            return web_error(401, "authentication", "Invalid access token");
    } else if (!cfg.accept_token(auth)) {
        return web_error(401, "authentication", "Invalid access token");
    }

    // The parameters: a JSON body (3.0 may wrap them in "payload"), or a query for GETs.
    json payload = json::object();
    std::string content_type(req[beast::http::field::content_type]);
    bool multipart = content_type.rfind("multipart/form-data", 0) == 0;
    if (!multipart && !req.body().empty()) {
        bool too_deep = false;
        payload = rtm::detail::parse_json_bounded(req.body(), max_json_nesting, too_deep);
        if (!payload.is_object())
            return web_error(400, "validation", "the body must be a JSON object");
        if (service.version().empty() && payload.contains("payload") && payload["payload"].is_object())
            payload = json(payload["payload"]);
    }
    for (const char* key : {"group_id", "url", "channel_type", "test", "version", "language", "id", "namespace", "name"})
        if (auto v = query_param(target, key); !v.empty() && !payload.contains(key)) {
            // A query carries text only: numbers and booleans are read back as such.
            auto typed = json::parse(v, nullptr, false);
            payload[key] = typed.is_number() || typed.is_boolean() ? typed : json(v);
        }

    ++counts[action];
    if (cfg.record_requests)
        received.push_back(ReceivedRequest{c.id, action, {}, multipart ? std::string("{}") : payload.dump(),
            std::string(version)});

    if (action == "upload_file") {
        auto parts = form_parts(content_type, req.body());
        auto file = std::find_if(parts.begin(), parts.end(), [](const FormPart& p) {
            return p.name == "file" || p.name == "payload.file"; // 3.6 / 3.0 names, both accepted
        });
        if (file == parts.end())
            return web_error(400, "validation", "a multipart part named 'file' is required");
        if (file->data.size() > max_upload_size)
            return web_error(413, "entity_too_large", "files are limited to 10 MB");
        if (is_executable_name(file->filename))
            return web_error(400, "validation", "executable files are not accepted");
        std::string url = "https://cdn.livechat-files.com/api/file/lc/att/mock/" + std::to_string(uploads.size() + 1) +
                          "/" + (file->filename.empty() ? std::string("file") : file->filename);
        uploads.push_back(MockUpload{file->filename, file->content_type, file->data.size(), url});
        return WebReply{200, json{{"url", url}}.dump()};
    }
    auto need = [&](std::initializer_list<const char*> keys) -> std::string {
        for (const char* k : keys)
            if (!payload.contains(k))
                return std::string(k) + " is required";
        return {};
    };
    if (action == "get_dynamic_configuration")
        return WebReply{200, json{{"group_id", payload.value("group_id", json(0))}, {"client_limit_exceeded", false},
                                  {"domain_allowed", true}, {"config_version", "mock.1"},
                                  {"localization_version", "mock.1"}, {"language", "en"}}.dump()};
    if (action == "get_configuration")
        return WebReply{200, json{{"buttons", json::array()}, {"ticket_form", {{"id", "ticket"}, {"fields", json::array()}}},
                                  {"integrations", json::object()}, {"allowed_domains", json::array()},
                                  {"properties", {{"license", json::object()}, {"group", json::object()}}}}.dump()};
    if (action == "get_localization")
        return WebReply{200, json{{"Agents_currently_not_available", "Our agents are not available right now."},
                                  {"Chat_now", "Chat now"}}.dump()};
    if (action == "list_license_properties" || action == "list_group_properties") {
        if (action == "list_group_properties")
            if (auto missing = need({"id"}); !missing.empty())
                return web_error(400, "validation", missing);
        json all = {{"mock", {{"greeting", "Hello"}, {"max_wait", 30}}}, {"other", {{"flag", true}}}};
        // A namespace is a string; a query's digits or `true` arrive read as a number or a boolean.
        std::string ns;
        if (auto it = payload.find("namespace"); it != payload.end() && it->is_string())
            ns = it->get<std::string>();
        else if (it != payload.end() && (it->is_number() || it->is_boolean()))
            ns = it->dump();
        else if (it != payload.end())
            return web_error(400, "validation", "namespace must be a string");
        if (!ns.empty())
            all = all.contains(ns) ? json{{ns, all[ns]}} : json::object();
        return WebReply{200, all.dump()};
    }
    if (action == "check_goals") {
        if (auto missing = need({"page_url", "group_id"}); !missing.empty())
            return web_error(400, "validation", missing);
        return WebReply{200, "{}"};
    }
    if (action == "request_email_verification") {
        if (auto missing = need({"callback_uri"}); !missing.empty())
            return web_error(400, "validation", missing);
        return WebReply{200, "{}"};
    }
    if (action == service.login_action() || action == service.ping_action())
        return web_error(404, "not_found", "RTM only");
    auto outcome = service.handle(action, payload);
    broadcast(outcome.pushes, nullptr, {}, service);
    if (outcome.success)
        return WebReply{200, outcome.payload.dump()};
    auto type = outcome.payload.contains("error") ? outcome.payload["error"].value("type", std::string("internal"))
                                                  : std::string("internal");
    return WebReply{web_status(type), outcome.payload.dump()};
}

} // namespace livechat::rtm::testing::detail

namespace livechat::rtm::testing {

std::string MockServer::web_url() const
{
    return std::string(impl_->cfg.tls ? "https://" : "http://") + impl_->cfg.address + ":" + std::to_string(port());
}

const std::vector<MockUpload>& MockServer::uploads() const { return impl_->uploads; }

} // namespace livechat::rtm::testing

#endif
