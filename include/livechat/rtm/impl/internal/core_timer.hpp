// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_CORE_TIMER_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_CORE_TIMER_HPP

// One timer of the client core: an asio::steady_timer held inline (production: nothing
// allocated beyond what Asio allocates for a wait), or a Timer of the Environment's clock
// (tests, with a virtual clock).

#include <livechat/rtm/impl/internal/environment.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <variant>

namespace livechat::rtm::detail {

class CoreTimer {
public:
    CoreTimer(const boost::asio::any_io_executor& ex, Clock* clock)
        : timer_(clock ? Storage(clock->make_timer()) : Storage(std::in_place_index<0>, ex))
    {
    }

    /// Calls `f()` on the executor at `at`, replacing an earlier arming. As with any Asio
    /// timer, one that had already expired when re-armed or cancelled may still call once: the
    /// core treats such a late call as stale (the session checks its state, deadlines are
    /// re-read from the request book).
    template <class F>
    void arm(std::chrono::steady_clock::time_point at, F f)
    {
        if (auto* custom = std::get_if<1>(&timer_))
            return (*custom)->arm(at, std::function<void()>(std::move(f)));
        auto& timer = std::get<0>(timer_);
        timer.expires_at(at);
        timer.async_wait([f = std::move(f)](boost::system::error_code ec) mutable {
            if (!ec)
                f();
        });
    }

    void cancel()
    {
        if (auto* custom = std::get_if<1>(&timer_))
            (*custom)->cancel();
        else
            std::get<0>(timer_).cancel();
    }

private:
    using Storage = std::variant<boost::asio::steady_timer, std::unique_ptr<Timer>>;
    Storage timer_;
};

} // namespace livechat::rtm::detail

#endif
