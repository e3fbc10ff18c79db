// The typed v3.6 layer: every method, push and event type of the spec has a C++ type (read
// from the spec's own tables), the spec's sample payloads decode and round-trip, every
// wrong-typed field is refused at its path, times keep their microseconds, and requests are
// checked before they are sent.

#include "json_mutation.hpp"
#include "v3_6_types.hpp"

#include <livechat/rtm/push_dispatcher.hpp>
#include <livechat/rtm/timestamp.hpp>
#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/pushes.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace livechat::rtm;
using namespace livechat::rtm::v3_6;
using nlohmann::json;

namespace {

using rtm_test::SpecSample;

const std::vector<SpecSample>& samples(const char* file) { return rtm_test::spec_samples(file, "v3_6"); }

/// The backticked names in the rows of the markdown table that follows `heading` in the spec,
/// taken from column `column` (0-based), up to the table's end.
std::set<std::string> spec_table_names(const std::string& heading, std::size_t column)
{
    std::ifstream in(std::string(LIVECHAT_RTM_FIXTURES_DIR) + "/v3_6/v3.6.md");
    EXPECT_TRUE(in);
    std::set<std::string> names;
    std::string line;
    bool in_section = false, in_table = false;
    std::regex ticked("`([a-z_]+)`");
    while (std::getline(in, line)) {
        if (!in_section) {
            in_section = line.rfind(heading, 0) == 0;
            continue;
        }
        if (line.rfind("|", 0) == 0) {
            in_table = true;
            std::vector<std::string> cells;
            std::stringstream row(line.substr(1));
            for (std::string cell; std::getline(row, cell, '|');)
                cells.push_back(cell);
            if (column < cells.size() && cells[column].find("---") == std::string::npos)
                for (std::sregex_iterator it(cells[column].begin(), cells[column].end(), ticked), end; it != end; ++it)
                    names.insert((*it)[1]);
        } else if (in_table) {
            break;
        }
    }
    return names;
}

template <class List>
std::set<std::string> names_of()
{
    std::set<std::string> out;
    std::apply([&](auto... tag) { (out.insert(std::string(decltype(tag)::name)), ...); }, List{});
    return out;
}

} // namespace

// ---- coverage: the spec's own lists --------------------------------------------------------------

TEST(V36Coverage, EveryMethodOfTheSpecHasATypedAction)
{
    auto spec = spec_table_names("## 2. Methods", 1);
    ASSERT_EQ(spec.size(), 31u); // 30 methods + ping
    auto typed = names_of<rtm_test::AllV36Actions>();
    for (const auto& name : spec)
        EXPECT_TRUE(typed.count(name)) << "no C++ action for " << name;
    EXPECT_TRUE(typed.count("activate_customer_page")); // [unverified], experimental
    EXPECT_TRUE(typed.count("deactivate_customer_page"));
}

TEST(V36Coverage, EveryPushOfTheSpecHasATypedStruct)
{
    auto spec = spec_table_names("## 3. Pushes", 1);
    ASSERT_EQ(spec.size(), 29u);
    EXPECT_EQ(spec, names_of<rtm_test::AllV36Pushes>());
}

TEST(V36Coverage, EveryEventTypeOfTheSpecDecodesIntoItsOwnAlternative)
{
    auto spec = spec_table_names("### 4.8 Events", 0);
    ASSERT_EQ(spec.size(), 8u);
    for (const auto& type : spec) {
        Event e;
        Diagnostics d;
        json j = {{"type", type}, {"text", "x"}, {"url", "https://x"}, {"form_id", "f"}, {"fields", json::array()},
            {"template_id", "cards"}, {"system_message_type", "s"}};
        ASSERT_FALSE(decode_payload(j, e, d)) << type << ": " << d.client_message;
        EXPECT_FALSE(std::holds_alternative<UnknownEvent>(e)) << type;
        EXPECT_EQ(type_name(e), type);
    }
}

TEST(V36Coverage, EveryErrorTypeOfTheSpecHasANamedCode)
{
    auto spec = spec_table_names("### 5.2 Error types", 0);
    ASSERT_EQ(spec.size(), 23u);
    for (const auto& type : spec) {
        EXPECT_NE(error_from_server_type(type), error::server_other) << type;
        EXPECT_EQ(server_type_name(error_from_server_type(type)), type);
    }
    for (const char* also : {"misdirected_request", "entity_too_large", "license_not_found"})
        EXPECT_NE(error_from_server_type(also), error::server_other) << also;
}

TEST(V36Coverage, EveryDisconnectReasonOfTheSpecHasAnAction)
{
    auto spec = spec_table_names("### 5.1 Disconnect reasons", 0);
    ASSERT_EQ(spec.size(), 13u);
    for (const auto& reason : spec)
        EXPECT_TRUE(suggested_action(reason)) << reason;
}

