// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_TIMESTAMP_IPP
#define LIVECHAT_RTM_IMPL_TIMESTAMP_IPP

#include <livechat/rtm/timestamp.hpp>

#include <cstdint>

namespace livechat::rtm {

namespace detail {

// Days between 1970-01-01 and y-m-d in the proleptic Gregorian calendar. Years are shifted
// to start in March, so that the leap day is the last day of a shifted year.
constexpr std::int64_t days_from_date(std::int64_t y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(y - era * 400);
    const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct Date {
    std::int64_t year;
    unsigned month, day;
};

// The inverse of days_from_date.
constexpr Date date_from_days(std::int64_t days) noexcept
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;
    const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    return {static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

constexpr bool is_leap(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept
{
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/// Reads `n` decimal digits at `pos`, advancing it; false when they are not all digits.
inline bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, unsigned& out) noexcept
{
    if (pos > s.size() || s.size() - pos < n)
        return false;
    out = 0;
    for (std::size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + static_cast<unsigned>(c - '0');
    }
    pos += n;
    return true;
}

inline bool expect_char(std::string_view s, std::size_t& pos, char c) noexcept
{
    if (pos >= s.size() || s[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace detail

LIVECHAT_RTM_DECL std::optional<Timestamp> parse_timestamp(std::string_view s) noexcept
{
    using namespace detail;
    std::size_t pos = 0;
    unsigned year, month, day, hour, minute, second;
    if (!read_digits(s, pos, 4, year) || !expect_char(s, pos, '-') || !read_digits(s, pos, 2, month) ||
        !expect_char(s, pos, '-') || !read_digits(s, pos, 2, day))
        return std::nullopt;
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' '))
        return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, hour) || !expect_char(s, pos, ':') || !read_digits(s, pos, 2, minute) ||
        !expect_char(s, pos, ':') || !read_digits(s, pos, 2, second))
        return std::nullopt;
    // RFC 3339 allows a leap second (60); a time point cannot hold it, so it is refused.
    if (year == 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    std::int64_t micros = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        std::size_t digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 6)
                micros = micros * 10 + (s[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 6; ++digits)
            micros *= 10;
    }
    std::int64_t offset_minutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        unsigned oh, om;
        if (!read_digits(s, pos, 2, oh) || !expect_char(s, pos, ':') || !read_digits(s, pos, 2, om) ||
            oh > 23 || om > 59)
            return std::nullopt;
        offset_minutes = sign * static_cast<std::int64_t>(oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    std::int64_t seconds = days_from_date(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                           offset_minutes * 60;
    return Timestamp(std::chrono::microseconds(seconds * 1000000 + micros));
}

LIVECHAT_RTM_DECL std::string format_timestamp(Timestamp t)
{
    using namespace detail;
    constexpr std::int64_t min_us = days_from_date(1, 1, 1) * 86400LL * 1000000;
    constexpr std::int64_t max_us = (days_from_date(9999, 12, 31) * 86400LL + 86399) * 1000000 + 999999;
    std::int64_t us = t.time_since_epoch().count();
    us = us < min_us ? min_us : us > max_us ? max_us : us;
    std::int64_t secs = us >= 0 ? us / 1000000 : (us - 999999) / 1000000;
    auto fraction = static_cast<unsigned>(us - secs * 1000000);
    std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    auto of_day = static_cast<unsigned>(secs - days * 86400);
    Date date = date_from_days(days);
    char buf[32];
    auto put = [&buf](std::size_t at, std::size_t width, std::uint64_t v) {
        for (std::size_t i = width; i-- > 0; v /= 10)
            buf[at + i] = static_cast<char>('0' + v % 10);
    };
    put(0, 4, static_cast<std::uint64_t>(date.year));
    buf[4] = '-';
    put(5, 2, date.month);
    buf[7] = '-';
    put(8, 2, date.day);
    buf[10] = 'T';
    put(11, 2, of_day / 3600);
    buf[13] = ':';
    put(14, 2, of_day / 60 % 60);
    buf[16] = ':';
    put(17, 2, of_day % 60);
    buf[19] = '.';
    put(20, 6, fraction);
    buf[26] = 'Z';
    return std::string(buf, 27);
}

} // namespace livechat::rtm

#endif
