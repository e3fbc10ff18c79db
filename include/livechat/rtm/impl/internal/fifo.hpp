// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_FIFO_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_FIFO_HPP

// A first-in first-out queue that holds no memory while it has never been used and only its
// items' slots afterwards. std::deque would do, but libstdc++'s allocates 576 bytes as soon as
// one is constructed: two per connection were 1.1 KB of every idle customer's memory (10,000
// customers in one process, bench/README.md). Elements move when the queue grows: hand out no
// pointers into it.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace livechat::rtm::detail {

template <class T>
class Fifo {
public:
    bool empty() const noexcept { return head_ == items_.size(); }
    std::size_t size() const noexcept { return items_.size() - head_; }

    template <class... Args>
    void emplace_back(Args&&... args)
    {
        items_.emplace_back(std::forward<Args>(args)...); // pop_front resets an emptied queue
    }

    /// Puts an item before all others (rare: a resent request; linear when no slot is free).
    template <class... Args>
    void emplace_front(Args&&... args)
    {
        if (head_ > 0) {
            items_[--head_] = T(std::forward<Args>(args)...);
            return;
        }
        items_.insert(items_.begin(), T(std::forward<Args>(args)...));
    }

    T& front() { return items_[head_]; }

    void pop_front()
    {
        items_[head_] = T();
        if (++head_ == items_.size())
            clear();
    }

    /// Drops every item (the slots' memory stays for the next ones).
    void clear() noexcept
    {
        items_.clear();
        head_ = 0;
    }

    /// Drops every item for which `pred(item)` holds; the others keep their order.
    template <class Pred>
    void remove_if(Pred pred)
    {
        items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
        items_.erase(std::remove_if(items_.begin(), items_.end(), pred), items_.end());
    }

private:
    std::vector<T> items_;
    std::size_t head_ = 0; ///< items before it have been taken
};

} // namespace livechat::rtm::detail

#endif
