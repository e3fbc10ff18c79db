// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_CONVENIENCE_HPP
#define LIVECHAT_RTM_V3_6_CONVENIENCE_HPP

// One-call shortcuts for what customers do most. Each is a thin wrapper over
// `BasicRtmClient::async_execute` of a v3.6 client with the same handler signature, errors,
// cancellation, thread safety and lifetime rules as the action it sends.

#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <chrono>

namespace livechat::rtm::v3_6 {

/// Sends a text message to a chat (`send_event` with a `message` event).
/// Handler: `void(error_code, SendEventResponse)`; `error::validation` for an empty text or
/// one over 16 KB of UTF-8, before anything is sent.
template <class Token = boost::asio::deferred_t>
auto async_send_message(RtmClient& client, ChatId chat_id, std::string text, Token&& token = {})
{
    Message message;
    message.text = std::move(text);
    SendEventRequest req{std::move(chat_id), Event(std::move(message)), std::nullopt};
    return client.async_execute<SendEvent>(std::move(req), std::forward<Token>(token));
}

/// Starts a chat whose first thread opens with a text message (`start_chat`).
/// Handler: `void(error_code, StartChatResponse)`.
template <class Token = boost::asio::deferred_t>
auto async_start_chat_with_message(RtmClient& client, std::string text, Token&& token = {})
{
    Message message;
    message.text = std::move(text);
    StartChatRequest req;
    req.chat.emplace();
    req.chat->thread.emplace();
    req.chat->thread->events.emplace_back(std::move(message));
    return client.async_execute<StartChat>(std::move(req), std::forward<Token>(token));
}

/// Marks everything in a chat up to now as seen (`mark_events_as_seen`).
/// Handler: `void(error_code, Empty)`.
template <class Token = boost::asio::deferred_t>
auto async_mark_seen(RtmClient& client, ChatId chat_id, Token&& token = {})
{
    auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    return client.async_execute<MarkEventsAsSeen>(
        MarkEventsAsSeenRequest{std::move(chat_id), Timestamp(now)}, std::forward<Token>(token));
}

} // namespace livechat::rtm::v3_6

#endif
