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
    /// Wraps the id text as the server sent it.
    explicit Id(std::string value) : value_(std::move(value)) {}

    /// The id text.
    const std::string& str() const noexcept { return value_; }
    /// True for a default-constructed (absent) id.
    bool empty() const noexcept { return value_.empty(); }

    /// Ids are equal when their texts are.
    friend bool operator==(const Id& a, const Id& b) { return a.value_ == b.value_; }
    /// Ids differ when their texts do.
    friend bool operator!=(const Id& a, const Id& b) { return a.value_ != b.value_; }
    /// Orders ids by their text, for ordered containers.
    friend bool operator<(const Id& a, const Id& b) { return a.value_ < b.value_; }
    /// Writes the id text.
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

// Ids hash as their text, for unordered containers. (Hidden from Doxygen, which cannot place
// a specialization of std::hash.)
/// \cond INTERNAL
template <class Tag>
struct std::hash<livechat::rtm::Id<Tag>> {
    std::size_t operator()(const livechat::rtm::Id<Tag>& id) const noexcept
    {
        return std::hash<std::string>{}(id.str());
    }
};
/// \endcond

#endif
