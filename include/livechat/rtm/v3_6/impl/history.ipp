// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_IMPL_HISTORY_IPP
#define LIVECHAT_RTM_V3_6_IMPL_HISTORY_IPP

// How v3.6 reads a chat's history for the recovery after a re-login (v3.6.md 2.3):
// list_threads, newest first, each thread with its events; later pages by `page_id` alone.

#include <livechat/rtm/v3_0/impl/history.ipp>
#include <livechat/rtm/v3_6/actions.hpp>

namespace livechat::rtm::v3_6::history_reading {

using rtm::detail::HistoryReader;
using rtm::detail::HistoryThread;

class ListThreadsReader final : public HistoryReader {
public:
    ListThreadsReader(std::string chat_id, unsigned per_page)
        : chat_id_(std::move(chat_id)), per_page_(std::clamp(per_page, 1u, 100u)) // RTM: limit <= 100
    {
    }

    std::optional<Request> next() override
    {
        if (!more_)
            return std::nullopt;
        if (page_id_.empty())
            return Request{v3_6::ListThreads::name, {{"chat_id", chat_id_}, {"sort_order", "desc"}, {"limit", per_page_}}};
        // RTM 3.6: a page_id goes without limit and sort_order (the first call fixed them).
        return Request{v3_6::ListThreads::name, {{"chat_id", chat_id_}, {"page_id", page_id_}}};
    }

    bool read(const nlohmann::json& payload, std::vector<HistoryThread>& out) override
    {
        auto threads = payload.find("threads");
        if (threads == payload.end() || !threads->is_array())
            return false;
        for (const auto& t : *threads) {
            HistoryThread h;
            if (!v3_0::history_reading::read_history_thread(t, h))
                return false;
            out.push_back(std::move(h));
        }
        auto next = payload.find("next_page_id");
        more_ = !threads->empty() && next != payload.end() && next->is_string() && !next->get_ref<const std::string&>().empty();
        page_id_ = more_ ? next->get<std::string>() : std::string();
        return true;
    }

private:
    std::string chat_id_;
    unsigned per_page_;
    std::string page_id_;
    bool more_ = true;
};

} // namespace livechat::rtm::v3_6::history_reading

#endif
