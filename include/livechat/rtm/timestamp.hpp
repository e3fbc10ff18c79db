// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TIMESTAMP_HPP
#define LIVECHAT_RTM_TIMESTAMP_HPP

// Wire time points: RFC 3339 in UTC with microseconds ("2020-05-07T07:11:28.288340Z"), the
// `datetime` of protocol 3.6 (`created_at`, `events_seen_up_to`, ...).

#include <livechat/rtm/detail/config.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm {

/// A point in UTC with microsecond precision: exactly what the wire carries, so a time read
/// and written back is the same text.
using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

/// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, `T` or `t` or a space
/// between date and time). Fractions finer than a microsecond are cut off. Empty for anything
/// else, including impossible dates and years outside 0001-9999.
LIVECHAT_RTM_DECL std::optional<Timestamp> parse_timestamp(std::string_view text) noexcept;

/// Formats as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (always six fraction digits, always UTC), the
/// form the service sends. Years outside 0001-9999 are clamped into that range.
LIVECHAT_RTM_DECL std::string format_timestamp(Timestamp t);

} // namespace livechat::rtm

#endif
