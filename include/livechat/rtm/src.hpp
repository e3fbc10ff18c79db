// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_SRC_HPP
#define LIVECHAT_RTM_SRC_HPP

// Separate-compilation mode: include this from exactly one .cpp (our CMake target does).

#ifndef LIVECHAT_RTM_SEPARATE_COMPILATION
#error "src.hpp is for separate compilation: define LIVECHAT_RTM_SEPARATE_COMPILATION"
#endif

#include <livechat/rtm/impl/client.ipp>
#include <livechat/rtm/impl/error.ipp>
#include <livechat/rtm/impl/internal/frame_codec.ipp>
#include <livechat/rtm/impl/internal/session.ipp>
#include <livechat/rtm/impl/push_dispatcher.ipp>
#include <livechat/rtm/impl/v3_0/actions.ipp>
#include <livechat/rtm/impl/v3_0/login.ipp>
#include <livechat/rtm/impl/v3_0/models.ipp>
#include <livechat/rtm/impl/v3_0/pushes.ipp>

#endif
