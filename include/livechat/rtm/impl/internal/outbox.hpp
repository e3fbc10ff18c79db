// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_OUTBOX_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_OUTBOX_HPP

// The messages of one websocket waiting for their turn (a websocket allows one write at a
// time), shared by the client transport and the mock server's connections.

#include <livechat/rtm/impl/internal/fifo.hpp>

#include <string>

namespace livechat::rtm::detail {

class Outbox {
public:
    void push(std::string message) { waiting_.emplace_back(std::move(message)); }

    /// The next message to write, now marked as being written; nullptr when a write is already
    /// in progress or nothing waits. The message stays where it is until finished().
    const std::string* start()
    {
        if (writing_ || waiting_.empty())
            return nullptr;
        current_ = std::move(waiting_.front());
        waiting_.pop_front();
        writing_ = true;
        return &current_;
    }

    /// The write begun by start() has completed, whether or not the message went out.
    void finished()
    {
        writing_ = false;
        // An idle connection keeps no copy of its last message. Not `current_ = std::string()`:
        // libstdc++ copies a short string into the buffer it already has and keeps that.
        std::string().swap(current_);
    }

    /// Drops every waiting message. The one being written stays until finished(): its buffer
    /// belongs to the write until the write completes.
    void clear() { waiting_.clear(); }

    bool writing() const noexcept { return writing_; }
    /// No message waits (one may be being written).
    bool empty() const noexcept { return waiting_.empty(); }

private:
    Fifo<std::string> waiting_;
    std::string current_; ///< the message being written
    bool writing_ = false;
};

} // namespace livechat::rtm::detail

#endif
