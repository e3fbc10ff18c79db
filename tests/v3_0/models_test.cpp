// Every v3.0 data structure: JSON round trips from fixtures written from the spec's shapes
// (tests/fixtures/v3_0), and malformed variants made by mutating every field of every fixture.

#include "json_mutation.hpp"

#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/json.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>


using namespace livechat::rtm;
using namespace livechat::rtm::v3_0;
using nlohmann::json;

namespace {

using rtm_test::Codec;
using rtm_test::codec_of;
using rtm_test::for_each_node;

json load(const std::string& name) { return rtm_test::load_fixture(name); }

struct Fixture {
    const char* file;
    Codec codec;
    std::vector<const char*> required; ///< paths that must make decoding fail when removed
};

const std::vector<Fixture>& fixtures()
{
    static const std::vector<Fixture> all{
        {"access.json", codec_of<Access>(), {"payload.group_ids"}},
        {"properties.json", codec_of<Properties>(), {}},
        {"user_customer.json", codec_of<User>(), {"payload.id", "payload.type"}},
        {"user_agent.json", codec_of<User>(), {"payload.id", "payload.type"}},
        {"agent_info.json", codec_of<AgentInfo>(), {"payload.id"}},
        {"event_message.json", codec_of<Event>(),
            {"payload.type", "payload.text", "payload.postback.id", "payload.postback.thread_id",
                "payload.postback.event_id"}},
        {"event_system_message.json", codec_of<Event>(), {"payload.system_message_type"}},
        {"event_annotation.json", codec_of<Event>(), {"payload.annotation_type"}},
        {"event_filled_form.json", codec_of<Event>(),
            {"payload.form_id", "payload.fields", "payload.fields[0].id", "payload.fields[0].type"}},
        {"event_file.json", codec_of<Event>(), {"payload.url"}},
        {"event_custom.json", codec_of<Event>(), {"payload.type"}},
        {"event_rich_message.json", codec_of<Event>(), {"payload.elements[0].image.url"}},
        {"event_unknown.json", codec_of<Event>(), {"payload.type"}},
        {"thread.json", codec_of<Thread>(), {"payload.id", "payload.events[1].system_message_type"}},
        {"chat.json", codec_of<Chat>(), {"payload.id", "payload.users[1].id", "payload.thread.id"}},
        {"chat_summary.json", codec_of<ChatSummary>(),
            {"payload.id", "payload.last_event_per_type.message.thread_id",
                "payload.last_event_per_type.message.event"}},
        {"thread_summary.json", codec_of<ThreadSummary>(), {"payload.id"}},
        {"form.json", codec_of<Form>(), {"payload.id", "payload.fields", "payload.fields[3].id", "payload.fields[3].type"}},
        {"greeting.json", codec_of<Greeting>(), {"payload.id", "payload.unique_id", "payload.agent.id"}},
        {"url_details.json", codec_of<UrlDetails>(), {}},
        {"typing_indicator.json", codec_of<TypingIndicator>(), {"payload.author_id", "payload.is_typing"}},
    };
    return all;
}

void PrintTo(const Fixture& f, std::ostream* os) { *os << f.file; }

class Structure : public ::testing::TestWithParam<Fixture> {};

std::string name_of(const ::testing::TestParamInfo<Fixture>& info)
{
    std::string n = info.param.file;
    return n.substr(0, n.find('.'));
}

} // namespace

TEST_P(Structure, RoundTripsThroughTheTypedModel)
{
    auto in = load(GetParam().file);
    json out;
    Diagnostics diag;
    ASSERT_FALSE(GetParam().codec(in, out, diag)) << diag.client_message;
    EXPECT_EQ(out, in) << "re-encoded:\n" << out.dump(2);
}

TEST_P(Structure, IgnoresUnknownFields)
{
    auto in = load(GetParam().file);
    auto expected = in;
    json out;
    Diagnostics diag;
    // Maps (properties) have no unknown fields, and unknown events keep everything.
    std::string file = GetParam().file;
    if (file != "properties.json" && file != "event_unknown.json") {
        in["__priv_future"] = {{"x", 1}};
        ASSERT_FALSE(GetParam().codec(in, out, diag)) << diag.client_message;
        EXPECT_EQ(out, expected);
    }
}

