#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using namespace livechat::rtm;
using namespace livechat::rtm::detail;
using nlohmann::json;

TEST(FrameCodec, EncodesActionRequestIdAndPayload)
{
    auto text = encode_request("start_chat", "7", json{{"chat", {{"access", json::object()}}}});
    auto j = json::parse(text);
    EXPECT_EQ(j["action"], "start_chat");
    EXPECT_EQ(j["request_id"], "7");
    EXPECT_EQ(j["payload"]["chat"]["access"], json::object());
}

TEST(FrameCodec, LeavesOutEmptyRequestIdAndSendsNullPayloadAsEmptyObject)
{
    auto j = json::parse(encode_request("ping", "", json()));
    EXPECT_FALSE(j.contains("request_id"));
    EXPECT_EQ(j["payload"], json::object());
}

TEST(FrameCodec, EscapesActionNames)
{
    auto j = json::parse(encode_request("we\"ird", "1", json::object()));
    EXPECT_EQ(j["action"], "we\"ird");
}

TEST(FrameCodec, DecodesSuccessfulResponse)
{
    Frame f;
    Diagnostics d;
    auto ec = decode_frame(R"({"request_id":"17","action":"get_chats_summary","type":"response",
        "success":true,"payload":{"chats_summary":[],"total_chats":0}})", f, d);
    ASSERT_FALSE(ec) << d.client_message;
    EXPECT_EQ(f.type, FrameType::response);
    EXPECT_EQ(f.action, "get_chats_summary");
    EXPECT_EQ(f.request_id, "17");
    EXPECT_TRUE(f.success);
    EXPECT_EQ(f.payload["total_chats"], 0);
}

TEST(FrameCodec, RoutesOnTypeNotOnRequestId)
{
    // RTM: a push caused by our request carries our request_id and is still a push.
    Frame f;
    Diagnostics d;
    ASSERT_FALSE(decode_frame(
        R"({"request_id":"3","action":"incoming_chat_thread","type":"push","payload":{}})", f, d));
    EXPECT_EQ(f.type, FrameType::push);
    EXPECT_EQ(f.request_id, "3");
}

TEST(FrameCodec, AcceptsMissingOrNullPayload)
{
    Frame f;
    Diagnostics d;
    ASSERT_FALSE(decode_frame(R"({"action":"ping","type":"response","success":true})", f, d));
    EXPECT_EQ(f.payload, json::object());
    ASSERT_FALSE(decode_frame(R"({"action":"x","type":"push","payload":null})", f, d));
    EXPECT_EQ(f.payload, json::object());
}

TEST(FrameCodec, IgnoresUnknownFields)
{
    Frame f;
    Diagnostics d;
    ASSERT_FALSE(decode_frame(
        R"({"action":"x","type":"push","version":"3.3","__priv_y":1,"payload":{}})", f, d));
}

struct MalformedCase {
    const char* name;
    const char* text;
};

class MalformedFrame : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedFrame, GivesMalformedFrameWithAReason)
{
    Frame f;
    Diagnostics d;
    auto ec = decode_frame(GetParam().text, f, d);
    EXPECT_EQ(ec, error::malformed_frame);
    EXPECT_FALSE(d.client_message.empty());
}

