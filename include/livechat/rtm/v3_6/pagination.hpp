// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_PAGINATION_HPP
#define LIVECHAT_RTM_V3_6_PAGINATION_HPP

// Walking every page of `list_chats` and `list_threads` with their `page_id` cursors.

#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <boost/asio/compose.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace livechat::rtm::v3_6 {

/// At most this many pages are walked; a server that keeps offering more is refused.
inline constexpr std::size_t max_pages_walked = 1000;

namespace pagination_detail {

template <class Action, class Item>
struct PageWalk {
    RtmClient& client;
    typename Action::request next;
    std::vector<Item> items;
    std::set<std::string> cursors_seen;
    std::size_t pages = 0;

    static std::vector<Item>& items_of(ListChatsResponse& r) { return r.chats_summary; }
    static std::vector<Item>& items_of(ListThreadsResponse& r) { return r.threads; }

    template <class Self>
    void operator()(Self& self)
    {
        client.async_execute<Action>(next, std::move(self));
    }

    template <class Self>
    void operator()(Self& self, error_code ec, typename Action::response page)
    {
        if (ec)
            return self.complete(ec, std::move(items));
        auto& got = items_of(page);
        items.insert(items.end(), std::make_move_iterator(got.begin()), std::make_move_iterator(got.end()));
        if (!page.next_page_id)
            return self.complete(error_code(), std::move(items));
        // A cursor seen before, or endless pages, would walk forever: the server is wrong.
        if (++pages >= max_pages_walked || !cursors_seen.insert(*page.next_page_id).second)
            return self.complete(error::malformed_payload, std::move(items));
        next = follow(next, std::move(*page.next_page_id));
        client.async_execute<Action>(next, std::move(self));
    }

    static ListChatsRequest follow(const ListChatsRequest&, std::string cursor)
    {
        ListChatsRequest r;
        r.page_id = std::move(cursor);
        return r;
    }
    static ListThreadsRequest follow(const ListThreadsRequest& first, std::string cursor)
    {
        ListThreadsRequest r;
        r.chat_id = first.chat_id;
        r.page_id = std::move(cursor);
        return r;
    }
};

} // namespace pagination_detail

/// Lists every chat of the customer: sends `first` (its `limit` and `sort_order` hold for
/// every page), then each `next_page_id` alone, until no page follows.
///
/// Handler: `void(error_code, std::vector<ChatSummary>)`, with every chat read so far also on
/// error. It stops at the first failed page (that page's error: `validation`,
/// `connection_lost`, server errors, ...); `malformed_payload` when the server repeats a cursor
/// or offers more than `max_pages_walked` pages. Cancellation: as `async_execute` (the page in
/// flight completes with `operation_aborted`, and so does the walk). Thread safety and
/// lifetimes: as the client's; the client must outlive the operation.
template <class Token = boost::asio::deferred_t>
auto async_list_all_chats(RtmClient& client, ListChatsRequest first = {}, Token&& token = {})
{
    return boost::asio::async_compose<Token, void(error_code, std::vector<ChatSummary>)>(
        pagination_detail::PageWalk<ListChats, ChatSummary>{client, std::move(first), {}, {}, 0}, token,
        client.get_executor());
}

/// Lists every thread of `first.chat_id` with its events, as async_list_all_chats does for
/// chats. Handler: `void(error_code, std::vector<Thread>)`; errors, cancellation, thread
/// safety and lifetimes as there.
template <class Token = boost::asio::deferred_t>
auto async_list_all_threads(RtmClient& client, ListThreadsRequest first, Token&& token = {})
{
    return boost::asio::async_compose<Token, void(error_code, std::vector<Thread>)>(
        pagination_detail::PageWalk<ListThreads, Thread>{client, std::move(first), {}, {}, 0}, token,
        client.get_executor());
}

} // namespace livechat::rtm::v3_6

#endif
