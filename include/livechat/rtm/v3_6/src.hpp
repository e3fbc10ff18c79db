// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_SRC_HPP
#define LIVECHAT_RTM_V3_6_SRC_HPP

// The compiled part of the typed v3.6 layer, to be included from the same .cpp as
// <livechat/rtm/v3_0/src.hpp> (v3.6 reuses v3.0's field lists for what did not change). It
// needs nlohmann/json but neither Beast nor OpenSSL.

#include <livechat/rtm/v3_6/impl/version.ipp>
#include <livechat/rtm/v3_6/impl/web.ipp>

#endif
