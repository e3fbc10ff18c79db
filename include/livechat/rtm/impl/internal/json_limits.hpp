// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_JSON_LIMITS_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_JSON_LIMITS_HPP

// Nesting depth is bounded while a JSON text becomes a DOM: copying, dumping and walking a DOM
// recurse once per level, and 12,000 nested arrays from a hostile server overflowed the stack
// there. Client and mock server share this gate.

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace livechat::rtm::detail {

/// True for a JSON integer that fits `std::int64_t`. The parser stores 2^63 and above as
/// unsigned: reading those as int64 would wrap them into negative numbers.
inline bool is_int64(const nlohmann::json& j) noexcept
{
    return j.is_number_integer() &&
           !(j.is_number_unsigned() && j.get<std::uint64_t>() > std::uint64_t(INT64_MAX));
}

/// Whether `j` is an object whose `format` member is the integer `format`: the version of a file
/// this library wrote. Any other type or value (a string, a fraction, a number past int64) is
/// another format, never an exception: nlohmann's `value("format", 0)` throws on a string.
inline bool has_format(const nlohmann::json& j, std::int64_t format) noexcept
{
    if (!j.is_object())
        return false;
    auto it = j.find("format");
    return it != j.end() && is_int64(*it) && it->get<std::int64_t>() == format;
}

/// Parses `text` without exceptions (a discarded value on error), in one pass
/// (json_reader.ipp). Past `limit` levels it sets `too_deep` and leaves every value nested
/// deeper out of the result, so the shallow fields (`type`, `request_id`, `action`) can still
/// be read to fail the right request.
LIVECHAT_RTM_DECL nlohmann::json parse_json_bounded(std::string_view text, std::size_t limit, bool& too_deep);

} // namespace livechat::rtm::detail

#endif
