// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_FRAME_CODEC_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_FRAME_CODEC_HPP

// Sans-io JSON envelope codec: no sockets, no clocks, no exceptions out.

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm::detail {

enum class FrameType { response, push };

/// One inbound frame, routed on `type` (never on the presence of `request_id`: a push caused
/// by our own request carries our `request_id` too).
struct Frame {
    FrameType type = FrameType::push;
    std::string action;
    std::optional<std::string> request_id;
    bool success = false; ///< responses only
    /// The API version the payload is formatted in (3.6 pushes carry it; empty when absent).
    std::optional<std::string> version;
    /// An object after a successful decode_frame (empty when the frame had none). Null until
    /// then: constructing a Frame allocates nothing, it is made for every inbound frame.
    nlohmann::json payload;
};

/// Appends `value` as compact JSON: the same text as `value.dump(-1, ' ', false,
/// nlohmann::json::error_handler_t::replace)`. Strings, integers, objects and arrays (what a
/// request is made of) are written here; the JSON library's serializer, which walks every
/// byte of a string through its UTF-8 automaton, cost a sixth of a typed round trip's
/// instructions (callgrind, bench/). Floating-point numbers still go through the library, so
/// that they read the same.
LIVECHAT_RTM_DECL void append_json(std::string& out, const nlohmann::json& value);

/// Appends `s` as a JSON string, as append_json would a string value: `"`, `\` and control
/// characters escaped, well-formed UTF-8 copied as it is; ill-formed UTF-8 (overlong forms,
/// surrogates, truncated sequences) goes through the library's replacement rules (U+FFFD).
LIVECHAT_RTM_DECL void append_json_string(std::string& out, std::string_view s);

/// Serializes `{"action":..,"request_id":..,"payload":..}`. An empty `request_id` is left out.
/// `payload` must be an object or null (null is sent as `{}`). A non-empty `version` (3.6:
/// run this request under that API version) is sent as the envelope's `version`. A non-empty
/// `extra_members` (serialized `"name":value` pairs the payload does not have) is added to the
/// payload's members as it is written.
LIVECHAT_RTM_DECL std::string encode_request(std::string_view action, std::string_view request_id,
    const nlohmann::json& payload, std::string_view version = {}, std::string_view extra_members = {});

/// Parses one inbound text frame into `out`. Never throws. On failure returns
/// `error::malformed_frame`, says why in `diag.client_message`, and still fills whatever it
/// could read (`type`, `request_id`), so a pending request can be failed instead of hanging.
LIVECHAT_RTM_DECL error_code decode_frame(std::string_view text, Frame& out, Diagnostics& diag);

/// For a response with `success == false`: the error code for `payload.error.type`, with the
/// server's `type`, `message` and `data` copied into `diag`. A missing or ill-typed error object
/// gives `error::malformed_frame`.
LIVECHAT_RTM_DECL error_code decode_server_error(const nlohmann::json& payload, Diagnostics& diag);

} // namespace livechat::rtm::detail

#endif
