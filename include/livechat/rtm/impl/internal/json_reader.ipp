// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_JSON_READER_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_JSON_READER_IPP

// The JSON reader every inbound frame goes through: one pass over the text that checks the
// grammar (RFC 8259), the UTF-8 of every string and the nesting depth, and builds the
// nlohmann::json DOM as it goes. It accepts exactly what nlohmann::json::parse accepts and
// builds the same values (integers >= 0 as unsigned, < 0 as signed, the rest as double; the
// last of repeated keys wins; a leading UTF-8 BOM skipped; a NUL byte after the value ends the
// text); fuzz_frame checks both agree.
//
// Why not nlohmann's own parser: the profile of a typed push (bench/README.md) showed its
// lexer, which appends every string character one by one and copies every string once more
// into the DOM, at over half of the SDK's instructions per push, and a separate pass for the
// depth limit on top. This reader appends runs of plain characters at once, moves strings
// into the DOM, and counts depth in the same pass.

#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/impl/internal/utf8.hpp>

#include <charconv>
#include <cstring>

namespace livechat::rtm::detail {

namespace json_reader {

enum class Outcome { ok, invalid, too_deep, fallback };

class Reader {
public:
    Reader(std::string_view text, std::size_t limit)
        : p_(text.data()), end_(text.data() + text.size()), limit_(limit)
    {
    }

    Outcome document(nlohmann::json& out)
    {
        if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0)
            p_ += 3; // as nlohmann::json::parse does
        skip_space();
        if (!value(out, 0))
            return outcome_;
        skip_space();
        // nlohmann takes a NUL byte for the end of the input (for C strings): what follows one
        // after the value is ignored there, so here too.
        return p_ == end_ || *p_ == '\0' ? Outcome::ok : Outcome::invalid;
    }

private:
    bool fail(Outcome o = Outcome::invalid)
    {
        outcome_ = o;
        return false;
    }

    void skip_space()
    {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
            ++p_;
    }

    bool literal(const char* word, std::size_t n)
    {
        if (std::size_t(end_ - p_) < n || std::memcmp(p_, word, n) != 0)
            return fail();
        p_ += n;
        return true;
    }

    bool value(nlohmann::json& out, std::size_t depth)
    {
        if (p_ == end_)
            return fail();
        switch (*p_) {
        case '{': return object(out, depth + 1);
        case '[': return array(out, depth + 1);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = std::move(s);
            return true;
        }
        case 't':
            out = true;
            return literal("true", 4);
        case 'f':
            out = false;
            return literal("false", 5);
        case 'n':
            out = nullptr;
            return literal("null", 4);
        default: return number(out);
        }
    }

    bool object(nlohmann::json& out, std::size_t depth)
    {
        if (depth > limit_)
            return fail(Outcome::too_deep);
        ++p_; // '{'
        out = nlohmann::json::object();
        auto& members = out.get_ref<nlohmann::json::object_t&>();
        skip_space();
        if (p_ != end_ && *p_ == '}') {
            ++p_;
            return true;
        }
        std::string key;
        for (;;) {
            if (p_ == end_ || *p_ != '"')
                return fail();
            key.clear();
            if (!string(key))
                return false;
            skip_space();
            if (p_ == end_ || *p_ != ':')
                return fail();
            ++p_;
            skip_space();
            nlohmann::json v;
            if (!value(v, depth))
                return false;
            members.insert_or_assign(std::move(key), std::move(v)); // the last repeated key wins
            skip_space();
            if (p_ == end_)
                return fail();
            if (*p_ == '}') {
                ++p_;
                return true;
            }
            if (*p_ != ',')
                return fail();
            ++p_;
            skip_space();
        }
    }

