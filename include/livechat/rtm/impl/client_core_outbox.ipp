// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_OUTBOX_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_OUTBOX_IPP

// ClientCore: the exactly-once outbox. A `send_event` with `delivery::exactly_once` carries a
// custom_id. When the connection drops while it is on the wire, it does not fail: after the
// next login, before any queued request goes out, the client reads the chat's latest threads
// (the version's history reader) and looks for that custom_id. Found: the send completes with
// the stored event. Not found: it is sent again, ahead of the requests that came after it.

#include <livechat/rtm/impl/internal/client_core.hpp>

#include <random>

namespace livechat::rtm::detail {

/// 128 random bits as hex: a custom_id no other send of this customer will have.
inline std::string random_custom_id()
{
    static thread_local std::mt19937_64 bits{std::random_device{}() ^ (std::uint64_t(std::random_device{}()) << 32)};
    static constexpr char hex[] = "0123456789abcdef";
    std::string id = "rtm-";
    for (int half = 0; half < 2; ++half) {
        std::uint64_t v = bits();
        for (int digit = 0; digit < 16; ++digit, v >>= 4)
            id.push_back(hex[v & 15]);
    }
    return id;
}

inline std::unique_ptr<ClientCore::SendRecord> ClientCore::record_send(
    std::string_view action, nlohmann::json& payload, const RequestWriter& w)
{
    if (w.delivery.value_or(cfg_.delivery) != Delivery::exactly_once)
        return nullptr;
    auto target = protocol_.outbox_target(action, payload, random_custom_id);
    if (!target)
        return nullptr; // not an event send: at most once, as every other action
    auto r = std::make_unique<SendRecord>();
    r->action = std::string(action);
    r->payload = payload;
    r->version = std::string(w.version);
    r->chat_id = std::move(target->chat_id);
    r->custom_id = std::move(target->custom_id);
    r->seq = ++sends_;
    return r;
}

inline void ClientCore::resolve_unsure()
{
    if (unsure_.empty())
        return;
    resolving_ = true;
    ++lookup_round_;
    lookup_next_chat();
}

inline void ClientCore::lookup_next_chat()
{
    if (unsure_.empty()) {
        resolving_ = false;
        return pump();
    }
    lookup_chat_ = unsure_.front().resend->chat_id;
    lookup_threads_.clear();
    lookup_retries_ = 0;
    // The latest two threads: the event may have opened a new one.
    lookup_reader_ = protocol_.history(lookup_chat_, 2);
    lookup_send();
}

inline void ClientCore::lookup_send()
{
    auto request = lookup_threads_.empty() ? lookup_reader_->next() : std::nullopt;
    if (!request)
        return settle_chat();
    // Outside the queue (which waits for this), as the login is; nothing else is in flight.
    std::string id = book_.next_id();
    ReplyHandler handler = [w = weak_from_this(), round = lookup_round_](error_code ec, Reply reply) {
        if (auto self = w.lock())
            self->on_lookup(round, ec, std::move(reply));
    };
    auto deadline = later(cfg_.request_timeout);
    book_.track(id, Pending{std::move(handler), nullptr, nullptr}, deadline);
    note_deadline(deadline);
    send_frame(encode_request(request->action, id, request->payload));
}

inline void ClientCore::on_lookup(std::uint64_t round, error_code ec, Reply reply)
{
    if (round != lookup_round_)
        return; // the line went down meanwhile: the next login looks again
    // A look-up that ran out of time (ours or the server's) is asked again a few times: failing
    // it would fail sends whose events may well be stored (the readers move on only in read()).
    if (ran_out_of_time(ec) && lookup_retries_ < max_lookup_retries) {
        ++lookup_retries_;
        return lookup_send();
    }
    if (!ec && (!reply.payload || !lookup_reader_->read(*reply.payload, lookup_threads_)))
        ec = error::malformed_payload;
    if (ec)
        return fail_chat(ec);
    lookup_send();
}

inline void ClientCore::settle_chat()
{
    std::vector<Pending> again;
    for (auto it = unsure_.begin(); it != unsure_.end();) {
        if (it->resend->chat_id != lookup_chat_) {
            ++it;
            continue;
        }
        const nlohmann::json* stored = nullptr;
        std::string_view thread;
        for (const auto& t : lookup_threads_)
            for (const auto& e : t.events)
                if (e.is_object() && e.value("custom_id", nlohmann::json()) == it->resend->custom_id) {
                    stored = &e;
                    thread = t.id;
                }
        if (stored)
            settle(*it), complete(std::move(it->handler), {}, std::make_shared<const nlohmann::json>(protocol_.sent_response(thread, *stored)),
                it->diag, nullptr);
        else
            again.push_back(std::move(*it));
        it = unsure_.erase(it);
    }
    for (auto p = again.rbegin(); p != again.rend(); ++p) // first sent, first again
        resubmit_first(std::move(*p));
    lookup_next_chat();
}

inline void ClientCore::fail_chat(error_code ec)
{
    // The chat could not be read: whether these sends arrived stays unknown, and they say so.
    for (auto it = unsure_.begin(); it != unsure_.end();) {
        if (it->resend->chat_id == lookup_chat_) {
            settle(*it);
            complete(std::move(it->handler), ec);
            it = unsure_.erase(it);
        } else {
            ++it;
        }
    }
    lookup_next_chat();
}

inline void ClientCore::resubmit_first(Pending p)
{
    std::string id = book_.next_id();
    auto& r = *p.resend;
    r.id = id;
    on_cancel(p.handler, [id](ClientCore& self) { self.cancel_request(id); });
    std::string frame = encode_request(r.action, id, r.payload, r.version);
    book_.submit_first(std::move(id), std::move(frame), std::move(p), std::chrono::steady_clock::time_point::max());
}

} // namespace livechat::rtm::detail

#endif
