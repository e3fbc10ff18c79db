// The two clients e2e_bench compares, and the loops that drive them: the SDK (typed requests,
// typed pushes, for either protocol version) and the yardstick (yardstick_client.hpp).
#ifndef LIVECHAT_RTM_BENCH_CLIENTS_HPP
#define LIVECHAT_RTM_BENCH_CLIENTS_HPP

#include "yardstick_client.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/testing/impl/test_certificate.ipp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace bench {

namespace rtm = livechat::rtm;
using Clock = std::chrono::steady_clock;

// ~140 characters of text: with the envelope, a ~200-byte send_event frame.
inline const std::string message_text =
    "Hello! I ordered a blue jacket last Monday (order 1042) and wonder whether it has shipped "
    "yet, and when it should arrive at my address?";

/// What differs between the protocol versions, for the benchmark.
template <class Version>
struct Api;

template <>
struct Api<rtm::v3_0::Version> {
    static constexpr const char* name = "3.0";
    static constexpr const char* path = "/v3.0/customer/rtm/ws?license_id=1";
    using Client = rtm::v3_0::RtmClient;
    using SendEvent = rtm::v3_0::SendEvent;
    using IncomingEvent = rtm::v3_0::IncomingEvent;
    static rtm::v3_0::SendEventRequest request()
    {
        rtm::v3_0::Message m;
        m.text = message_text;
        return {rtm::ChatId("PJ0MRSHTDG"), rtm::v3_0::Event(std::move(m)), std::nullopt, std::nullopt};
    }
    static std::size_t text_size(const IncomingEvent& e)
    {
        const auto* m = e.event ? std::get_if<rtm::v3_0::Message>(&*e.event) : nullptr;
        return m ? m->text.size() : 0;
    }
};

template <>
struct Api<rtm::v3_6::Version> {
    static constexpr const char* name = "3.6";
    static constexpr const char* path = "/v3.6/customer/rtm/ws?license_id=1";
    using Client = rtm::v3_6::RtmClient;
    using SendEvent = rtm::v3_6::SendEvent;
    using IncomingEvent = rtm::v3_6::IncomingEvent;
    static rtm::v3_6::SendEventRequest request()
    {
        rtm::v3_6::Message m;
        m.text = message_text;
        return {rtm::ChatId("PJ0MRSHTDG"), rtm::v3_6::Event(std::move(m)), std::nullopt};
    }
    static std::size_t text_size(const IncomingEvent& e)
    {
        const auto* m = std::get_if<rtm::v3_6::Message>(&e.event);
        return m ? m->text.size() : 0;
    }
};

/// Runs `ioc` until `done` is set (the figure's own completion), or fails loudly after `limit`.
/// One handler per `run_one()`, as `io_context::run()` runs them: a timed `run_one_for` reads
/// the clock twice per handler, a cost of the loop (not of the client) that a client running
/// more handlers per message would pay more of. A timer bounds the whole wait instead.
inline void run_until(asio::io_context& ioc, const bool& done, std::chrono::seconds limit = std::chrono::seconds(300))
{
    auto expired = std::make_shared<bool>(false);
    asio::steady_timer watchdog(ioc, limit);
    watchdog.async_wait([expired](boost::system::error_code ec) { *expired = !ec; });
    while (!done && !*expired)
        ioc.run_one();
    watchdog.cancel(); // its handler runs with a later turn (it holds what it touches)
    if (!done) {
        std::cerr << "e2e_bench: a figure did not complete within " << limit.count() << " s\n";
        std::exit(3);
    }
}

inline double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// ---- the SDK side ------------------------------------------------------------------------------

template <class V>
rtm::ClientConfig sdk_config(unsigned short port, bool tls)
{
    rtm::ClientConfig cfg;
    cfg.url = std::string(tls ? "wss" : "ws") + "://127.0.0.1:" + std::to_string(port) + Api<V>::path;
    cfg.token_provider = rtm::static_token("bench");
    cfg.reconnect.enabled = false;
    if (tls) { // as the yardstick: trust the test CA only (an app on ws:// has no CA to give)
        cfg.tls.ca_pem = rtm::testing::detail::test_certificate;
        cfg.tls.use_system_trust_store = false;
    }
    cfg.request_timeout = std::chrono::seconds(60);
    return cfg;
}

