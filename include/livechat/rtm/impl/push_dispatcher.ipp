// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_PUSH_DISPATCHER_IPP
#define LIVECHAT_RTM_IMPL_PUSH_DISPATCHER_IPP

#include <livechat/rtm/push_dispatcher.hpp>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace livechat::rtm {
namespace detail {

enum class SlotKind { named, any, unknown };

struct Slot {
    std::uint64_t id;
    SlotKind kind;
    std::string action;
    PushDispatcher::Handler handler;
    bool alive = true; // false once unsubscribed during a dispatch; erased afterwards
};

struct DispatcherState {
    std::uint64_t last_id = 0;
    // One list keeps registration order; dispatch depth defers additions and erasures so a
    // handler can (un)subscribe while the list is being walked.
    std::vector<Slot> slots;
    std::vector<Slot> added_while_dispatching;
    int dispatch_depth = 0;
    bool has_dead_slots = false;

    void remove(std::uint64_t id)
    {
        auto match = [id](const Slot& s) { return s.id == id; };
        auto it = std::find_if(slots.begin(), slots.end(), match);
        if (it != slots.end()) {
            if (dispatch_depth > 0) {
                it->alive = false; // the handler may be running right now: keep it intact
                has_dead_slots = true;
            } else {
                slots.erase(it);
            }
            return;
        }
        auto& added = added_while_dispatching;
        added.erase(std::remove_if(added.begin(), added.end(), match), added.end());
    }

    bool contains(std::uint64_t id) const
    {
        auto match = [id](const Slot& s) { return s.id == id && s.alive; };
        return std::any_of(slots.begin(), slots.end(), match) ||
               std::any_of(added_while_dispatching.begin(), added_while_dispatching.end(), match);
    }

    void settle()
    {
        if (dispatch_depth > 0)
            return;
        if (has_dead_slots) {
            slots.erase(std::remove_if(slots.begin(), slots.end(),
                            [](const Slot& s) { return !s.alive; }),
                slots.end());
            has_dead_slots = false;
        }
        for (auto& s : added_while_dispatching)
            slots.push_back(std::move(s));
        added_while_dispatching.clear();
    }
};

} // namespace detail

LIVECHAT_RTM_DECL void Subscription::reset() noexcept
{
    if (auto state = state_.lock())
        state->remove(id_);
    state_.reset();
    id_ = 0;
}

LIVECHAT_RTM_DECL bool Subscription::active() const noexcept
{
    auto state = state_.lock();
    return state && state->contains(id_);
}

LIVECHAT_RTM_DECL PushDispatcher::PushDispatcher()
    : state_(std::make_shared<detail::DispatcherState>())
{
}

LIVECHAT_RTM_DECL PushDispatcher::~PushDispatcher() = default;

LIVECHAT_RTM_DECL Subscription PushDispatcher::add(int kind, std::string action, Handler handler)
{
    if (!handler)
        return {};
    detail::Slot slot{++state_->last_id, static_cast<detail::SlotKind>(kind), std::move(action),
        std::move(handler)};
    auto id = slot.id;
    if (state_->dispatch_depth > 0)
        state_->added_while_dispatching.push_back(std::move(slot));
    else
        state_->slots.push_back(std::move(slot));
    return Subscription(state_, id);
}

LIVECHAT_RTM_DECL Subscription PushDispatcher::on(std::string action, Handler handler)
{
    return add(static_cast<int>(detail::SlotKind::named), std::move(action), std::move(handler));
}

LIVECHAT_RTM_DECL Subscription PushDispatcher::on_any(Handler handler)
{
    return add(static_cast<int>(detail::SlotKind::any), {}, std::move(handler));
}

LIVECHAT_RTM_DECL Subscription PushDispatcher::on_unknown(Handler handler)
{
    return add(static_cast<int>(detail::SlotKind::unknown), {}, std::move(handler));
}

LIVECHAT_RTM_DECL void PushDispatcher::dispatch(const RawPush& push)
{
    // Keep the state alive even if a handler destroys the dispatcher's owner.
    auto state = state_;
    struct Depth {
        detail::DispatcherState& s;
        explicit Depth(detail::DispatcherState& st) : s(st) { ++s.dispatch_depth; }
        ~Depth()
        {
            --s.dispatch_depth;
            s.settle();
        }
    } depth(*state);

    auto run = [&](detail::SlotKind kind, bool match_action) {
        bool any_ran = false;
        // Index loop: the vector does not grow during dispatch (additions are deferred).
        for (std::size_t i = 0; i < state->slots.size(); ++i) {
            auto& slot = state->slots[i];
            if (slot.kind != kind || !slot.alive)
                continue;
            if (match_action && slot.action != push.action)
                continue;
            any_ran = true;
            slot.handler(push); // safe: erasure and growth wait until the dispatch ends
        }
        return any_ran;
    };

    bool named = run(detail::SlotKind::named, true);
    if (!named)
        run(detail::SlotKind::unknown, false);
    run(detail::SlotKind::any, false);
}

LIVECHAT_RTM_DECL std::size_t PushDispatcher::handler_count(std::string_view action) const
{
    std::size_t n = 0;
    for (const auto& s : state_->slots)
        n += s.kind == detail::SlotKind::named && s.alive && s.action == action;
    for (const auto& s : state_->added_while_dispatching)
        n += s.kind == detail::SlotKind::named && s.alive && s.action == action;
    return n;
}

} // namespace livechat::rtm

#endif
