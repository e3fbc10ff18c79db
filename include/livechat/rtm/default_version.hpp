// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DEFAULT_VERSION_HPP
#define LIVECHAT_RTM_DEFAULT_VERSION_HPP

// Which protocol version `RtmClient` speaks. Switching the default is this file's one change.

#include <livechat/rtm/v3_6/version.hpp>

namespace livechat::rtm {

/// The protocol version of `RtmClient`: 3.6, the service's current stable version.
using DefaultVersion = v3_6::Version;

/// A client of the default protocol version (see `BasicRtmClient`).
using RtmClient = BasicRtmClient<DefaultVersion>;

} // namespace livechat::rtm

#endif
