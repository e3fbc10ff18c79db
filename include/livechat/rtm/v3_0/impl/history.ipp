// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_IMPL_HISTORY_IPP
#define LIVECHAT_RTM_V3_0_IMPL_HISTORY_IPP

// How v3.0 reads a chat's history for the recovery after a re-login (methods.md 2.3, 2.4):
// get_chat_threads_summary pages through the thread ids, newest first (`order` descending),
// then get_chat_threads fetches those threads with their events. Two requests per page.

#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/v3_0/actions.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace livechat::rtm::v3_0::history_reading {

using rtm::detail::HistoryReader;
using rtm::detail::HistoryThread;

/// A thread of a history answer: its id, whether it is active, and its events.
inline bool read_history_thread(const nlohmann::json& t, HistoryThread& out)
{
    if (!t.is_object())
        return false;
    auto id = t.find("id");
    if (id == t.end() || !id->is_string())
        return false;
    out.id = id->get<std::string>();
    auto active = t.find("active");
    out.active = active != t.end() && active->is_boolean() && active->get<bool>();
    if (auto events = t.find("events"); events != t.end() && events->is_array())
        out.events = *events;
    return true;
}

class ThreadsSummaryReader final : public HistoryReader {
public:
    ThreadsSummaryReader(std::string chat_id, unsigned per_page)
        : chat_id_(std::move(chat_id)), per_page_(std::clamp(per_page, 1u, 100u)) // RTM: limit <= 100
    {
    }

    std::optional<Request> next() override
    {
        if (!ids_.empty()) {
            asked_threads_ = true;
            return Request{v3_0::GetChatThreads::name, {{"chat_id", chat_id_}, {"thread_ids", ids_}}};
        }
        if (!more_)
            return std::nullopt;
        asked_threads_ = false;
        return Request{v3_0::GetChatThreadsSummary::name,
            {{"chat_id", chat_id_}, {"offset", offset_}, {"limit", per_page_}}};
    }

    bool read(const nlohmann::json& payload, std::vector<HistoryThread>& out) override
    {
        if (!asked_threads_)
            return read_summary(payload);
        auto chat = payload.find("chat");
        if (chat == payload.end() || !chat->is_object())
            return false;
        auto threads = chat->find("threads");
        if (threads == chat->end() || !threads->is_array())
            return false;
        for (const auto& id : ids_) { // newest first, whatever order the answer has
            for (const auto& t : *threads) {
                HistoryThread h;
                // Not value("id", ...): it throws when the server sends an id of another type.
                auto tid = t.is_object() ? t.find("id") : t.end();
                if (tid != t.end() && tid->is_string() && tid->get_ref<const std::string&>() == id &&
                    read_history_thread(t, h)) {
                    out.push_back(std::move(h));
                    break;
                }
            }
        }
        ids_.clear();
        return true;
    }

private:
    bool read_summary(const nlohmann::json& payload)
    {
        auto summary = payload.find("threads_summary");
        if (summary == payload.end() || !summary->is_array())
            return false;
        std::vector<std::pair<std::int64_t, std::string>> page;
        for (const auto& s : *summary) {
            auto id = s.is_object() ? s.find("id") : s.end();
            if (!s.is_object() || id == s.end() || !id->is_string())
                return false;
            auto order = s.find("order");
            page.emplace_back(order != s.end() && order->is_number_integer() ? order->get<std::int64_t>() : 0,
                id->get<std::string>());
        }
        // RTM: sorted by order, descending; sorted again here, the order comes from the server.
        std::stable_sort(page.begin(), page.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [order, id] : page)
            ids_.push_back(std::move(id));
        offset_ += static_cast<std::int64_t>(page.size());
        auto total = payload.find("total_threads");
        more_ = !page.empty() && total != payload.end() && total->is_number_integer() &&
                offset_ < total->get<std::int64_t>();
        return true;
    }

    std::string chat_id_;
    unsigned per_page_;
    std::int64_t offset_ = 0;
    bool more_ = true;
    bool asked_threads_ = false;
    std::vector<std::string> ids_; ///< the page's threads, newest first, to fetch next
};

} // namespace livechat::rtm::v3_0::history_reading

#endif
