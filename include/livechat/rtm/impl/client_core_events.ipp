// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_EVENTS_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_EVENTS_IPP

// ClientCore: what arrives from the transport, the token provider and the deadline timer.

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/impl/internal/client_core.hpp>

namespace livechat::rtm::detail {

inline void ClientCore::on_open(error_code ec)
{
    if (ec) {
        run_diag_.client_message = "connect to " + endpoint_.host + ":" + endpoint_.port + " failed: " + ec.message();
        if (session_.state() == SessionState::closing)
            return execute(session_.on_transport_closed(ec));
    }
    execute(session_.on_connected(ec));
    // A manual login asked for while connecting starts now (auto_login starts its own).
    if (!ec && !login_waiters_.empty())
        execute(session_.on_login_requested());
}

inline void ClientCore::on_token(error_code ec, std::string token)
{
    if (session_.state() != SessionState::authorizing)
        return;
    if (ec || token.empty()) {
        run_diag_.client_message = ec ? "token provider failed: " + ec.message() : "token provider gave no token";
        // An accounts error that no retry can mend (a wrong client id, a lost identity) ends
        // the run with itself; anything else is a failed login the reconnect policy judges.
        if (ec && ec.category() == accounts::error_category() && !accounts::is_transient(ec))
            return execute(session_.on_login_result(ec));
        return execute(session_.on_login_result(error::token_provider_failed));
    }
    secrets_ = secret_forms(token);
    nlohmann::json payload = login_payload_;
    protocol_.prepare_login(payload, token, stored_state_);
    std::string id = book_.next_id();
    // The login window (a session timer) bounds the login, not the request timeout.
    auto deadline = later(cfg_.login_window + cfg_.request_timeout);
    book_.track(id, Pending{}, deadline);
    note_deadline(deadline);
    auto defaults = protocol_.login_defaults(payload);
    if (cfg_.frame_trace) { // never hand the token to a log
        nlohmann::json shown = payload;
        shown[std::string(protocol_.token_field())] = "<redacted>";
        cfg_.frame_trace(FrameDirection::sent, encode_request(protocol_.login_action(), id, shown, {}, defaults));
    }
    transport_->send(encode_request(protocol_.login_action(), id, payload, {}, defaults));
}

inline void ClientCore::on_message(std::string_view text)
{
    session_.on_inbound_traffic();
    if (cfg_.frame_trace)
        trace_received(text);
    Frame frame;
    Diagnostics diag;
    if (auto ec = decode_frame(text, frame, diag); ec) {
        // A broken response still fails its request instead of leaving it to time out.
        if (frame.type == FrameType::response && frame.request_id)
            finish(book_.take(*frame.request_id), ec, nullptr, diag);
        return;
    }
    if (frame.type == FrameType::push)
        return on_push(frame, text);
    if (!frame.request_id)
        return; // e.g. our protocol pings, sent without request_id
    auto taken = book_.take(*frame.request_id);
    if (!taken)
        return; // a late answer to a cancelled or expired request
    auto payload = std::make_shared<const nlohmann::json>(std::move(frame.payload));
    error_code ec = frame.success ? error_code() : decode_server_error(*payload, diag);
    finish(std::move(taken), ec, std::move(payload), diag);
}

inline void ClientCore::on_push(const Frame& frame, std::string_view text)
{
    auto effect = protocol_.read_push(frame.action, frame.payload);
    if (effect.stored_state) // sent back at every login
        stored_state_ = std::move(*effect.stored_state);
    // While a recovery round reads what was missed, live pushes wait behind it; one that ends
    // the connection is handed on at once.
    bool held = false;
    if (recovery_.holding() && !effect.disconnect) {
        held = recovery_.hold(text);
        if (!held) // too many: the round gives up (reported), what waits goes first
            abandon_recovery();
    }
    if (!held)
        deliver(frame, text, effect.activity);
    if (auto& notice = effect.disconnect) {
        if (!notice->data_text.empty()) {
            run_diag_.server_data = std::move(notice->data_text);
            redact_in_place(run_diag_.server_data, secrets_);
        }
        execute(session_.on_disconnect_push(notice->reason, notice->wait, std::move(notice->region)));
    }
}

inline void ClientCore::deliver(const Frame& frame, std::string_view text, const std::optional<ChatActivity>& activity)
{
    if (activity && recovery_.enabled() && !recovery_.saw(*activity))
        return; // the app has this event already (recovered, or the server sent it twice)
    std::optional<std::string_view> rid;
    if (frame.request_id)
        rid = *frame.request_id;
    std::optional<std::string_view> version;
    if (frame.version)
        version = *frame.version;
    pushes_.dispatch(RawPush{frame.action, rid, frame.payload, text, version});
    note_marks();
}

inline void ClientCore::finish(std::optional<Book::Taken> taken, error_code ec, std::shared_ptr<const nlohmann::json> payload,
    const Diagnostics& diag)
{
    if (!taken)
        return;
    if (taken->stage == Book::Stage::tracked && !taken->entry.handler) { // the login
        on_login_response(ec, std::move(payload), diag);
        return pump();
    }
    // The core is done with the message first: the handler may send, stop or destroy the
    // client (this core stays alive: on_connection holds it).
    settle(taken->entry);
    pump();
    complete(std::move(taken->entry.handler), ec, std::move(payload), taken->entry.diag, &diag, Run::now);
}

inline void ClientCore::on_login_response(error_code ec, std::shared_ptr<const nlohmann::json> payload, const Diagnostics& diag)
{
    if (ec) {
        run_diag_ = diag;
        scrub(run_diag_);
    } else {
        login_response_ = payload;
        if (auto changed = check_customer(*payload)) {
            ec = changed;
            run_diag_.client_message = "the customer id changed from " + customer_id_;
        }
    }
    complete_login_waiters(ec, payload, diag);
    execute(session_.on_login_result(ec));
    if (!ec && ready()) {
        apply_restored();
        resolve_unsure();
        start_recovery(*payload);
    }
}

inline error_code ClientCore::check_customer(const nlohmann::json& payload)
{
    std::string id = protocol_.customer_id(payload);
    if (id.empty())
        return {};
    if (customer_id_.empty())
        customer_id_ = id;
    return id == customer_id_ ? error_code() : error_code(error::customer_changed);
}

inline void ClientCore::complete_login_waiters(
    error_code ec, const std::shared_ptr<const nlohmann::json>& payload, const Diagnostics& diag)
{
    auto waiters = std::move(login_waiters_);
    login_waiters_.clear();
    for (auto& w : waiters)
        complete(std::move(w.handler), ec, payload, w.diag, &diag);
}

inline void ClientCore::cancel_request(const std::string& id)
{
    if (auto taken = book_.take(id)) {
        settle(taken->entry);
        complete(std::move(taken->entry.handler), asio::error::operation_aborted);
        return pump();
    }
    for (auto it = unsure_.begin(); it != unsure_.end(); ++it) { // waiting for its look-up
        if (it->resend->id == id) {
            settle(*it);
            auto handler = std::move(it->handler);
            unsure_.erase(it);
            return complete(std::move(handler), asio::error::operation_aborted);
        }
    }
}

inline void ClientCore::cancel_login_waiter(std::uint64_t id)
{
    for (auto it = login_waiters_.begin(); it != login_waiters_.end(); ++it) {
        if (it->id == id) {
            auto handler = std::move(it->handler);
            login_waiters_.erase(it);
            return complete(std::move(handler), asio::error::operation_aborted);
        }
    }
}

inline void ClientCore::arm_deadline(std::chrono::steady_clock::time_point at)
{
    armed_deadline_ = at;
    deadline_timer_.arm(at, [w = weak_from_this()] {
        if (auto self = w.lock())
            self->on_deadline();
    });
}

inline void ClientCore::on_deadline()
{
    armed_deadline_.reset();
    for (auto& taken : book_.take_expired(now())) {
        if (taken.stage == Book::Stage::tracked && !taken.entry.handler) {
            run_diag_.client_message = "the login response did not arrive in time";
            execute(session_.on_login_result(error::deadline_exceeded));
        } else {
            settle(taken.entry);
            complete(std::move(taken.entry.handler), error::deadline_exceeded);
        }
    }
    if (auto next = book_.earliest_deadline())
        arm_deadline(*next);
    pump();
}

inline void ClientCore::trace_received(std::string_view text)
{
    for (const auto& s : secrets_) {
        if (text.find(s) != std::string_view::npos) { // rare: copy and mask only then
            std::string shown(text);
            redact_in_place(shown, secrets_);
            return cfg_.frame_trace(FrameDirection::received, shown);
        }
    }
    cfg_.frame_trace(FrameDirection::received, text);
}

} // namespace livechat::rtm::detail

#endif
