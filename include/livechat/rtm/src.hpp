// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_SRC_HPP
#define LIVECHAT_RTM_SRC_HPP

// The compiled part of the library: include this from exactly one .cpp, and the typed layers'
// and the Accounts / Web API's src.hpp from exactly one (the same or another) .cpp each. Our
// CMake target compiles them as separate translation units so that -j2 builds them side by side.

#include <livechat/rtm/accounts/impl/error.ipp>
#include <livechat/rtm/impl/client_core_api.ipp>
#include <livechat/rtm/impl/error.ipp>
#include <livechat/rtm/impl/internal/frame_codec.ipp>
#include <livechat/rtm/impl/internal/json_reader.ipp>
#include <livechat/rtm/impl/internal/session.ipp>
#include <livechat/rtm/impl/push_dispatcher.ipp>
#include <livechat/rtm/impl/reconnect.ipp>
#include <livechat/rtm/impl/session_store.ipp>
#include <livechat/rtm/impl/timestamp.ipp>

#endif
