// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_ENVIRONMENT_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_ENVIRONMENT_HPP

// What the client core gets from the world besides its configuration: the transport of each
// connection and the clock of its timers. Production uses Beast and asio::steady_timer; tests
// plug in an in-memory transport and a virtual clock and drive the real client with neither
// sockets nor waiting.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/client_core.hpp>
#include <livechat/rtm/impl/internal/transport.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace livechat::rtm::detail {

/// One timer. `arm` replaces any earlier arming; `on_fire` runs on the client's executor, never
/// inside `arm`, and only if neither `cancel` nor another `arm` came first.
class Timer {
public:
    virtual ~Timer() = default;
    virtual void arm(std::chrono::steady_clock::time_point at, std::function<void()> on_fire) = 0;
    virtual void cancel() = 0;
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::steady_clock::time_point now() const = 0;
    virtual std::unique_ptr<Timer> make_timer() = 0;
};

/// Makes the transport of one connection attempt to `endpoint`.
using TransportFactory = std::function<std::shared_ptr<Transport>(const Endpoint& endpoint)>;

/// Each member left empty means the production one (Beast; steady_clock and asio timers).
struct Environment {
    TransportFactory make_transport;
    std::shared_ptr<Clock> clock;
};

/// A core speaking `protocol` in `env` (tests: an in-memory transport and a virtual clock).
LIVECHAT_RTM_DECL std::shared_ptr<ClientCore> make_client_core(
    boost::asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol, Environment env);

} // namespace livechat::rtm::detail

#endif
