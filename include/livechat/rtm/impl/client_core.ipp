// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_IPP

// ClientCore: the facade's entry points and the commands of the session.

#include <livechat/rtm/impl/internal/client_core.hpp>

namespace livechat::rtm::detail {

inline void ClientCore::start_run(RunHandler handler)
{
    if (running_)
        return post_completion(std::move(handler), error_code(error::already_running));
    run_diag_.clear();
    if (auto ec = validate(); ec)
        return post_completion(std::move(handler), ec);
    // Asio 1.26's any_completion_handler move assignment recurses forever: swap instead.
    RunHandler(std::move(handler)).swap(run_handler_);
    running_ = true;
    load_store();
    session_ = Session(settings());
    on_cancel(run_handler_, [](ClientCore& self) { self.stop(); });
    execute(session_.on_start());
}

/// RTM 3.6: a request may run under a later API version, never an earlier one.
inline error_code check_request_version(std::string_view wanted, std::string_view connection, Diagnostics& diag)
{
    auto w = parse_api_version(wanted), c = parse_api_version(connection);
    if (!w) {
        diag.client_message = "version must look like \"3.7\"";
        return error::validation;
    }
    if (c && *w < *c) {
        diag.client_message = "version " + std::string(wanted) + " is lower than the connection's " +
                              std::string(connection);
        return error::validation;
    }
    return {};
}

inline void ClientCore::start_request(std::string_view action, RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
{
    if (!running_)
        return complete(std::move(handler), error::not_running);
    nlohmann::json payload = nlohmann::json::object();
    Diagnostics checked;
    error_code refused;
    if (!writer.version.empty())
        refused = check_request_version(writer.version, protocol_.name(), checked);
    if (auto ec = refused ? refused : writer.write(payload, writer.object, checked)) {
        if (diag)
            *diag = std::move(checked);
        return complete(std::move(handler), ec); // rejected locally: nothing is sent
    }
    if (book_.full(ready())) {
        if (diag)
            diag->client_message = "the request queue is full";
        return complete(std::move(handler), error::request_queue_full);
    }
    std::string id = book_.next_id();
    on_cancel(handler, [id](ClientCore& self) { self.cancel_request(id); });
    auto resend = record_send(action, payload, writer);
    std::string frame = encode_request(action, id, payload, writer.version);
    // RTM: login goes first, and at most max_in_flight requests are pending per connection;
    // everything else waits in order. An exactly-once send has no deadline of its own: it
    // ends when its outcome is known (or the run ends, or the app cancels it).
    auto deadline = resend ? std::chrono::steady_clock::time_point::max() : later(cfg_.request_timeout);
    if (resend) {
        resend->id = id;
        keep_send(*resend);
    }
    book_.submit(std::move(id), std::move(frame), Pending{std::move(handler), diag, std::move(resend)}, deadline);
    note_deadline(deadline);
    pump();
}

inline void ClientCore::start_login(RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
{
    if (!running_)
        return complete(std::move(handler), error::not_running);
    // Serialized now: the caller's request object is gone once this returns.
    login_payload_ = nlohmann::json::object();
    Diagnostics checked;
    if (auto ec = writer.write(login_payload_, writer.object, checked)) {
        if (diag)
            *diag = std::move(checked);
        return complete(std::move(handler), ec);
    }
    if (ready()) // RTM: one login per connection
        return complete(std::move(handler), {}, login_response_);
    auto waiter_id = ++last_waiter_id_;
    on_cancel(handler, [waiter_id](ClientCore& self) { self.cancel_login_waiter(waiter_id); });
    login_waiters_.push_back(LoginWaiter{waiter_id, std::move(handler), diag});
    execute(session_.on_login_requested());
}

inline SessionSettings ClientCore::settings()
{
    SessionSettings s;
    s.login_window = cfg_.login_window;
    s.ping_interval = cfg_.ping_interval;
    s.silent_pings_before_dead = cfg_.silent_pings_before_dead;
    s.auto_login = cfg_.auto_login;
    s.reconnect = cfg_.reconnect.enabled;
    s.backoff = cfg_.reconnect.backoff;
    s.policy = cfg_.reconnect.policy;
    s.suggest = [p = &protocol_](std::string_view reason) { return p->reconnect_action(reason); };
    s.random = cfg_.reconnect.random;
    if (!s.random)
        s.random = [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); };
    return s;
}

inline error_code ClientCore::validate()
{
    std::string problem;
    auto ep = check_config(cfg_, protocol_, problem);
    if (ep && ep->tls && !tls_ctx_ && !(env_ && env_->make_transport)) {
        error_code ec;
        tls_ctx_ = shared_tls_context(cfg_.tls, ec);
        if (ec) {
            tls_ctx_.reset();
            problem = "TLS setup failed: " + ec.message();
            ep.reset();
        }
    }
    if (!ep) {
        run_diag_.client_message = std::move(problem);
        return error::invalid_config;
    }
    endpoint_ = std::move(*ep);
    // The CA certificates live on in the shared TLS context (or were never needed, for ws://):
    // 10,000 customers in one process need not hold 10,000 copies of the PEM text.
    if (tls_ctx_ || !endpoint_.tls)
        std::string().swap(cfg_.tls.ca_pem); // assigning "" would keep the capacity
    return {};
}

inline std::shared_ptr<Transport> ClientCore::make_transport()
{
    if (env_ && env_->make_transport)
        return env_->make_transport(endpoint_);
    TransportOptions opts{cfg_.connect_timeout, cfg_.close_timeout, cfg_.max_message_size, cfg_.user_agent};
    bool tls = endpoint_.tls;
    return std::make_shared<WebsocketTransport>(ex_, std::move(opts), tls ? tls_ctx_ : nullptr, tls && cfg_.tls.verify_peer);
}

inline void ClientCore::run_command(const cmd::Connect&)
{
    ++generation_;
    transport_ = make_transport();
    TransportEvents events;
    events.on_open = on_connection<&ClientCore::on_open>();
    if (cfg_.lifecycle_notice)
        events.on_lifecycle = on_connection<&ClientCore::on_lifecycle>();
    events.on_message = on_connection<&ClientCore::on_message>();
    events.on_control = on_connection<&ClientCore::on_control>();
    events.on_closed = on_connection<&ClientCore::on_closed>();
    transport_->open(endpoint_, std::move(events));
}

inline void ClientCore::run_command(const cmd::StartLogin& c)
{
    auto answer = on_connection<&ClientCore::on_token>();
    // The provider may answer inline or from another thread: hop back to our executor.
    cfg_.token_provider(c.reason, [answer, ex = ex_](error_code ec, std::string token) {
        asio::post(ex, [answer, ec, token = std::move(token)]() mutable { answer(ec, std::move(token)); });
    });
}

inline void ClientCore::run_command(const cmd::ArmTimer& c)
{
    timer_for(c.id).arm(later(c.after), [self = shared_from_this(), id = c.id, gen = generation_] {
        if (self->generation_ == gen)
            self->execute(self->session_.on_timer(id));
    });
}

inline void ClientCore::run_command(const cmd::Reconnecting& c)
{
    // The server named the right region: the default URL follows it. A URL set by the
    // user is kept as it is.
    if (!c.region.empty() && cfg_.url.empty()) {
        if (auto host = protocol_.region_host(c.region); !host.empty()) {
            cfg_.host = std::move(host);
            std::string problem;
            if (auto ep = parse_url(effective_url(cfg_, protocol_, problem)))
                endpoint_ = *ep;
        }
    }
    if (reconnect_listener_)
        asio::post(ex_, [l = reconnect_listener_, d = c.delay, cause = c.cause] { l(d, cause); });
}

inline void ClientCore::run_command(const cmd::SendPing&)
{
    if (cfg_.ping_mode == PingMode::websocket_control)
        transport_->ping();
    else
        send_frame(protocol_.ping_frame());
}

inline void ClientCore::run_command(const cmd::Close& c)
{
    if (c.reason == error::disconnected_by_server) {
        run_diag_.server_type = session_.disconnect_reason();
        redact_in_place(run_diag_.server_type, secrets_);
    }
    if (transport_)
        transport_->close(c.reason);
}

inline void ClientCore::run_command(const cmd::FailPending& c)
{
    // keep_queued: in flight, lost with the line, never resent; queued, wait for the next
    // login (their deadlines keep running). Login waiters wait for the next login too, and
    // otherwise learn the run's real end (login_timeout, ...) from the Finish that follows.
    if (!c.keep_queued) {
        deadline_timer_.cancel();
        armed_deadline_.reset();
    }
    for (auto& taken : book_.on_connection_lost(c.keep_queued)) {
        // An exactly-once send that was on the wire waits for the next login's look-up.
        if (c.keep_queued && taken.entry.resend && taken.stage == Book::Stage::in_flight) {
            unsure_.push_back(std::move(taken.entry));
            continue;
        }
        if (c.ec != asio::error::operation_aborted) // stopped: the session store keeps it
            settle(taken.entry);
        complete(std::move(taken.entry.handler), c.ec);
    }
    unsure_.sort([](const Pending& a, const Pending& b) { return a.resend->seq < b.resend->seq; });
    resolving_ = false; // a look-up under way is lost with the line; the next login starts over
    ++lookup_round_;
    if (!c.keep_queued) { // the run ends: their outcome stays unknown
        for (auto& p : std::exchange(unsure_, {})) {
            if (c.ec != asio::error::operation_aborted)
                settle(p);
            complete(std::move(p.handler), c.ec);
        }
    }
}

inline void ClientCore::run_command(const cmd::NotifyState& c)
{
    if (state_listener_) // posted: the listener may call back into the client
        asio::post(ex_, [l = state_listener_, s = c.state, ec = c.ec] { l(s, ec); });
}

inline void ClientCore::run_command(const cmd::Finish& c)
{
    running_ = false;
    if (recovery_.holding()) // the run ends: what waited behind a recovery is delivered next
        asio::post(ex_, [w = weak_from_this()] {
            if (auto self = w.lock(); self && self->recovery_.holding() && !self->running_)
                self->abandon_recovery();
        });
    complete_login_waiters(c.ec ? c.ec : error_code(error::connection_lost), nullptr, run_diag_);
    if (run_handler_) {
        auto slot = asio::get_associated_cancellation_slot(run_handler_);
        if (slot.is_connected())
            slot.clear();
        post_completion(std::move(run_handler_), c.ec); // leaves run_handler_ empty
    }
    // After the run's own completion: async_stop means "everything has completed".
    auto waiters = std::move(stop_waiters_);
    stop_waiters_.clear();
    for (auto& w : waiters)
        post_completion(std::move(w), error_code());
}

} // namespace livechat::rtm::detail

#endif
