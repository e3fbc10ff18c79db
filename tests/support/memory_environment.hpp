// An in-memory transport and a virtual clock: the real client core runs over them with no
// socket and no waiting. The test plays the server through MemoryLine and moves time with
// VirtualClock::advance.
#ifndef LIVECHAT_RTM_TESTS_MEMORY_ENVIRONMENT_HPP
#define LIVECHAT_RTM_TESTS_MEMORY_ENVIRONMENT_HPP

#include <livechat/rtm/impl/internal/environment.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace rtm_test {

namespace detail = livechat::rtm::detail;
using livechat::rtm::error_code;

/// Runs every ready handler; bounded, so a handler that re-posts itself forever fails the test.
inline void settle(boost::asio::io_context& ioc)
{
    ioc.restart();
    std::size_t n = 0;
    while (ioc.poll_one())
        if (++n > 100000)
            return ADD_FAILURE() << "the io_context never ran out of ready handlers";
}

/// The server's end of one connection attempt. Every event reaches the client through the
/// io_context (never inside the test's call), as Beast's do.
struct MemoryLine {
    explicit MemoryLine(boost::asio::io_context& ioc) : ioc(ioc) {}

    boost::asio::io_context& ioc;
    detail::Endpoint endpoint;
    detail::TransportEvents events;
    std::vector<std::string> sent; ///< text frames from the client, in order
    int pings = 0;                 ///< websocket pings from the client
    bool opened = false;
    bool ended = false; ///< on_open(error) or on_closed was reported
    std::optional<error_code> close_reason; ///< the client called close(reason)

    void accept() { post([this] { opened = true; events.on_open({}); }); }
    void refuse(error_code ec) { post([this, ec] { end_with_open(ec); }); }
    void deliver(std::string text)
    {
        post([this, text = std::move(text)] {
            if (opened && !ended)
                events.on_message(text);
        });
    }
    void pong() { post([this] { if (opened && !ended) events.on_control(); }); }
    /// The server or the network ends the connection.
    void drop(error_code ec) { post([this, ec] { end(ec); }); }

    void end(error_code ec)
    {
        if (ended)
            return;
        if (!opened)
            return end_with_open(ec);
        ended = true;
        auto on_closed = events.on_closed;
        on_closed(ec);
    }

private:
    template <class F>
    void post(F f) { boost::asio::post(ioc, std::move(f)); }
    void end_with_open(error_code ec)
    {
        if (ended || opened)
            return;
        ended = true;
        auto on_open = events.on_open;
        on_open(ec);
    }
};

class MemoryTransport final : public detail::Transport {
public:
    explicit MemoryTransport(std::shared_ptr<MemoryLine> line) : line_(std::move(line)) {}

    void open(const detail::Endpoint& endpoint, detail::TransportEvents events) override
    {
        line_->endpoint = endpoint;
        line_->events = std::move(events);
    }
    void send(std::string message) override { line_->sent.push_back(std::move(message)); }
    void ping() override { ++line_->pings; }
    /// A well-behaved peer: the close completes at once, reporting `reason`.
    void close(error_code reason) override
    {
        if (line_->close_reason)
            return;
        line_->close_reason = reason;
        boost::asio::post(line_->ioc, [line = line_, reason] { line->end(reason); });
    }

private:
    std::shared_ptr<MemoryLine> line_;
};

/// A clock that moves only when told; due timers fire in order, each on the io_context.
class VirtualClock final : public detail::Clock {
public:
    explicit VirtualClock(boost::asio::io_context& ioc) : ioc_(ioc) {}

    std::chrono::steady_clock::time_point now() const override { return now_; }

    std::unique_ptr<detail::Timer> make_timer() override
    {
        auto state = std::make_shared<State>();
        timers_.push_back(state);
        return std::make_unique<VirtualTimer>(state);
    }

    /// Moves time forward by `d`, firing every timer that comes due on the way, in order, and
    /// running everything each one starts.
    void advance(std::chrono::steady_clock::duration d)
    {
        auto target = now_ + d;
        settle(ioc_);
        for (int fired = 0; fired < 100000; ++fired) {
            std::shared_ptr<State> next;
            for (auto& w : timers_)
                if (auto s = w.lock(); s && s->at && *s->at <= target && (!next || *s->at < *next->at))
                    next = s;
            if (!next) {
                now_ = target;
                return settle(ioc_);
            }
            now_ = std::max(now_, *next->at);
            next->at.reset();
            boost::asio::post(ioc_, std::move(next->on_fire));
            settle(ioc_);
        }
        ADD_FAILURE() << "timers kept firing";
    }

private:
    struct State {
        std::optional<std::chrono::steady_clock::time_point> at;
        std::function<void()> on_fire;
    };
    class VirtualTimer final : public detail::Timer {
    public:
        explicit VirtualTimer(std::shared_ptr<State> s) : s_(std::move(s)) {}
        void arm(std::chrono::steady_clock::time_point at, std::function<void()> on_fire) override
        {
            s_->at = at;
            s_->on_fire = std::move(on_fire);
        }
        void cancel() override
        {
            s_->at.reset();
            s_->on_fire = nullptr;
        }

    private:
        std::shared_ptr<State> s_;
    };

    boost::asio::io_context& ioc_;
    std::chrono::steady_clock::time_point now_{std::chrono::hours(1)};
    std::vector<std::weak_ptr<State>> timers_;
};

/// An environment whose transports are MemoryLines kept in `lines`, one per connection attempt.
struct MemoryEnvironment {
    explicit MemoryEnvironment(boost::asio::io_context& ioc) : ioc(ioc), clock(std::make_shared<VirtualClock>(ioc)) {}

    detail::Environment environment()
    {
        detail::Environment env;
        env.clock = clock;
        env.make_transport = [this](const detail::Endpoint&) {
            lines.push_back(std::make_shared<MemoryLine>(ioc));
            return std::make_shared<MemoryTransport>(lines.back());
        };
        return env;
    }
    MemoryLine& line() { return *lines.back(); }

    boost::asio::io_context& ioc;
    std::shared_ptr<VirtualClock> clock;
    std::vector<std::shared_ptr<MemoryLine>> lines;
};

} // namespace rtm_test

#endif
