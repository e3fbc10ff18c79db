// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_RECOVERY_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_RECOVERY_IPP

// ClientCore: the recovery after a re-login. The Recovery (impl/internal/recovery.hpp) decides;
// this sends its requests through the request book like any other (in order, within the
// in-flight limit and the request timeout) and dispatches the pushes it makes up.

#include <livechat/rtm/impl/internal/client_core.hpp>

namespace livechat::rtm::detail {

inline void ClientCore::start_recovery(const nlohmann::json& login_response)
{
    if (recovery_.begin(login_response, std::chrono::system_clock::now()))
        recover(recovery_.step());
}

inline void ClientCore::recover(RecoveryStep step)
{
    for (;;) {
        for (auto& p : step.pushes) {
            nlohmann::json frame = {{"action", p.action}, {"type", "push"}, {"payload", std::move(p.payload)}};
            std::string text = frame.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            pushes_.dispatch(RawPush{p.action, std::nullopt, frame["payload"], text, std::nullopt, true});
        }
        report(std::move(step.reports));
        note_marks();
        if (step.done)
            return release_held();
        if (!step.request) {
            step = recovery_.step();
            continue;
        }
        // Through the queue, within max_in_flight, but ahead of the app's waiting requests: the
        // live pushes wait for the round, and a line that drops often leaves it little time.
        auto& request = *step.request;
        if (book_.full(ready())) { // this chat fails; the next may find room
            RecoveryStep failed;
            recovery_.answer(error::request_queue_full, nullptr, failed);
            step = std::move(failed);
            continue;
        }
        std::string id = book_.next_id();
        std::string frame = encode_request(request.action, id, request.payload);
        ReplyHandler handler = [w = weak_from_this(), round = recovery_.round()](error_code ec, Reply reply) {
            if (auto self = w.lock())
                self->on_history(round, ec, std::move(reply));
        };
        auto deadline = later(cfg_.request_timeout);
        book_.submit_first(std::move(id), std::move(frame), Pending{std::move(handler), nullptr, nullptr}, deadline);
        note_deadline(deadline);
        return pump();
    }
}

inline void ClientCore::on_history(std::uint64_t round, error_code ec, Reply reply)
{
    if (round != recovery_.round())
        return; // an answer to a round that has ended
    RecoveryStep step;
    if (recovery_.answer(ec, reply.payload.get(), step))
        return recover(std::move(step));
    report(std::move(step.reports)); // the round ended with the connection
}

inline void ClientCore::abandon_recovery()
{
    report(recovery_.abandon());
    release_held();
}

inline void ClientCore::release_held()
{
    for (auto& text : recovery_.release()) {
        Frame frame;
        Diagnostics diag;
        if (decode_frame(text, frame, diag))
            continue; // cannot happen: it was decoded once
        auto effect = protocol_.read_push(frame.action, frame.payload);
        deliver(frame, text, effect.activity);
    }
}

inline void ClientCore::report(std::vector<RecoveryReport> reports)
{
    if (!recovery_listener_)
        return;
    for (auto& r : reports) // posted: the listener may call back into the client
        asio::post(ex_, [l = recovery_listener_, r = std::move(r)] { l(r); });
}

} // namespace livechat::rtm::detail

#endif
