// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_UTF8_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_UTF8_HPP

// Well-formed UTF-8, as the JSON reader accepts it and the JSON writer copies it.

#include <cstddef>

namespace livechat::rtm::detail {

/// The length of the well-formed UTF-8 sequence starting at `p` (a byte >= 0x80; Unicode's
/// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0 when none starts
/// there. Reads nothing at or past `end`.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept
{
    auto next = [&](std::ptrdiff_t i, unsigned char low = 0x80, unsigned char high = 0xbf) {
        return end - p > i && p[i] >= low && p[i] <= high;
    };
    unsigned char c = *p;
    if (c >= 0xc2 && c <= 0xdf)
        return next(1) ? 2 : 0;
    if (c == 0xe0)
        return next(1, 0xa0) && next(2) ? 3 : 0;
    if (c == 0xed)
        return next(1, 0x80, 0x9f) && next(2) ? 3 : 0;
    if (c >= 0xe1 && c <= 0xef)
        return next(1) && next(2) ? 3 : 0;
    if (c == 0xf0)
        return next(1, 0x90) && next(2) && next(3) ? 4 : 0;
    if (c >= 0xf1 && c <= 0xf3)
        return next(1) && next(2) && next(3) ? 4 : 0;
    if (c == 0xf4)
        return next(1, 0x80, 0x8f) && next(2) && next(3) ? 4 : 0;
    return 0;
}

} // namespace livechat::rtm::detail

#endif