// ---- the spec's samples ------------------------------------------------------------------------------

class V36Push : public ::testing::TestWithParam<SpecSample> {};

TEST_P(V36Push, DecodesRoundTripsAndRefusesEveryWrongType)
{
    const auto& c = GetParam();
    ASSERT_TRUE(rtm_test::with_type_named<rtm_test::AllV36Pushes>(c.action, [&](auto tag) {
        auto codec = rtm_test::codec_of<decltype(tag)>();
        json out;
        Diagnostics diag;
        ASSERT_FALSE(codec(*c.payload, out, diag)) << diag.client_message;
        EXPECT_EQ(out, *c.payload);
        EXPECT_GT(rtm_test::check_every_wrong_type(codec, *c.payload), 0);
    }));
}

TEST_P(V36Push, ReachesATypedHandlerAndKeepsItsVersionForRawOnes)
{
    const auto& c = GetParam();
    rtm_test::with_type_named<rtm_test::AllV36Pushes>(c.action, [&](auto tag) {
        using P = decltype(tag);
        PushDispatcher d;
        int typed = 0;
        std::string version;
        auto a = d.on<P>([&](const P&) { ++typed; });
        auto b = d.on_any([&](const RawPush& raw) { version = std::string(raw.version.value_or("")); });
        d.dispatch(RawPush{c.action, std::nullopt, *c.payload, "{}", std::string_view("3.6")});
        EXPECT_EQ(typed, 1);
        EXPECT_EQ(version, "3.6");
    });
}

INSTANTIATE_TEST_SUITE_P(Spec, V36Push, ::testing::ValuesIn(samples("pushes.json")),
    [](const auto& info) { return info.param.action; });

TEST(V36Samples, EveryPushHasASample)
{
    std::set<std::string> seen;
    for (auto& s : samples("pushes.json"))
        seen.insert(s.action);
    EXPECT_EQ(seen, names_of<rtm_test::AllV36Pushes>());
}

class V36Response : public ::testing::TestWithParam<SpecSample> {};

TEST_P(V36Response, DecodesRoundTripsAndRefusesEveryWrongType)
{
    const auto& c = GetParam();
    ASSERT_TRUE(rtm_test::with_type_named<rtm_test::AllV36Actions>(c.action, [&](auto tag) {
        auto codec = rtm_test::codec_of<typename decltype(tag)::response>();
        json out;
        Diagnostics diag;
        ASSERT_FALSE(codec(*c.payload, out, diag)) << diag.client_message;
        EXPECT_EQ(out, *c.payload);
        EXPECT_GT(rtm_test::check_every_wrong_type(codec, *c.payload), 0);
    }));
}

INSTANTIATE_TEST_SUITE_P(Spec, V36Response, ::testing::ValuesIn(samples("responses.json")),
    [](const auto& info) { return info.param.action; });

TEST(V36Samples, UnknownEventTypesAndSystemDetailsAreKeptWhole)
{
    ListThreadsResponse r;
    Diagnostics d;
    json sample;
    for (auto& s : samples("responses.json"))
        if (s.action == "list_threads")
            sample = *s.payload;
    ASSERT_FALSE(decode_payload(sample, r, d)) << d.client_message;
    const auto& events = r.threads.at(0).events;
    const auto& system = std::get<SystemEvent>(events.at(6));
    EXPECT_EQ(system.subtype, "store_order_was_created");
    EXPECT_EQ(json::parse(json::parse(system.details->text).get<std::string>())["order"]["id"],
        "gid://shopify/Order/1234567890"); // the sample's details: a JSON-encoded string
    const auto& unknown = std::get<UnknownEvent>(events.at(7));
    EXPECT_EQ(unknown.type, "future_type");
    EXPECT_EQ(json::parse(unknown.json.text)["whatever"]["x"], 1);
}

// ---- times ----------------------------------------------------------------------------------------------

TEST(V36Time, Rfc3339WithMicrosecondsRoundTripsExactly)
{
    for (const char* text : {"2020-05-07T07:11:28.288340Z", "1970-01-01T00:00:00.000000Z", "2000-02-29T23:59:59.999999Z",
             "1969-12-31T23:59:59.000001Z", "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00.000000Z"}) {
        auto t = parse_timestamp(text);
        ASSERT_TRUE(t) << text;
        EXPECT_EQ(format_timestamp(*t), text);
    }
    EXPECT_EQ(parse_timestamp("2020-05-07T07:11:28.288340Z")->time_since_epoch().count() % 1000000, 288340);
}

