// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_SRC_HPP
#define LIVECHAT_RTM_ACCOUNTS_SRC_HPP

// The compiled part of the Accounts and Web API clients (Beast HTTP): include this from
// exactly one .cpp (our CMake target compiles src/livechat_rtm_http.cpp).

#include <livechat/rtm/accounts/impl/client.ipp>
#include <livechat/rtm/accounts/impl/credential_store.ipp>
#include <livechat/rtm/accounts/impl/token_cache.ipp>
#include <livechat/rtm/impl/internal/http_client.ipp>
#include <livechat/rtm/web/impl/client.ipp>

#endif
