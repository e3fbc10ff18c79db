// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DETAIL_CODEC_DECL_HPP
#define LIVECHAT_RTM_DETAIL_CODEC_DECL_HPP

// Declares the JSON conversion pair of a typed payload (a model, push, request or response of
// any protocol version), defined in compiled code with LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC from
// impl/internal/model_codec.hpp.

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json_fwd.hpp>

#define LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Type)                                                   \
    LIVECHAT_RTM_DECL ::livechat::rtm::error_code decode_payload(                                \
        const nlohmann::json& in, Type& out, ::livechat::rtm::Diagnostics& diag);                \
    LIVECHAT_RTM_DECL void encode_payload(nlohmann::json& out, const Type& in);

/// The codec of a request type plus its client-side check, `validate_request` (the spec's
/// limits, checked before anything is sent; defined by hand beside the field list).
#define LIVECHAT_RTM_DECLARE_REQUEST_CODEC(Type)                                                   \
    LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Type)                                                     \
    LIVECHAT_RTM_DECL ::livechat::rtm::error_code validate_request(                              \
        const Type& req, ::livechat::rtm::Diagnostics& diag);

#endif