INSTANTIATE_TEST_SUITE_P(FrameCodec, MalformedFrame,
    ::testing::Values(MalformedCase{"not_json", "{nope"}, MalformedCase{"empty", ""},
        MalformedCase{"array", "[1,2]"}, MalformedCase{"string", "\"push\""},
        MalformedCase{"no_type", R"({"action":"x","payload":{}})"},
        MalformedCase{"bad_type", R"({"action":"x","type":"event"})"},
        MalformedCase{"type_not_string", R"({"action":"x","type":1})"},
        MalformedCase{"no_action", R"({"type":"push"})"},
        MalformedCase{"action_not_string", R"({"type":"push","action":5})"},
        MalformedCase{"no_success", R"({"type":"response","action":"x","request_id":"1"})"},
        MalformedCase{"success_not_bool", R"({"type":"response","action":"x","success":"yes"})"},
        MalformedCase{"payload_array", R"({"type":"push","action":"x","payload":[]})"},
        MalformedCase{"request_id_number", R"({"type":"push","action":"x","request_id":5})"},
        MalformedCase{"truncated", R"({"type":"response","action":"x","succ)"},
        MalformedCase{"invalid_utf8", "{\"type\":\"push\",\"action\":\"\xff\xfe\"}"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FrameCodec, KeepsRequestIdOfABrokenResponseSoItCanBeFailed)
{
    Frame f;
    Diagnostics d;
    auto ec = decode_frame(R"({"type":"response","action":"x","request_id":"9","success":1})", f, d);
    EXPECT_EQ(ec, error::malformed_frame);
    EXPECT_EQ(f.type, FrameType::response);
    EXPECT_EQ(f.request_id, "9");
}

TEST(FrameCodec, DecodesServerErrorIntoCodeAndDiagnostics)
{
    Diagnostics d;
    auto ec = decode_server_error(json::parse(R"({"error":{"type":"misdirected_request",
        "message":"Wrong region","data":{"region":"fra"}}})"), d);
    EXPECT_EQ(ec, error::misdirected_request);
    EXPECT_EQ(d.server_type, "misdirected_request");
    EXPECT_EQ(d.server_message, "Wrong region");
    EXPECT_EQ(json::parse(d.server_data)["region"], "fra");
}

TEST(FrameCodec, KeepsRawStringOfUnknownServerError)
{
    Diagnostics d;
    auto ec = decode_server_error(json::parse(R"({"error":{"type":"shiny_new","message":"m"}})"), d);
    EXPECT_EQ(ec, error::server_other);
    EXPECT_EQ(d.server_type, "shiny_new");
}

TEST(FrameCodec, FailedResponseWithoutErrorObjectIsMalformed)
{
    Diagnostics d;
    EXPECT_EQ(decode_server_error(json::object(), d), error::malformed_frame);
    EXPECT_EQ(decode_server_error(json::parse(R"({"error":{"message":"m"}})"), d),
        error::malformed_frame);
    EXPECT_EQ(decode_server_error(json::parse(R"({"error":"boom"})"), d), error::malformed_frame);
}

TEST(FrameCodec, EncodeEscapesActionsAndIdsThatNeedIt)
{
    auto text = encode_request("we\"ird\\name\n", "id\"1", nlohmann::json{{"k", "v"}});
    auto doc = nlohmann::json::parse(text);
    EXPECT_EQ(doc["action"], "we\"ird\\name\n");
    EXPECT_EQ(doc["request_id"], "id\"1");
    EXPECT_EQ(doc["payload"]["k"], "v");
}

TEST(FrameCodec, EncodeKeepsPlainNamesAsTheyAre)
{
    EXPECT_EQ(encode_request("send_event", "42", nlohmann::json::object()),
        R"({"action":"send_event","request_id":"42","payload":{}})");
    EXPECT_EQ(encode_request("ping", "", nullptr), R"({"action":"ping","payload":{}})");
}

TEST(FrameCodec, EncodeAddsExtraMembersToAnyPayloadObject)
{
    constexpr std::string_view extra = R"("application":{"name":"n"})";
    EXPECT_EQ(encode_request("login", "1", nlohmann::json{{"token", "t"}}, {}, extra),
        R"({"action":"login","request_id":"1","payload":{"token":"t","application":{"name":"n"}}})");
    EXPECT_EQ(encode_request("login", "1", nlohmann::json::object(), {}, extra),
        R"({"action":"login","request_id":"1","payload":{"application":{"name":"n"}}})");
    EXPECT_EQ(encode_request("login", "", nullptr, {}, extra),
        R"({"action":"login","payload":{"application":{"name":"n"}}})");
    EXPECT_EQ(encode_request("login", "1", nlohmann::json{{"token", "t"}}, "3.6", {}),
        R"({"action":"login","request_id":"1","version":"3.6","payload":{"token":"t"}})");
}

TEST(FrameCodec, AbsentOrNullPayloadDecodesAsAnEmptyObjectEvenIntoAReusedFrame)
{
    Frame f;
    Diagnostics diag;
    ASSERT_FALSE(decode_frame(R"({"type":"push","action":"a","payload":{"x":1}})", f, diag));
    ASSERT_FALSE(decode_frame(R"({"type":"response","action":"b","request_id":"1","success":true})", f, diag));
    EXPECT_TRUE(f.payload.is_object());
    EXPECT_TRUE(f.payload.empty());
    EXPECT_EQ(f.action, "b");
    ASSERT_FALSE(decode_frame(R"({"type":"push","action":"c","payload":null})", f, diag));
    EXPECT_TRUE(f.payload.is_object());
    EXPECT_FALSE(f.request_id);
    EXPECT_FALSE(f.success);
}

// Issue 10: about 12,000 nested arrays crashed the client (stack overflow in copies and dumps).
namespace {
std::string nested(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}
} // namespace

TEST(FrameCodec, DeepNestingIsRefusedAtParseTimeAndTheResponseStillNamesItsRequest)
{
    for (std::size_t depth : {257u, 12'000u, 1'000'000u}) {
        Frame f;
        Diagnostics d;
        auto text = R"({"type":"response","action":"get_customer","request_id":"7","success":true,"payload":{"x":)" +
                    nested(depth) + "}}";
        EXPECT_EQ(decode_frame(text, f, d), livechat::rtm::error::nesting_too_deep) << depth;
        EXPECT_EQ(f.type, FrameType::response);
        ASSERT_TRUE(f.request_id.has_value());
        EXPECT_EQ(*f.request_id, "7");
        EXPECT_NE(d.client_message.find("256"), std::string::npos) << d.client_message;
    }
}

TEST(FrameCodec, NestingUpToTheLimitIsAcceptedAndBracketsInStringsDoNotCount)
{
    Frame f;
    Diagnostics d;
    // payload object (2) + "x" array levels: 2 + 254 = 256 in all.
    auto text = R"({"type":"push","action":"a","payload":{"x":)" + nested(254) + R"(,"s":"[[[[[[\"[[[["}})";
    EXPECT_FALSE(decode_frame(text, f, d)) << d.client_message;
    auto deeper = R"({"type":"push","action":"a","payload":{"x":)" + nested(255) + "}}";
    EXPECT_EQ(decode_frame(deeper, f, d), livechat::rtm::error::nesting_too_deep);
    bool too_deep = true;
    auto in_string = livechat::rtm::detail::parse_json_bounded(R"(["[[[[\"{{{{"])", 1, too_deep);
    EXPECT_FALSE(too_deep);
    EXPECT_EQ(in_string, nlohmann::json::array({"[[[[\"{{{{"}));
}

// The forms of a token that redaction masks: a plain token is its only form; one that JSON
// writers escape also appears escaped, in every way they escape it, longest first.
TEST(SecretForms, PlainTokensHaveOneFormAndEscapedOnesHaveEach)
{
    using livechat::rtm::detail::secret_forms;
    using Forms = std::vector<std::string>;
    EXPECT_EQ(secret_forms("eyJhbGciOi.J9-x_y:z+="), Forms{"eyJhbGciOi.J9-x_y:z+="});
    EXPECT_EQ(secret_forms(""), Forms{});
    EXPECT_EQ(secret_forms("a/b"), (Forms{"a\\/b", "a/b"}));
    EXPECT_EQ(secret_forms("q\"t"), (Forms{"q\\\"t", "q\"t"}));
    EXPECT_EQ(secret_forms("\xc3\xa9"), (Forms{"\\u00e9", "\xc3\xa9"}));
}

// append_json writes what nlohmann's dump(-1, ' ', false, replace) writes, byte for byte.
namespace {

std::string ours(const json& j)
{
    std::string out = "x"; // appends: what is there stays
    append_json(out, j);
    return out.substr(1);
}

std::string theirs(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

} // namespace

TEST(FrameCodec, AppendJsonWritesEveryControlCharacterAsTheLibraryDoes)
{
    for (int c = 0; c < 0x80; ++c) {
        json j = std::string("a") + char(c) + "b";
        EXPECT_EQ(ours(j), theirs(j)) << "byte " << c;
    }
}

TEST(FrameCodec, AppendJsonCopiesWellFormedUtf8AndReplacesIllFormedAsTheLibraryDoes)
{
    const char* texts[] = {
        "caf\xc3\xa9", "\xe2\x82\xac 5", "\xf0\x9f\x98\x80!", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", // well-formed
        "\xe0\xa0\x80", "\xed\x9f\xbf", "\xc2\x80", "\xdf\xbf",                                   // edges, well-formed
        "\xc0\x80", "\xc1\xbf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", // overlong, surrogate, too big
        "\x80", "a\xbf" "b", "\xe2\x82", "\xf0\x9f\x98", "\xf5\x80\x80\x80", "\xff", "x\xc3", "\xc3" "a\"", // stray, truncated
        "ok \xe2\x82\xac then \xe2 bad \x01 and \\ \"end\"",
    };
    for (const char* t : texts) {
        json j = std::string(t);
        EXPECT_EQ(ours(j), theirs(j)) << json(std::string(t)).dump(-1, ' ', true, json::error_handler_t::replace);
        std::string quoted;
        append_json_string(quoted, t);
        EXPECT_EQ(quoted, theirs(j));
    }
}

TEST(FrameCodec, AppendJsonWritesNumbersContainersAndLiteralsAsTheLibraryDoes)
{
    json values[] = {
        json::object(), json::array(), nullptr, true, false, 0, -1, 42u,
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
        std::numeric_limits<std::uint64_t>::max(), 1.5, -0.0, 1e300, 0.1, 123456789.125,
        json{{"b", 1}, {"a", json::array({1, "two", nullptr, json::object(), json::array()})}, {"k\"\n", {{"x", false}}}},
        json::array({json::array({json::array()}), json{{"", ""}}}),
        json::binary({1, 2, 3}),
    };
    for (const auto& j : values)
        EXPECT_EQ(ours(j), theirs(j));
}

TEST(FrameCodec, EncodeRequestWritesThePayloadAsTheLibraryDoes)
{
    json payload{{"chat_id", "PJ0MRSHTDG"},
        {"event", {{"type", "message"}, {"text", "Tab\there, \"quotes\", caf\xc3\xa9, \xe2 ill-formed"}, {"n", -3}, {"f", 2.5}}}};
    EXPECT_EQ(encode_request("send_event", "9", payload),
        R"({"action":"send_event","request_id":"9","payload":)" + theirs(payload) + "}");
}