TEST_P(Structure, EveryWrongTypeIsRejectedAtItsPathOrTolerated)
{
    // Each node in turn gets a value of another JSON type: never an exception; a failure
    // names the node. Some nodes accept anything (raw content, property values).
    EXPECT_GT(rtm_test::check_every_wrong_type(GetParam().codec, load(GetParam().file)), 0);
}

TEST_P(Structure, MissingRequiredFieldsAreNamed)
{
    for (std::string target : GetParam().required) {
        auto doc = load(GetParam().file);
        bool removed = false;
        for_each_node(doc, "payload", [&](json& node, const std::string& p) {
            if (!node.is_object())
                return;
            for (auto it = node.begin(); it != node.end(); ++it)
                if (p + "." + it.key() == target) {
                    node.erase(it);
                    removed = true;
                    return;
                }
        });
        ASSERT_TRUE(removed) << target;
        json out;
        Diagnostics diag;
        EXPECT_EQ(GetParam().codec(doc, out, diag), error::malformed_payload) << target;
        EXPECT_EQ(diag.client_message, target + " must be present");
    }
}

INSTANTIATE_TEST_SUITE_P(V30, Structure, ::testing::ValuesIn(fixtures()), name_of);

TEST(V30Properties, UnwrapsTheResponseFormAndWritesTheRequestForm)
{
    // RTM v3.0: responses and pushes wrap values as {"value": x}; requests do not.
    auto in = json::parse(R"({"rating":{"score":{"value":1},"comment":{"value":"Thanks!"}},
        "routing":{"continuous":{"value":true}}})");
    Properties p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(in, p, d)) << d.client_message;
    EXPECT_EQ(std::get<std::int64_t>(p["rating"]["score"]), 1);
    EXPECT_EQ(std::get<std::string>(p["rating"]["comment"]), "Thanks!");
    EXPECT_TRUE(std::get<bool>(p["routing"]["continuous"]));
    json out;
    encode_payload(out, p);
    EXPECT_EQ(out, json::parse(R"({"rating":{"score":1,"comment":"Thanks!"},"routing":{"continuous":true}})"));
}

TEST(V30Properties, KeepsOtherValuesRaw)
{
    Properties p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"ns":{"ratio":{"value":0.5},"list":[1,2]}})"), p, d));
    EXPECT_EQ(std::get<RawJson>(p["ns"]["ratio"]).text, "0.5");
    EXPECT_EQ(std::get<RawJson>(p["ns"]["list"]).text, "[1,2]");
}

TEST(V30Events, DispatchOnTypeAndKeepUnknownTypesWhole)
{
    Event e;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(load("event_message.json"), e, d));
    ASSERT_TRUE(std::holds_alternative<Message>(e));
    EXPECT_EQ(std::get<Message>(e).text, "Yes, please");
    EXPECT_EQ(base_of(e).order, 1575892853242000); // 64-bit
    EXPECT_EQ(type_name(e), "message");

    ASSERT_FALSE(decode_payload(load("event_unknown.json"), e, d));
    ASSERT_TRUE(std::holds_alternative<UnknownEvent>(e));
    EXPECT_EQ(std::get<UnknownEvent>(e).type, "hologram");
    EXPECT_EQ(json::parse(std::get<UnknownEvent>(e).json.text)["beam"]["power"], 3);
}

TEST(V30Events, FilledFormAnswersKeepTheirShapes)
{
    Event e;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(load("event_filled_form.json"), e, d));
    const auto& f = std::get<FilledForm>(e);
    EXPECT_EQ(f.fields[0].text_answer, "Ann");
    EXPECT_EQ(f.fields[4].option_answer->label, "Billing");
    EXPECT_EQ(f.fields[6].answers.size(), 2u);
    EXPECT_EQ(f.fields[7].option_answer->group_id, 2);
    EXPECT_EQ(f.fields[8].bool_answer, true);
    EXPECT_FALSE(f.fields[9].text_answer);
    EXPECT_EQ(f.fields[7].type, FormFieldType::group_chooser);
}

