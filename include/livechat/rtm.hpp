// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_HPP
#define LIVECHAT_RTM_HPP

// Umbrella header: every public header of livechat-rtm, nothing else. No Beast, no OpenSSL.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/default_version.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/ids.hpp>
#include <livechat/rtm/push_dispatcher.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/timestamp.hpp>
#include <livechat/rtm/session_state.hpp>
#include <livechat/rtm/open_enum.hpp>
#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/chat.hpp>
#include <livechat/rtm/v3_0/common.hpp>
#include <livechat/rtm/v3_0/convenience.hpp>
#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/json.hpp>
#include <livechat/rtm/v3_0/login.hpp>
#include <livechat/rtm/v3_0/misc.hpp>
#include <livechat/rtm/v3_0/pushes.hpp>
#include <livechat/rtm/v3_0/users.hpp>
#include <livechat/rtm/v3_0/version.hpp>
#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/chat.hpp>
#include <livechat/rtm/v3_6/common.hpp>
#include <livechat/rtm/v3_6/convenience.hpp>
#include <livechat/rtm/v3_6/events.hpp>
#include <livechat/rtm/v3_6/login.hpp>
#include <livechat/rtm/v3_6/pagination.hpp>
#include <livechat/rtm/v3_6/pushes.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#endif
