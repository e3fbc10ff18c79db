// The JSON reader (json_reader.ipp) accepts exactly what nlohmann::json::parse accepts and
// builds the same values, types included; depth past the limit goes the shallow way.
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using livechat::rtm::detail::parse_json_bounded;
using nlohmann::json;

/// Same value and same type at every level (json's == takes 1u and 1 for equal).
void expect_same(const json& ours, const json& theirs, const std::string& text)
{
    ASSERT_EQ(ours.type(), theirs.type()) << text;
    if (ours.is_object()) {
        ASSERT_EQ(ours.size(), theirs.size()) << text;
        for (auto i = ours.begin(), j = theirs.begin(); i != ours.end(); ++i, ++j) {
            ASSERT_EQ(i.key(), j.key()) << text;
            expect_same(*i, *j, text);
        }
    } else if (ours.is_array()) {
        ASSERT_EQ(ours.size(), theirs.size()) << text;
        for (std::size_t i = 0; i < ours.size(); ++i)
            expect_same(ours[i], theirs[i], text);
    } else {
        EXPECT_EQ(ours, theirs) << text;
    }
}

void expect_as_nlohmann(const std::string& text)
{
    bool too_deep = true;
    auto ours = parse_json_bounded(text, 256, too_deep);
    EXPECT_FALSE(too_deep) << text;
    auto theirs = json::parse(text, nullptr, false);
    ASSERT_EQ(ours.is_discarded(), theirs.is_discarded()) << "accepted differently: " << text;
    if (!ours.is_discarded())
        expect_same(ours, theirs, text);
}

TEST(JsonReader, AcceptsAndBuildsWhatNlohmannDoes)
{
    const std::vector<std::string> valid = {
        "{}", "[]", " \t\r\n{ } ", "null", "true", "false", "0", "-0", "7", "-7", "\"\"",
        R"({"a":1,"b":[1,2,{"c":"d"}],"e":{"f":null}})",
        R"({"a":1,"a":2})", // the last repeated key wins
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "1.5", "-0.0", "1e5", "1E+5", "1e-5", "2.5e-3",
        "0.1", "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308",
        R"("\"\\\/\b\f\n\r\t")", R"("\u0000\u001f\u00e9\u20ac")", R"("\ud83d\ude00")", R"("\uD83D\uDE00")",
        "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xED\x9F\xBF \xEE\x80\x80\"", "\"\x7f\"",
        "\xEF\xBB\xBF{\"bom\":1}", "[[[[[]]]]]", R"([1,[2,[3,[4]]],{"x":[{}]}])",
        // nlohmann ends the text at a NUL byte: what follows the value's NUL is not read
        std::string("-2\0\xff", 4), std::string("{} \0xyz", 7), std::string("1\0", 2),
    };
    for (const auto& text : valid)
        expect_as_nlohmann(text);
}

TEST(JsonReader, RefusesWhatNlohmannRefuses)
{
    const std::vector<std::string> invalid = {
        "", " ", "{", "}", "[", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{1:2}",
        "01", "-", "+1", "1.", ".5", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "tru", "nul",
        "truex", "1 2", "{}{}", "[1 2]", "\"abc", "\"a\nb\"", "\"\x01\"", R"("\x")", R"("\u12")", R"("\u12G4")",
        R"("\ud83d")", R"("\ud83dx")", R"("\ud83d\u0041")", R"("\ude00")", "\"\xC0\xAF\"", "\"\xC3\"",
        "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\xFF\"",
        "\"\x80\"", "1e400", "-1e400", std::string("[1,\0]", 5), "\xEF\xBB{}", std::string("\0", 1),
        std::string(" \0{}", 4), std::string("\"a\0b\"", 5), std::string("{\"a\":\0}", 7),
    };
    for (const auto& text : invalid)
        expect_as_nlohmann(text);
}

TEST(JsonReader, DepthPastTheLimitKeepsTheShallowFields)
{
    std::string deep = R"({"type":"push","request_id":"7","payload":)" + std::string(300, '[') + std::string(300, ']') + "}";
    bool too_deep = false;
    auto doc = parse_json_bounded(deep, 256, too_deep);
    EXPECT_TRUE(too_deep);
    ASSERT_TRUE(doc.is_object());
    EXPECT_EQ(doc.value("request_id", ""), "7");
    std::size_t levels = 0; // what nests deeper than the limit is left out
    for (const json* j = &doc; j->is_structured() && !j->empty(); j = j->is_object() ? &(*j)["payload"] : &(*j)[0])
        ++levels;
    EXPECT_LT(levels, 256u);

    std::string at_limit = std::string(256, '[') + std::string(256, ']');
    auto ok = parse_json_bounded(at_limit, 256, too_deep);
    EXPECT_FALSE(too_deep);
    EXPECT_TRUE(ok.is_array());
}

} // namespace