TEST(V30Users, UnknownUserTypeKeepsItsRawString)
{
    User u;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"id":"x","type":"supervisor"})"), u, d));
    EXPECT_EQ(u.type, UserType::unknown);
    EXPECT_EQ(u.type.raw, "supervisor");
    json out;
    encode_payload(out, u);
    EXPECT_EQ(out["type"], "supervisor");
}

TEST(V30Events, NonObjectEventIsMalformed)
{
    Event e;
    Diagnostics d;
    EXPECT_EQ(decode_payload(json::parse("[1]"), e, d), error::malformed_payload);
    EXPECT_EQ(d.client_message, "payload must be an object");
}

// Issue 10: 2^64 - 1 decoded as -1 and 2^63 as INT64_MIN; out of range must be an error.
TEST(V30Integers, OutOfRangeIsMalformedNamingTheFieldNeverWrapped)
{
    for (const char* n : {"18446744073709551615", "9223372036854775808", "-9223372036854775809"}) {
        GetChatsSummaryResponse r;
        Diagnostics d;
        auto in = json::parse(std::string(R"({"chats_summary":[],"total_chats":)") + n + "}");
        EXPECT_EQ(decode_payload(in, r, d), error::malformed_payload) << n;
        EXPECT_NE(d.client_message.find("total_chats"), std::string::npos) << d.client_message;
    }
    GetChatsSummaryResponse r;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"chats_summary":[],"total_chats":9223372036854775807})"), r, d));
    EXPECT_EQ(r.total_chats, INT64_MAX);
}

TEST(V30Properties, IntegersBeyondInt64StayRawInsteadOfWrapping)
{
    Properties p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"ns":{"big":{"value":18446744073709551615}}})"), p, d));
    EXPECT_EQ(std::get<RawJson>(p["ns"]["big"]).text, "18446744073709551615");
}

// One field list serves both directions: requests read back what they write, responses write
// what they read.
TEST(V30FieldLists, RequestsAndResponsesRoundTripThroughOneList)
{
    struct Case {
        const char* what;
        Codec codec;
        const char* json_text;
    };
    const Case cases[] = {
        {"send_event", codec_of<SendEventRequest>(),
            R"({"chat_id":"C1","event":{"type":"message","text":"hi"},"attach_to_last_thread":true})"},
        {"get_chat_threads", codec_of<GetChatThreadsRequest>(), R"({"chat_id":"C1","thread_ids":[]})"},
        {"update_chat_thread_properties", codec_of<UpdateChatThreadPropertiesRequest>(),
            R"({"chat_id":"C1","thread_id":"T1","properties":{"ns":{"flag":true,"n":3}}})"},
        {"delete_event_properties", codec_of<DeleteEventPropertiesRequest>(),
            R"({"chat_id":"C1","thread_id":"T1","event_id":"E1","properties":{"ns":["flag"]}})"},
        {"login", codec_of<LoginRequest>(),
            R"({"token":"Bearer x","group_id":2,"customer":{"name":"Ann","fields":{"a":"b"}},"is_mobile":false})"},
        {"login without token", codec_of<LoginRequest>(), R"({"referrer":"https://example.com"})"},
        {"get_form response", codec_of<GetFormResponse>(), R"({"enabled":false})"},
        {"update_customer response", codec_of<UpdateCustomerResponse>(),
            R"({"customer":{"id":"c1","type":"customer","name":"Ann"}})"},
    };
    for (const auto& c : cases) {
        auto in = json::parse(c.json_text);
        json out;
        Diagnostics diag;
        ASSERT_FALSE(c.codec(in, out, diag)) << c.what << ": " << diag.client_message;
        EXPECT_EQ(out, in) << c.what;
    }
}