    bool array(nlohmann::json& out, std::size_t depth)
    {
        if (depth > limit_)
            return fail(Outcome::too_deep);
        ++p_; // '['
        out = nlohmann::json::array();
        auto& items = out.get_ref<nlohmann::json::array_t&>();
        skip_space();
        if (p_ != end_ && *p_ == ']') {
            ++p_;
            return true;
        }
        for (;;) {
            skip_space();
            if (!value(items.emplace_back(), depth))
                return false;
            skip_space();
            if (p_ == end_)
                return fail();
            if (*p_ == ']') {
                ++p_;
                return true;
            }
            if (*p_ != ',')
                return fail();
            ++p_;
        }
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    /// Four hex digits after `\u`; -1 when they are not.
    long code_unit()
    {
        if (end_ - p_ < 4)
            return -1;
        long v = 0;
        for (int i = 0; i < 4; ++i) {
            int d = hex(p_[i]);
            if (d < 0)
                return -1;
            v = v * 16 + d;
        }
        p_ += 4;
        return v;
    }

    static void append_utf8(std::string& s, unsigned long cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    /// A string at `p_` (on its opening quote), appended to `s`: plain runs at once.
    bool string(std::string& s)
    {
        ++p_; // '"'
        const char* run = p_;
        for (;;) {
            if (p_ == end_)
                return fail();
            auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                s.append(run, p_);
                ++p_;
                return true;
            }
            if (c < 0x20)
                return fail();
            if (c < 0x80 && c != '\\') {
                ++p_;
                continue;
            }
            if (c >= 0x80) {
                auto n = utf8_sequence_length(
                    reinterpret_cast<const unsigned char*>(p_), reinterpret_cast<const unsigned char*>(end_));
                if (n == 0)
                    return fail();
                p_ += n;
                continue;
            }
            s.append(run, p_); // a backslash
            if (++p_ == end_)
                return fail();
            switch (*p_++) {
            case '"': s += '"'; break;
            case '\\': s += '\\'; break;
            case '/': s += '/'; break;
            case 'b': s += '\b'; break;
            case 'f': s += '\f'; break;
            case 'n': s += '\n'; break;
            case 'r': s += '\r'; break;
            case 't': s += '\t'; break;
            case 'u': {
                long cp = code_unit();
                if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
                    return fail();
                if (cp >= 0xD800 && cp <= 0xDBFF) { // a high surrogate: its low half must follow
                    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                        return fail();
                    p_ += 2;
                    long low = code_unit();
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(s, static_cast<unsigned long>(cp));
                break;
            }
            default: return fail();
            }
            run = p_;
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number(nlohmann::json& out)
    {
        const char* start = p_;
        bool negative = *p_ == '-';
        if (negative)
            ++p_;
        if (p_ == end_ || !digit(*p_))
            return fail();
        if (*p_ == '0')
            ++p_;
        else
            while (p_ != end_ && digit(*p_))
                ++p_;
        bool integral = true;
        if (p_ != end_ && *p_ == '.') {
            integral = false;
            if (++p_ == end_ || !digit(*p_))
                return fail();
            while (p_ != end_ && digit(*p_))
                ++p_;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            integral = false;
            if (++p_ != end_ && (*p_ == '+' || *p_ == '-'))
                ++p_;
            if (p_ == end_ || !digit(*p_))
                return fail();
            while (p_ != end_ && digit(*p_))
                ++p_;
        }
        if (integral) {
            if (negative) {
                std::int64_t v = 0;
                if (std::from_chars(start, p_, v).ec == std::errc{}) {
                    out = v;
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(start, p_, v).ec == std::errc{}) {
                    out = v;
                    return true;
                }
            }
        }
        double d = 0;
        auto r = std::from_chars(start, p_, d);
        if (r.ec != std::errc{} || r.ptr != p_)
            return fail(Outcome::fallback); // out of a double's range: nlohmann's rules decide
        out = d;
        return true;
    }

    const char* p_;
    const char* end_;
    std::size_t limit_;
    Outcome outcome_ = Outcome::invalid;
};

} // namespace json_reader

/// The rare path of parse_json_bounded, for a text nested deeper than `limit`: nlohmann's
/// callback parser keeps only what lies within the limit.
inline nlohmann::json parse_json_keeping_shallow(std::string_view text, std::size_t limit)
{
    auto keep = [limit](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        using E = nlohmann::json::parse_event_t;
        bool opens = event == E::object_start || event == E::array_start;
        return !(opens && static_cast<std::size_t>(depth) >= limit);
    };
    return nlohmann::json::parse(text, keep, /*allow_exceptions=*/false);
}

LIVECHAT_RTM_DECL nlohmann::json parse_json_bounded(std::string_view text, std::size_t limit, bool& too_deep)
{
    too_deep = false;
    nlohmann::json doc;
    switch (json_reader::Reader(text, limit).document(doc)) {
    case json_reader::Outcome::ok: return doc;
    case json_reader::Outcome::invalid: return nlohmann::json(nlohmann::json::value_t::discarded);
    case json_reader::Outcome::too_deep: too_deep = true; return parse_json_keeping_shallow(text, limit);
    case json_reader::Outcome::fallback: break; // a number beyond a double's range (rare)
    }
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

} // namespace livechat::rtm::detail

#endif
