// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_FRAME_CODEC_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_FRAME_CODEC_IPP

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/impl/internal/utf8.hpp>

#include <charconv>
#include <cstdint>

namespace livechat::rtm::detail {

LIVECHAT_RTM_DECL void append_json_string(std::string& out, std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto start = out.size();
    const auto* copied = p; // the bytes before it are in `out`
    auto copy_up_to = [&](const unsigned char* q) { out.append(reinterpret_cast<const char*>(copied), std::size_t(q - copied)); };
    out += '"';
    while (p != end) {
        unsigned char c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            auto n = utf8_sequence_length(p, end);
            if (n == 0) { // ill-formed: the library's own rules for what replaces what
                out.resize(start);
                out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            p += n;
            continue;
        }
        copy_up_to(p);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: { // the other control characters, as the library writes them
            constexpr char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
        copied = ++p;
    }
    copy_up_to(end);
    out += '"';
}

LIVECHAT_RTM_DECL void append_json(std::string& out, const nlohmann::json& value)
{
    using type = nlohmann::json::value_t;
    auto number = [&out](auto n) {
        char digits[24];
        auto [last, ec] = std::to_chars(digits, digits + sizeof digits, n);
        out.append(digits, std::size_t(last - digits));
    };
    switch (value.type()) {
    case type::object: {
        out += '{';
        for (auto it = value.cbegin(); it != value.cend(); ++it) {
            if (it != value.cbegin())
                out += ',';
            append_json_string(out, it.key());
            out += ':';
            append_json(out, it.value());
        }
        out += '}';
        return;
    }
    case type::array: {
        out += '[';
        for (auto it = value.cbegin(); it != value.cend(); ++it) {
            if (it != value.cbegin())
                out += ',';
            append_json(out, *it);
        }
        out += ']';
        return;
    }
    case type::string:
        return append_json_string(out, value.get_ref<const std::string&>());
    case type::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case type::number_integer:
        return number(value.get<std::int64_t>());
    case type::number_unsigned:
        return number(value.get<std::uint64_t>());
    case type::null:
        out += "null";
        return;
    default: // floating point (its shortest round-trip form), binary, discarded
        out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

LIVECHAT_RTM_DECL std::string encode_request(std::string_view action, std::string_view request_id,
    const nlohmann::json& payload, std::string_view version, std::string_view extra_members)
{
    // Build the envelope by hand so the payload is serialized in place: one string, no copy.
    std::string out;
    out.reserve(256 + action.size() + request_id.size());
    out += "{\"action\":";
    append_json_string(out, action);
    if (!request_id.empty()) {
        out += ",\"request_id\":";
        append_json_string(out, request_id);
    }
    if (!version.empty()) {
        out += ",\"version\":";
        append_json_string(out, version);
    }
    out += ",\"payload\":";
    if (payload.is_null()) {
        out += "{}";
    } else {
        append_json(out, payload);
    }
    if (!extra_members.empty() && out.back() == '}') { // reopen the payload's object
        out.pop_back();
        if (out.back() != '{')
            out += ',';
        out += extra_members;
        out += '}';
    }
    out += '}';
    return out;
}

inline error_code malformed(Diagnostics& diag, const char* why)
{
    diag.client_message = why;
    return error::malformed_frame;
}

LIVECHAT_RTM_DECL error_code decode_frame(std::string_view text, Frame& out, Diagnostics& diag)
{
    // Keys as string_views: with a `const char*` key every comparison of the object's lookup
    // measures the key again (strlen), for every frame.
    using namespace std::string_view_literals;
    out.type = FrameType::push;
    out.action.clear();
    out.request_id.reset();
    out.version.reset();
    out.success = false;
    out.payload = nullptr;
    bool too_deep = false;
    auto doc = parse_json_bounded(text, max_json_nesting, too_deep);
    if (doc.is_discarded())
        return malformed(diag, "frame is not valid JSON");
    if (!doc.is_object())
        return malformed(diag, "frame is not a JSON object");

    // Read request_id first: even a broken response should fail its pending request.
    if (auto it = doc.find("request_id"sv); it != doc.end()) {
        if (it->is_string())
            out.request_id = it->get_ref<const std::string&>();
        else if (!it->is_null())
            return malformed(diag, "request_id is not a string");
    }

    auto type = doc.find("type"sv);
    if (type == doc.end() || !type->is_string())
        return malformed(diag, "frame has no string 'type'");
    const auto& type_name = type->get_ref<const std::string&>();
    if (type_name == "response"sv)
        out.type = FrameType::response;
    else if (type_name == "push"sv)
        out.type = FrameType::push;
    else
        return malformed(diag, "frame 'type' is neither \"response\" nor \"push\"");
    if (too_deep) { // type and request_id are known: a response still fails its request
        diag.client_message = "frame nests arrays and objects deeper than " +
                              std::to_string(max_json_nesting) + " levels";
        return error::nesting_too_deep;
    }

    auto action = doc.find("action"sv);
    if (action == doc.end() || !action->is_string())
        return malformed(diag, "frame has no string 'action'");
    out.action = std::move(action->get_ref<std::string&>());

    if (out.type == FrameType::response) {
        auto success = doc.find("success"sv);
        if (success == doc.end() || !success->is_boolean())
            return malformed(diag, "response has no boolean 'success'");
        out.success = success->get<bool>();
    }

    // RTM 3.6: the version the payload is formatted in. Informational: a wrong type is ignored.
    if (auto version = doc.find("version"sv); version != doc.end() && version->is_string())
        out.version = std::move(version->get_ref<std::string&>());

    // RTM: payload may be absent or empty when a method has no response payload.
    if (auto payload = doc.find("payload"sv); payload != doc.end() && !payload->is_null()) {
        if (!payload->is_object())
            return malformed(diag, "frame 'payload' is not an object");
        out.payload = std::move(*payload);
    } else {
        out.payload = nlohmann::json::object();
    }
    return {};
}

LIVECHAT_RTM_DECL error_code decode_server_error(const nlohmann::json& payload, Diagnostics& diag)
{
    auto err = payload.find("error");
    if (err == payload.end() || !err->is_object())
        return malformed(diag, "failed response has no 'error' object");
    auto type = err->find("type");
    if (type == err->end() || !type->is_string())
        return malformed(diag, "failed response has no string 'error.type'");
    diag.server_type = type->get<std::string>();
    if (auto msg = err->find("message"); msg != err->end() && msg->is_string())
        diag.server_message = msg->get<std::string>();
    if (auto data = err->find("data"); data != err->end() && !data->is_null())
        diag.server_data = data->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return error_from_server_type(diag.server_type);
}

} // namespace livechat::rtm::detail

#endif
