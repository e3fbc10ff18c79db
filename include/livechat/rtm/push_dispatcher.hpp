// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_PUSH_DISPATCHER_HPP
#define LIVECHAT_RTM_PUSH_DISPATCHER_HPP

#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace livechat::rtm {

/// One push as it came off the wire. Valid only during the handler call: copy what you keep.
/// Include <livechat/rtm/raw.hpp> (or nlohmann/json.hpp) to read `payload`.
struct RawPush {
    std::string_view action;                ///< push name, e.g. "incoming_event"
    std::optional<std::string_view> request_id; ///< set when our own request caused the push
    const nlohmann::json& payload;          ///< the `payload` object (empty object if absent)
    std::string_view text;                  ///< the whole frame as received
    /// The API version the payload is formatted in (3.6 pushes carry it), when present.
    std::optional<std::string_view> version = std::nullopt;
    /// True when the client made this push up after a re-login from the chat's history: an
    /// event (or a closed thread) that happened while the connection was down
    /// (`RecoveryOptions`). `text` is then the push as the client built it.
    bool recovered = false;
};

namespace detail {
struct DispatcherState;
}

/// Keeps one push handler registered; destroying or resetting it unregisters the handler.
/// Move-only. Safe to destroy inside a handler, and after the dispatcher is gone.
class Subscription {
public:
    Subscription() = default;
    /// Takes over `other`'s registration; `other` becomes inactive.
    Subscription(Subscription&& other) noexcept;
    /// Unregisters this handler, then takes over `other`'s registration.
    Subscription& operator=(Subscription&& other) noexcept;
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }

    /// Unregisters the handler now (no effect when already inactive).
    LIVECHAT_RTM_DECL void reset() noexcept;
    /// True while the handler is registered and its dispatcher exists.
    LIVECHAT_RTM_DECL bool active() const noexcept;

private:
    friend class PushDispatcher;
    Subscription(std::weak_ptr<detail::DispatcherState> state, std::uint64_t id)
        : state_(std::move(state)), id_(id) {}
    std::weak_ptr<detail::DispatcherState> state_;
    std::uint64_t id_ = 0;
};

/// Routes pushes to handlers by push name. Several handlers per name run in the order they
/// were registered; pushes are dispatched in every session state (a `customer_disconnected`
/// can be the very first frame). Handlers run on the client's executor and must not block.
///
/// Thread safety: not thread-safe; use it on the client's executor only. Handlers may
/// subscribe and unsubscribe (themselves included) while a push is being dispatched; a
/// handler added during a dispatch first sees the next push.
class PushDispatcher {
public:
    /// A handler of raw pushes.
    using Handler = std::function<void(const RawPush&)>;

    LIVECHAT_RTM_DECL PushDispatcher();
    PushDispatcher(const PushDispatcher&) = delete;
    PushDispatcher& operator=(const PushDispatcher&) = delete;
    LIVECHAT_RTM_DECL ~PushDispatcher();

    /// Calls `handler` for every push named `action`.
    [[nodiscard]] LIVECHAT_RTM_DECL Subscription on(std::string action, Handler handler);
    /// Calls `handler` for every push, after the handlers registered by name.
    [[nodiscard]] LIVECHAT_RTM_DECL Subscription on_any(Handler handler);
    /// Calls `handler` for pushes that no handler registered by name would receive.
    [[nodiscard]] LIVECHAT_RTM_DECL Subscription on_unknown(Handler handler);

    /// Calls `handler(const Push&)` for every push named `Push::name`, decoded into the typed
    /// struct `Push` (for example `v3_0::IncomingEvent`). A payload that does not decode goes
    /// to the `on_malformed` handler instead. A handler taking `(const Push&, const RawPush&)`
    /// also sees the push as received (`RawPush::recovered`, `request_id`, ...).
    template <class Push, class F>
    [[nodiscard]] Subscription on(F handler)
    {
        return on(std::string(Push::name), [this, handler = std::move(handler)](const RawPush& raw) {
            Push push{};
            Diagnostics diag;
            if (auto ec = decode_payload(raw.payload, push, diag))
                return report_malformed(raw, ec, diag);
            if constexpr (std::is_invocable_v<F&, const Push&, const RawPush&>)
                handler(static_cast<const Push&>(push), raw);
            else
                handler(static_cast<const Push&>(push));
        });
    }

    /// A handler of typed pushes whose payload did not decode.
    using MalformedHandler = std::function<void(const RawPush&, error_code, const Diagnostics&)>;
    /// Receives typed pushes whose payload did not decode (`error::malformed_payload`, the
    /// field's path in the Diagnostics). Replaces the previous handler.
    void on_malformed(MalformedHandler handler) { malformed_ = std::move(handler); }

    /// Delivers one push to its handlers. Exceptions from handlers propagate to the caller.
    LIVECHAT_RTM_DECL void dispatch(const RawPush& push);

    /// The number of active handlers registered for `action` by name.
    LIVECHAT_RTM_DECL std::size_t handler_count(std::string_view action) const;

private:
    LIVECHAT_RTM_DECL Subscription add(int kind, std::string action, Handler handler);
    void report_malformed(const RawPush& raw, error_code ec, const Diagnostics& diag)
    {
        if (malformed_)
            malformed_(raw, ec, diag);
    }
    std::shared_ptr<detail::DispatcherState> state_;
    MalformedHandler malformed_;
};

inline Subscription::Subscription(Subscription&& other) noexcept
    : state_(std::move(other.state_)), id_(other.id_)
{
    other.id_ = 0;
}

inline Subscription& Subscription::operator=(Subscription&& other) noexcept
{
    if (this != &other) {
        reset();
        state_ = std::move(other.state_);
        id_ = other.id_;
        other.id_ = 0;
    }
    return *this;
}

} // namespace livechat::rtm

#endif
