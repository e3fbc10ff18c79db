// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_SRC_HPP
#define LIVECHAT_RTM_TESTING_SRC_HPP

// The compiled part of livechat::rtm_testing: include from exactly one .cpp.

#include <livechat/rtm/testing/impl/hostile_server.ipp>
#include <livechat/rtm/testing/impl/mock_accounts_server.ipp>
#include <livechat/rtm/testing/impl/mock_server.ipp>
#include <livechat/rtm/testing/impl/scripted_agent.ipp>

#endif
