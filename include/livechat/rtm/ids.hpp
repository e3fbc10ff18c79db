// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IDS_HPP
#define LIVECHAT_RTM_IDS_HPP

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace livechat::rtm {

/// An opaque server-assigned identifier. Distinct tag types keep a chat id from being passed
/// where a thread id is expected; the text is never interpreted.
template <class Tag>
class Id {
public:
    Id() = default;
    explicit Id(std::string value) : value_(std::move(value)) {}

    const std::string& str() const noexcept { return value_; }
    bool empty() const noexcept { return value_.empty(); }

    friend bool operator==(const Id& a, const Id& b) { return a.value_ == b.value_; }
    friend bool operator!=(const Id& a, const Id& b) { return a.value_ != b.value_; }
    friend bool operator<(const Id& a, const Id& b) { return a.value_ < b.value_; }
    friend std::ostream& operator<<(std::ostream& os, const Id& id) { return os << id.value_; }

private:
    std::string value_;
};

using ChatId = Id<struct ChatIdTag>;
using ThreadId = Id<struct ThreadIdTag>;
using EventId = Id<struct EventIdTag>;
using CustomerId = Id<struct CustomerIdTag>;
using AgentId = Id<struct AgentIdTag>;

} // namespace livechat::rtm

template <class Tag>
struct std::hash<livechat::rtm::Id<Tag>> {
    std::size_t operator()(const livechat::rtm::Id<Tag>& id) const noexcept
    {
        return std::hash<std::string>{}(id.str());
    }
};

#endif
