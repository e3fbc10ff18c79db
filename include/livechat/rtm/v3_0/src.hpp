// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_SRC_HPP
#define LIVECHAT_RTM_V3_0_SRC_HPP

// Separate-compilation mode: the typed v3.0 layer (models, actions, pushes, login), to be
// included from exactly one .cpp. It needs nlohmann/json but neither Beast nor OpenSSL.

#ifndef LIVECHAT_RTM_SEPARATE_COMPILATION
#error "src.hpp is for separate compilation: define LIVECHAT_RTM_SEPARATE_COMPILATION"
#endif

#include <livechat/rtm/impl/v3_0/actions.ipp>
#include <livechat/rtm/impl/v3_0/login.ipp>
#include <livechat/rtm/impl/v3_0/models.ipp>
#include <livechat/rtm/impl/v3_0/pushes.ipp>

#endif
