// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_SRC_HPP
#define LIVECHAT_RTM_V3_0_SRC_HPP

// The compiled part of the typed v3.0 layer (models, actions, pushes, login, version), to be
// included from exactly one .cpp. It needs nlohmann/json but neither Beast nor OpenSSL.

#include <livechat/rtm/v3_0/impl/actions.ipp>
#include <livechat/rtm/v3_0/impl/login.ipp>
#include <livechat/rtm/v3_0/impl/models.ipp>
#include <livechat/rtm/v3_0/impl/pushes.ipp>
#include <livechat/rtm/v3_0/impl/version.ipp>

#endif
