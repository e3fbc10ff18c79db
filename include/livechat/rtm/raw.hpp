// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_RAW_HPP
#define LIVECHAT_RTM_RAW_HPP

// The escape hatch: untyped calls and raw pushes with nlohmann::json. This is the only public
// header that includes the complete nlohmann/json.hpp.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/push_dispatcher.hpp>

#include <nlohmann/json.hpp>

namespace livechat::rtm {

/// The JSON type of raw payloads.
using json = nlohmann::json;

} // namespace livechat::rtm

#endif
