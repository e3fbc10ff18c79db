// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_OUTBOX_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_OUTBOX_HPP

// The messages of one websocket waiting for their turn (a websocket allows one write at a
// time), shared by the client transport and the mock server's connections.

#include <deque>
#include <string>

namespace livechat::rtm::detail {

class Outbox {
public:
    void push(std::string message) { queue_.push_back(std::move(message)); }

    /// The next message to write, now marked as being written; nullptr when a write is already
    /// in progress or nothing waits.
    const std::string* start()
    {
        if (writing_ || queue_.empty())
            return nullptr;
        writing_ = true;
        return &queue_.front();
    }

    /// The write begun by start() has completed, whether or not the message went out.
    void finished()
    {
        writing_ = false;
        if (!queue_.empty())
            queue_.pop_front();
    }

    /// Drops every waiting message. The one being written stays until finished(): its buffer
    /// belongs to the write until the write completes.
    void clear()
    {
        if (writing_ && !queue_.empty())
            queue_.erase(queue_.begin() + 1, queue_.end());
        else
            queue_.clear();
    }

    bool writing() const noexcept { return writing_; }
    bool empty() const noexcept { return queue_.size() == (writing_ ? 1u : 0u); }

private:
    std::deque<std::string> queue_;
    bool writing_ = false;
};

} // namespace livechat::rtm::detail

#endif