TEST(V36Time, OtherRfc3339FormsAreReadInUtc)
{
    EXPECT_EQ(parse_timestamp("2020-05-07T09:11:28.5+02:00"), parse_timestamp("2020-05-07T07:11:28.500000Z"));
    EXPECT_EQ(parse_timestamp("2020-05-07t07:11:28z"), parse_timestamp("2020-05-07T07:11:28.000000Z"));
    EXPECT_EQ(parse_timestamp("2020-05-07T07:11:28.1234567891Z"), parse_timestamp("2020-05-07T07:11:28.123456Z"));
}

TEST(V36Time, MalformedTimesAreRefusedNamingTheField)
{
    for (const char* text : {"", "2020-05-07", "2020-13-01T00:00:00Z", "2019-02-29T00:00:00Z", "2020-05-07T24:00:00Z",
             "2020-05-07T07:11:60Z", "2020-05-07T07:11:28", "2020-05-07T07:11:28.Z", "2020-05-07T07:11:28Zjunk",
             "0000-01-01T00:00:00Z", "2020-05-07T07:11:28+2:00", "１２３４-05-07T07:11:28Z"})
        EXPECT_FALSE(parse_timestamp(text)) << text;
    EventsMarkedAsSeen p;
    Diagnostics d;
    auto ec = decode_payload(json{{"user_id", "u"}, {"chat_id", "c"}, {"seen_up_to", "yesterday"}}, p, d);
    EXPECT_EQ(ec, error::malformed_payload);
    EXPECT_NE(d.client_message.find("payload.seen_up_to"), std::string::npos) << d.client_message;
}

// ---- requests --------------------------------------------------------------------------------------------

TEST(V36Requests, PageIdTravelsAlone)
{
    Diagnostics d;
    ListChatsRequest first;
    first.limit = 5;
    first.sort_order = OpenEnum<SortOrder>{SortOrder::asc};
    EXPECT_FALSE(validate_request(first, d));
    json wire;
    encode_payload(wire, first);
    EXPECT_EQ(wire, json({{"limit", 5}, {"sort_order", "asc"}}));

    ListChatsRequest next;
    next.page_id = "MTUx";
    EXPECT_FALSE(validate_request(next, d));
    next.limit = 5;
    EXPECT_EQ(validate_request(next, d), error::validation);
    EXPECT_NE(d.client_message.find("page_id"), std::string::npos);

    ListThreadsRequest threads;
    threads.chat_id = ChatId("C");
    threads.page_id = "x";
    threads.sort_order = OpenEnum<SortOrder>{SortOrder::desc};
    EXPECT_EQ(validate_request(threads, d), error::validation);
    threads.page_id.reset();
    threads.limit = 3;
    threads.min_events_count = 10;
    EXPECT_EQ(validate_request(threads, d), error::validation);
}

TEST(V36Requests, EventsArePlainAndSystemEventsCannotBeSent)
{
    SendEventRequest r;
    r.chat_id = ChatId("C");
    Message m;
    m.text = "hi";
    m.properties["ns"]["flag"] = true;
    r.event = m;
    Diagnostics d;
    EXPECT_FALSE(validate_request(r, d));
    json wire;
    encode_payload(wire, r);
    EXPECT_EQ(wire, json::parse(R"({"chat_id":"C","event":{"type":"message","text":"hi","properties":{"ns":{"flag":true}}}})"));
    r.event = SystemEvent{};
    EXPECT_EQ(validate_request(r, d), error::validation);
    m.text = std::string(max_message_text_bytes + 1, 'x');
    r.event = m;
    EXPECT_EQ(validate_request(r, d), error::validation);
}

TEST(V36Requests, MarkEventsAsSeenSendsMicroseconds)
{
    MarkEventsAsSeenRequest r{ChatId("C"), *parse_timestamp("2020-05-07T07:11:28.288340Z")};
    json wire;
    encode_payload(wire, r);
    EXPECT_EQ(wire["seen_up_to"], "2020-05-07T07:11:28.288340Z");
}

TEST(V36Version, DisconnectReasonsOfSection5HaveTheirActions)
{
    EXPECT_EQ(suggested_action("license_expired"), ReconnectAction::stop);
    EXPECT_EQ(suggested_action("logged_out_remotely"), ReconnectAction::stop);
    EXPECT_EQ(suggested_action("connection_evicted"), ReconnectAction::reconnect);
    EXPECT_EQ(suggested_action("access_token_revoked"), ReconnectAction::reconnect);
    EXPECT_EQ(suggested_action("service_temporarily_unavailable"), ReconnectAction::reconnect_slowly);
    EXPECT_EQ(suggested_action("misdirected_connection"), ReconnectAction::switch_region);
    EXPECT_EQ(suggested_action("customer_temporarily_blocked"), ReconnectAction::reconnect_after);
    EXPECT_EQ(suggested_action("moon_phase"), std::nullopt);
}
