// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_ASIO_CLOCK_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_ASIO_CLOCK_HPP

// The production Clock: std::chrono::steady_clock and asio::steady_timer.

#include <livechat/rtm/impl/internal/environment.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>

namespace livechat::rtm::detail {

class AsioClock final : public Clock {
public:
    explicit AsioClock(boost::asio::any_io_executor ex) : ex_(std::move(ex)) {}

    std::chrono::steady_clock::time_point now() const override { return std::chrono::steady_clock::now(); }

    std::unique_ptr<Timer> make_timer() override { return std::make_unique<AsioTimer>(ex_); }

private:
    class AsioTimer final : public Timer {
    public:
        explicit AsioTimer(const boost::asio::any_io_executor& ex) : timer_(ex) {}

        void arm(std::chrono::steady_clock::time_point at, std::function<void()> on_fire) override
        {
            auto mine = ++*armed_;
            timer_.expires_at(at);
            // The wait may complete after this timer is gone: it checks a shared counter, never `this`.
            timer_.async_wait([armed = std::weak_ptr<std::uint64_t>(armed_), mine,
                                  on_fire = std::move(on_fire)](boost::system::error_code ec) {
                if (auto a = armed.lock(); !ec && a && *a == mine)
                    on_fire();
            });
        }

        void cancel() override
        {
            ++*armed_;
            timer_.cancel();
        }

    private:
        boost::asio::steady_timer timer_;
        std::shared_ptr<std::uint64_t> armed_ = std::make_shared<std::uint64_t>(0);
    };

    boost::asio::any_io_executor ex_;
};

} // namespace livechat::rtm::detail

#endif
