// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_CORRELATOR_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_CORRELATOR_HPP

// Sans-io request/response correlator: request ids, one pending entry per request, deadlines.
// Every entry leaves exactly once, through exactly one of take(), take_expired() or take_all();
// the caller completes the handler it gets back. Time comes in as arguments, never from a clock.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace livechat::rtm::detail {

template <class Handler>
class Correlator {
public:
    using clock = std::chrono::steady_clock;
    using time_point = clock::time_point;

    struct Taken {
        std::string id;
        Handler handler;
    };

    /// A new id, unique for the life of this object (so across reconnects too).
    std::string next_id() { return std::to_string(++last_id_); }

    /// Registers a pending request. The id must come from next_id() and not be pending.
    void add(std::string id, time_point deadline, Handler handler)
    {
        pending_.emplace(std::move(id), Entry{deadline, std::move(handler)});
    }

    /// Removes and returns the entry for `id`, if it is still pending.
    std::optional<Handler> take(std::string_view id)
    {
        auto it = pending_.find(std::string(id));
        if (it == pending_.end())
            return std::nullopt;
        std::optional<Handler> out(std::move(it->second.handler));
        pending_.erase(it);
        return out;
    }

    /// Removes and returns every entry whose deadline is at or before `now`.
    std::vector<Taken> take_expired(time_point now)
    {
        std::vector<Taken> out;
        for (auto it = pending_.begin(); it != pending_.end();) {
            if (it->second.deadline <= now) {
                out.push_back({it->first, std::move(it->second.handler)});
                it = pending_.erase(it);
            } else {
                ++it;
            }
        }
        return out;
    }

    /// Removes and returns every entry for which pred(handler) holds.
    template <class Pred>
    std::vector<Taken> take_if(Pred pred)
    {
        std::vector<Taken> out;
        for (auto it = pending_.begin(); it != pending_.end();) {
            if (pred(it->second.handler)) {
                out.push_back({it->first, std::move(it->second.handler)});
                it = pending_.erase(it);
            } else {
                ++it;
            }
        }
        return out;
    }

    /// Removes and returns every entry (the connection went down, or the client stops).
    std::vector<Taken> take_all()
    {
        std::vector<Taken> out;
        out.reserve(pending_.size());
        for (auto& [id, entry] : pending_)
            out.push_back({id, std::move(entry.handler)});
        pending_.clear();
        return out;
    }

    /// True while `id` is pending.
    bool contains(std::string_view id) const { return pending_.count(std::string(id)) != 0; }

    /// The earliest deadline of all pending entries, if any (one timer serves them all).
    std::optional<time_point> earliest_deadline() const
    {
        std::optional<time_point> best;
        for (const auto& [id, entry] : pending_)
            if (!best || entry.deadline < *best)
                best = entry.deadline;
        return best;
    }

    /// Access to a pending handler without removing it (nullptr when not pending).
    Handler* find(std::string_view id)
    {
        auto it = pending_.find(std::string(id));
        return it == pending_.end() ? nullptr : &it->second.handler;
    }

    std::size_t size() const noexcept { return pending_.size(); }
    bool empty() const noexcept { return pending_.empty(); }

private:
    struct Entry {
        time_point deadline;
        Handler handler;
    };
    std::uint64_t last_id_ = 0;
    std::unordered_map<std::string, Entry> pending_;
};

} // namespace livechat::rtm::detail

#endif
