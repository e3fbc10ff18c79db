// Every v3.0 push: decoding from the spec's shapes (tests/fixtures/v3_0/pushes.json), round
// trips, malformed variants, and typed dispatch through PushDispatcher::on<Push>.

#include "json_mutation.hpp"
#include "v3_0_push_types.hpp"

#include <livechat/rtm/push_dispatcher.hpp>
#include <livechat/rtm/v3_0/pushes.hpp>

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace livechat::rtm;
using namespace livechat::rtm::v3_0;
using nlohmann::json;

namespace {

using rtm_test::with_push_type;
using AllPushes = rtm_test::AllV30Pushes;

using rtm_test::SpecSample;

const std::vector<SpecSample>& push_cases() { return rtm_test::spec_samples("pushes.json", "v3_0"); }

class Push : public ::testing::TestWithParam<SpecSample> {};

} // namespace

TEST(V30Pushes, EveryPushOfTheSpecHasAFixtureAndAType)
{
    std::set<std::string> fixtures, types;
    for (auto& c : push_cases())
        fixtures.insert(c.action);
    std::apply([&](auto... tag) { (types.insert(std::string(decltype(tag)::name)), ...); }, AllPushes{});
    EXPECT_EQ(fixtures, types);
    EXPECT_EQ(types.size(), 22u); // pushes.md section 2: 2.1-2.17, property pushes counted singly
}

TEST_P(Push, DecodesAndRoundTrips)
{
    const auto& c = GetParam();
    ASSERT_TRUE(with_push_type(c.action, [&](auto tag) {
        json out;
        Diagnostics diag;
        auto ec = rtm_test::codec_of<decltype(tag)>()(*c.payload, out, diag);
        ASSERT_FALSE(ec) << diag.client_message;
        EXPECT_EQ(out, *c.payload);
    }));
}

TEST_P(Push, MalformedVariantsAreRejectedAtTheirPath)
{
    const auto& c = GetParam();
    with_push_type(c.action, [&](auto tag) {
        EXPECT_GT(rtm_test::check_every_wrong_type(rtm_test::codec_of<decltype(tag)>(), *c.payload), 0);
    });
}

TEST_P(Push, DispatchesToATypedHandler)
{
    const auto& c = GetParam();
    with_push_type(c.action, [&](auto tag) {
        using P = decltype(tag);
        PushDispatcher d;
        int calls = 0;
        json seen;
        auto sub = d.on<P>([&](const P& p) {
            ++calls;
            encode_payload(seen, p);
        });
        auto text = json{{"action", c.action}, {"type", "push"}, {"payload", *c.payload}}.dump();
        d.dispatch(RawPush{c.action, std::nullopt, *c.payload, text});
        EXPECT_EQ(calls, 1);
        EXPECT_EQ(seen, *c.payload);
    });
}

INSTANTIATE_TEST_SUITE_P(V30, Push, ::testing::ValuesIn(push_cases()),
    [](const auto& info) { return info.param.action; });

TEST(V30Pushes, MalformedTypedPushGoesToTheMalformedHandler)
{
    PushDispatcher d;
    int typed = 0;
    std::string where;
    auto sub = d.on<IncomingEvent>([&](const IncomingEvent&) { ++typed; });
    d.on_malformed([&](const RawPush& p, error_code ec, const Diagnostics& diag) {
        EXPECT_EQ(ec, error::malformed_payload);
        where = std::string(p.action) + ": " + diag.client_message;
    });
    auto payload = json::parse(R"({"chat_id":"C","thread_id":"T","event":{"type":"message","text":5}})");
    d.dispatch(RawPush{"incoming_event", std::nullopt, payload, "{}"});
    EXPECT_EQ(typed, 0);
    EXPECT_EQ(where, "incoming_event: payload.event.text must be a string");
}

TEST(V30Pushes, DisconnectReasonsKeepUnknownValues)
{
    CustomerDisconnected p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"reason":"moon_phase"})"), p, d));
    EXPECT_EQ(p.reason, DisconnectReason::unknown);
    EXPECT_EQ(p.reason.raw, "moon_phase");
    ASSERT_FALSE(decode_payload(
        json::parse(R"({"reason":"customer_temporarily_blocked","data":{"timeout":30}})"), p, d));
    EXPECT_EQ(p.reason, DisconnectReason::customer_temporarily_blocked);
    EXPECT_EQ(p.timeout, 30);
    EXPECT_EQ(to_string(DisconnectReason::logged_out_remotely), "logged_out_remotely");
}

TEST(V30Pushes, NullEventInIncomingEventIsTolerated)
{
    // RTM [SDK-observed]: `event` can be null in rare cases.
    IncomingEvent p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(R"({"chat_id":"C","thread_id":"T","event":null})"), p, d));
    EXPECT_FALSE(p.event);
}

TEST(V30Pushes, TransferToAgentsKeepsAgentIds)
{
    ChatTransferred p;
    Diagnostics d;
    ASSERT_FALSE(decode_payload(json::parse(
        R"({"chat_id":"C","thread_id":"T","requester_id":"a","type":"agent","ids":["b@x","c@x"]})"), p, d));
    EXPECT_EQ(p.agent_ids, (std::vector<std::string>{"b@x", "c@x"}));
    EXPECT_TRUE(p.group_ids.empty());
}
