// Google Benchmark micro-benchmarks of the sans-io core: the frame codec, the typed push
// decoder, the typed request encoder and the correlator. Built against the library, run by
// bench/run.sh (not a test).

#include <livechat/rtm/impl/internal/correlator.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/pushes.hpp>

#include <nlohmann/json.hpp>

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

namespace rtm = livechat::rtm;
namespace v3 = livechat::rtm::v3_0;
using rtm::detail::Frame;

const std::string response_text =
    R"({"type":"response","success":true,"action":"send_event","request_id":"12345","payload":)"
    R"({"thread_id":"K600PKZON8","event":{"id":"K600PKZON8_8","type":"message","text":"ok",)"
    R"("author_id":"b7a4c9e2","order":1575892853242008,"timestamp":1700000000}}})";

const std::string push_text =
    R"({"type":"push","action":"incoming_event","payload":{"chat_id":"PJ0MRSHTDG","thread_id":"K600PKZON8",)"
    R"("event":{"id":"K600PKZON8_7","type":"message","text":"Your order left our warehouse this morning.",)"
    R"("author_id":"agent@example.com","order":1575892853242007,"timestamp":1700000000,)"
    R"("recipients":"all","properties":{}}}})";

v3::SendEventRequest request()
{
    v3::Message m;
    m.text = "Hello! I ordered a blue jacket last Monday (order 1042) and wonder whether it has "
             "shipped yet, and when it should arrive at my address?";
    return {rtm::ChatId("PJ0MRSHTDG"), v3::Event(std::move(m)), std::nullopt, std::nullopt};
}

/// A typed send_event request to its wire frame: validation, the model codec, serialization.
void EncodeTypedRequest(benchmark::State& state)
{
    auto req = request();
    for (auto _ : state) {
        rtm::Diagnostics diag;
        nlohmann::json payload = nlohmann::json::object();
        benchmark::DoNotOptimize(v3::validate_request(req, diag));
        v3::encode_payload(payload, req);
        auto frame = rtm::detail::encode_request("send_event", "12345", payload);
        benchmark::DoNotOptimize(frame.data());
    }
}
BENCHMARK(EncodeTypedRequest);

/// A response frame parsed and routed (the envelope).
void DecodeResponseFrame(benchmark::State& state)
{
    for (auto _ : state) {
        Frame f;
        rtm::Diagnostics diag;
        benchmark::DoNotOptimize(rtm::detail::decode_frame(response_text, f, diag));
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(response_text.size()));
}
BENCHMARK(DecodeResponseFrame);

/// A response frame to the typed SendEventResponse, as a request's completion sees it.
void DecodeTypedResponse(benchmark::State& state)
{
    for (auto _ : state) {
        Frame f;
        rtm::Diagnostics diag;
        rtm::detail::decode_frame(response_text, f, diag);
        v3::SendEventResponse r;
        benchmark::DoNotOptimize(v3::decode_payload(f.payload, r, diag));
    }
}
BENCHMARK(DecodeTypedResponse);

/// An incoming_event push to the typed IncomingEvent a handler receives.
void DecodeTypedIncomingEvent(benchmark::State& state)
{
    for (auto _ : state) {
        Frame f;
        rtm::Diagnostics diag;
        rtm::detail::decode_frame(push_text, f, diag);
        v3::IncomingEvent e;
        benchmark::DoNotOptimize(v3::decode_payload(f.payload, e, diag));
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(push_text.size()));
}
BENCHMARK(DecodeTypedIncomingEvent);

/// The yardstick for the two above: nlohmann::json::parse of the same push, nothing else.
void ParsePushJsonOnly(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(nlohmann::json::parse(push_text, nullptr, false));
}
BENCHMARK(ParsePushJsonOnly);

/// One request through the correlator with `pending` others in it: id, add, take.
void CorrelatorAddTake(benchmark::State& state)
{
    rtm::detail::Correlator<int> c;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    for (int i = 0; i < state.range(0); ++i)
        c.add(c.next_id(), deadline, i);
    for (auto _ : state) {
        auto id = c.next_id();
        c.add(id, deadline, 1);
        benchmark::DoNotOptimize(c.take(id));
    }
}
BENCHMARK(CorrelatorAddTake)->Arg(0)->Arg(9)->Arg(1000);

/// The earliest deadline among `pending` requests (what re-arms the one deadline timer).
void CorrelatorEarliestDeadline(benchmark::State& state)
{
    rtm::detail::Correlator<int> c;
    auto now = std::chrono::steady_clock::now();
    for (int i = 0; i < state.range(0); ++i)
        c.add(c.next_id(), now + std::chrono::milliseconds(i), i);
    for (auto _ : state)
        benchmark::DoNotOptimize(c.earliest_deadline());
}
BENCHMARK(CorrelatorEarliestDeadline)->Arg(10)->Arg(1000);

} // namespace
