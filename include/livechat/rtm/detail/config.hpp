// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DETAIL_CONFIG_HPP
#define LIVECHAT_RTM_DETAIL_CONFIG_HPP

// Compilation modes. Our CMake target defines LIVECHAT_RTM_SEPARATE_COMPILATION and compiles
// <livechat/rtm/src.hpp> once, so users' translation units never see Beast or OpenSSL.
// Without it the library is header-only and every .ipp is included by its header.
#ifdef LIVECHAT_RTM_SEPARATE_COMPILATION
#define LIVECHAT_RTM_DECL
#else
#define LIVECHAT_RTM_HEADER_ONLY
#define LIVECHAT_RTM_DECL inline
#endif

#endif
