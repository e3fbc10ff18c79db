// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_SEND_FILE_HPP
#define LIVECHAT_RTM_V3_6_SEND_FILE_HPP

// Sending a file in one call: the Web API uploads it, the RTM connection sends the `file`
// event with its URL.

#include <livechat/rtm/v3_6/convenience.hpp>
#include <livechat/rtm/web/client.hpp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/deferred.hpp>

#include <memory>
#include <utility>

namespace livechat::rtm::v3_6 {

/// Uploads `file` (`upload_file` on `web`), then sends it to chat `chat_id` as a `file` event
/// (`send_event` on `client`, named and typed as the upload was). Handler:
/// `void(error_code, SendEventResponse)`: the upload's errors (`entity_too_large`, ...) or
/// `send_event`'s. `progress` reports the upload. Cancellation: through the upload while it
/// runs, then through `send_event`. Both clients must outlive the operation; call it from the
/// RTM client's executor.
template <class Token = boost::asio::deferred_t>
auto async_send_file(web::WebApiClient& web, RtmClient& client, ChatId chat_id, web::UploadFile file,
    web::UploadProgress progress = {}, Token&& token = {})
{
    return boost::asio::async_initiate<Token, void(error_code, SendEventResponse)>(
        [&web, &client](auto handler, ChatId chat_id, web::UploadFile file, web::UploadProgress progress) {
            File event;
            event.name = file.name;
            event.content_type = file.content_type;
            auto size = static_cast<std::int64_t>(file.data.size());
            // The handler's cancellation slot serves the upload first (it is released when the
            // upload completes), then send_event.
            // The upload completes on the handler's executor, so a failure may complete it directly.
            auto slot = boost::asio::get_associated_cancellation_slot(handler);
            auto hex = boost::asio::get_associated_executor(handler, client.get_executor());
            web.async_upload_file(std::move(file), std::move(progress),
                boost::asio::bind_executor(hex, boost::asio::bind_cancellation_slot(slot,
                    [&client, handler = std::move(handler), chat_id = std::move(chat_id), event = std::move(event),
                        size](error_code ec, web::UploadedFile uploaded) mutable {
                        if (ec)
                            return std::move(handler)(ec, SendEventResponse{});
                        event.url = std::move(uploaded.url);
                        event.size = size;
                        SendEventRequest req{std::move(chat_id), Event(std::move(event)), std::nullopt};
                        client.async_execute<SendEvent>(std::move(req), std::move(handler));
                    })));
        },
        token, std::move(chat_id), std::move(file), std::move(progress));
}

} // namespace livechat::rtm::v3_6

#endif
