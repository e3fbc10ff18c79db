// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DETAIL_CONFIG_HPP
#define LIVECHAT_RTM_DETAIL_CONFIG_HPP

// One compilation mode: the library's .ipp files are compiled once, through the src.hpp
// headers (our CMake target does it), so users' translation units never see Beast or OpenSSL.
// LIVECHAT_RTM_DECL marks the functions those files define.
#define LIVECHAT_RTM_DECL

/// The SDK's version (CMake checks that it matches the project's).
#define LIVECHAT_RTM_VERSION_STRING "0.1.0"

#endif
