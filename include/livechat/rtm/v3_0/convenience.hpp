// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_CONVENIENCE_HPP
#define LIVECHAT_RTM_V3_0_CONVENIENCE_HPP

// One-call shortcuts for what customers do most. Each is a thin wrapper over
// `BasicRtmClient::async_execute` of a v3.0 client with the same handler signature, errors, cancellation, thread
// safety and lifetime rules as the action it sends.

#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/version.hpp>

namespace livechat::rtm::v3_0 {

/// Sends a text message to a chat (`send_event` with a `message` event).
/// Handler: `void(error_code, SendEventResponse)`; `error::validation` for an empty text or
/// one over 16 KB of UTF-8, before anything is sent.
template <class Token = boost::asio::deferred_t>
auto async_send_message(RtmClient& client, ChatId chat_id, std::string text, Token&& token = {})
{
    Message message;
    message.text = std::move(text);
    SendEventRequest req{std::move(chat_id), Event(std::move(message)), std::nullopt, std::nullopt};
    return client.async_execute<SendEvent>(std::move(req), std::forward<Token>(token));
}

/// Starts a chat whose first thread opens with a text message (`start_chat`).
/// Handler: `void(error_code, ChatResponse)`.
template <class Token = boost::asio::deferred_t>
auto async_start_chat_with_message(RtmClient& client, std::string text, Token&& token = {})
{
    Message message;
    message.text = std::move(text);
    InitialThread thread;
    thread.events.emplace_back(std::move(message));
    StartChatRequest req;
    req.chat = StartChatData{std::nullopt, {}, std::move(thread)};
    return client.async_execute<StartChat>(std::move(req), std::forward<Token>(token));
}

/// Marks everything up to now as seen in a chat (`update_last_seen_timestamp`).
/// Handler: `void(error_code, UpdateLastSeenTimestampResponse)`.
template <class Token = boost::asio::deferred_t>
auto async_mark_seen(RtmClient& client, ChatId chat_id, Token&& token = {})
{
    return client.async_execute<UpdateLastSeenTimestamp>(
        UpdateLastSeenTimestampRequest{std::move(chat_id), std::nullopt}, std::forward<Token>(token));
}

} // namespace livechat::rtm::v3_0

#endif