/// One SDK client; `ready` once logged in.
template <class V>
struct SdkClient {
    SdkClient(asio::io_context& ioc, unsigned short port, bool tls) : client(ioc, sdk_config<V>(port, tls))
    {
        client.on_state_change([this](rtm::SessionState s, rtm::error_code) { ready = ready || s == rtm::SessionState::ready; });
        client.async_run([](rtm::error_code) {});
    }
    typename Api<V>::Client client;
    bool ready = false;
};

/// Keeps `window` typed send_event requests pending until `total` have completed.
template <class V>
double sdk_requests(asio::io_context& ioc, SdkClient<V>& s, int total, int window)
{
    struct Run {
        typename Api<V>::Client& c;
        int to_start, to_finish;
        bool done = false;
        void start()
        {
            --to_start;
            c.template async_execute<typename Api<V>::SendEvent>(Api<V>::request(), [this](rtm::error_code ec, auto) {
                if (ec)
                    std::cerr << "send_event failed: " << ec.message() << "\n";
                if (--to_finish == 0)
                    done = true;
                else if (to_start > 0)
                    start();
            });
        }
    } run{s.client, total, total};
    auto t0 = Clock::now();
    for (int i = 0; i < window && run.to_start > 0; ++i)
        run.start();
    run_until(ioc, run.done);
    return total / seconds_since(t0);
}

/// Asks the server for `n` incoming_event pushes; a typed handler reads each one's text.
template <class V>
double sdk_pushes(asio::io_context& ioc, SdkClient<V>& s, int n)
{
    bool done = false;
    int seen = 0;
    std::size_t text_bytes = 0; // the handler reads the typed event, as an application would
    auto sub = s.client.pushes().template on<typename Api<V>::IncomingEvent>([&](const auto& e) {
        text_bytes += Api<V>::text_size(e);
        if (++seen == n)
            done = true;
    });
    auto t0 = Clock::now();
    s.client.async_call("bench_push", nlohmann::json{{"count", n}}, [](rtm::error_code, nlohmann::json) {});
    run_until(ioc, done);
    double rate = n / seconds_since(t0);
    if (text_bytes == 0)
        std::cerr << "e2e_bench: the typed handler read no text\n";
    return rate;
}

// ---- the yardstick side ------------------------------------------------------------------------

inline nlohmann::json send_event_payload()
{
    return {{"chat_id", "PJ0MRSHTDG"}, {"event", {{"type", "message"}, {"text", message_text}}}};
}

template <bool Tls>
double yard_requests(asio::io_context& ioc, YardstickClient<Tls>& c, int total, int window)
{
    bool done = false;
    int to_start = total, to_finish = total;
    c.on_frame([&](const nlohmann::json& f) {
        if (f.value("type", "") != "response")
            return;
        if (--to_finish == 0)
            done = true;
        else if (to_start > 0) {
            --to_start;
            c.request("send_event", send_event_payload());
        }
    });
    auto t0 = Clock::now();
    for (int i = 0; i < window && to_start > 0; ++i, --to_start)
        c.request("send_event", send_event_payload());
    run_until(ioc, done);
    return total / seconds_since(t0);
}

template <bool Tls>
double yard_pushes(asio::io_context& ioc, YardstickClient<Tls>& c, int n)
{
    bool done = false;
    int seen = 0;
    c.on_frame([&](const nlohmann::json& f) {
        if (f.value("action", "") == "incoming_event" && ++seen == n)
            done = true;
    });
    auto t0 = Clock::now();
    c.request("bench_push", {{"count", n}});
    run_until(ioc, done);
    return n / seconds_since(t0);
}

inline asio::ssl::context client_tls_context()
{
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.add_certificate_authority(asio::buffer(std::string(rtm::testing::detail::test_certificate)));
    tls.set_verify_mode(asio::ssl::verify_peer);
    return tls;
}

} // namespace bench

#endif
