// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_REQUEST_BOOK_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_REQUEST_BOOK_HPP

// Sans-io request bookkeeping: which requests wait (for login, a reconnect, or a free slot),
// which are in flight, their deadlines, and what a lost connection does to each. No socket, no
// clock, no handler type: the driver passes time in, sends the frames it is given, and
// completes the entries it gets back. Every entry leaves exactly once.

#include <livechat/rtm/impl/internal/correlator.hpp>
#include <livechat/rtm/impl/internal/fifo.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace livechat::rtm::detail {

template <class Entry>
class RequestBook {
public:
    using time_point = std::chrono::steady_clock::time_point;

    /// Where an entry was when it left the book.
    enum class Stage {
        queued,    ///< never sent
        in_flight, ///< sent, counted against the in-flight limit
        tracked,   ///< sent outside the limit (the login)
    };
    struct Taken {
        std::string id;
        Entry entry;
        Stage stage;
    };

    /// RTM: the service allows `max_in_flight` pending requests per connection; at most
    /// `max_queued` more wait.
    RequestBook(std::size_t max_in_flight, std::size_t max_queued)
        : max_in_flight_(max_in_flight), max_queued_(max_queued)
    {
    }

    /// A new request id, unique for the life of the book (so across reconnects too).
    std::string next_id() { return slots_.next_id(); }

    /// True when a new request would be refused (`request_queue_full`): the queue is at its
    /// limit and the request could not go out at once.
    bool full(bool ready) const { return queued_ >= max_queued_ && !(ready && in_flight_ < max_in_flight_); }

    /// A request to send, in order, once the connection is ready and a slot is free. Check
    /// `full()` first. Call `release` afterwards to send what can go now.
    void submit(std::string id, std::string frame, Entry entry, time_point deadline)
    {
        slots_.add(id, deadline, Slot{std::move(entry), Stage::queued});
        waiting_.emplace_back(std::move(id), std::move(frame));
        ++queued_;
    }

    /// As submit(), ahead of every waiting request (one that is sent again keeps its place).
    void submit_first(std::string id, std::string frame, Entry entry, time_point deadline)
    {
        slots_.add(id, deadline, Slot{std::move(entry), Stage::queued});
        waiting_.emplace_front(std::move(id), std::move(frame));
        ++queued_;
    }

    /// A request the driver sends itself at once, outside the limit and the queue (the login).
    void track(std::string id, Entry entry, time_point deadline)
    {
        slots_.add(std::move(id), deadline, Slot{std::move(entry), Stage::tracked});
    }

    /// Hands `send(frame)` every waiting frame that may go now, in order.
    template <class Send>
    void release(bool ready, Send&& send)
    {
        while (ready && in_flight_ < max_in_flight_ && !waiting_.empty()) {
            auto [id, frame] = std::move(waiting_.front());
            waiting_.pop_front();
            auto* slot = slots_.find(id);
            if (!slot || slot->stage != Stage::queued)
                continue; // cancelled or expired while it waited
            slot->stage = Stage::in_flight;
            --queued_;
            ++in_flight_;
            send(std::move(frame));
        }
    }

    /// Removes the entry for `id` (its response came, or it was cancelled), if still here.
    std::optional<Taken> take(std::string_view id)
    {
        auto slot = slots_.take(id);
        if (!slot)
            return std::nullopt;
        forget(*slot);
        return Taken{std::string(id), std::move(slot->entry), slot->stage};
    }

    /// Removes every entry whose deadline is at or before `now`.
    std::vector<Taken> take_expired(time_point now) { return convert(slots_.take_expired(now)); }

    /// The line is gone. In flight and tracked entries come back (lost with it: never resent).
    /// Queued entries stay for the next connection when `keep_queued`, else come back too.
    std::vector<Taken> on_connection_lost(bool keep_queued)
    {
        if (keep_queued)
            return convert(slots_.take_if([](const Slot& s) { return s.stage != Stage::queued; }));
        return take_all();
    }

    /// Removes every entry.
    std::vector<Taken> take_all()
    {
        waiting_.clear();
        return convert(slots_.take_all());
    }

    /// The earliest deadline of all entries (one timer serves them all).
    std::optional<time_point> earliest_deadline() const { return slots_.earliest_deadline(); }

    std::size_t in_flight() const noexcept { return in_flight_; }
    std::size_t queued() const noexcept { return queued_; }
    std::size_t size() const noexcept { return slots_.size(); }
    /// Frames kept for queued requests, including those of requests gone since (bounded).
    std::size_t waiting_frames() const noexcept { return waiting_.size(); }

private:
    struct Slot {
        Entry entry;
        Stage stage;
    };

    void forget(const Slot& s)
    {
        if (s.stage == Stage::in_flight) {
            --in_flight_;
        } else if (s.stage == Stage::queued) {
            --queued_;
            // A queued request that expired or was cancelled leaves its frame behind: drop
            // such leftovers before they outnumber the live ones (long outages).
            if (waiting_.size() > 2 * queued_ + 16) {
                waiting_.remove_if([this](const auto& w) {
                    auto* q = slots_.find(w.first);
                    return !q || q->stage != Stage::queued;
                });
            }
        }
    }

    std::vector<Taken> convert(std::vector<typename Correlator<Slot>::Taken> slots)
    {
        std::vector<Taken> out;
        out.reserve(slots.size());
        for (auto& t : slots) {
            forget(t.handler);
            out.push_back(Taken{std::move(t.id), std::move(t.handler.entry), t.handler.stage});
        }
        return out;
    }

    std::size_t max_in_flight_;
    std::size_t max_queued_;
    Correlator<Slot> slots_;
    Fifo<std::pair<std::string, std::string>> waiting_; ///< (id, frame), in order
    std::size_t in_flight_ = 0;
    std::size_t queued_ = 0;
};

} // namespace livechat::rtm::detail

#endif
