// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_IPP

// The compiled core behind BasicRtmClient: an I/O driver. It feeds events to the sans-io
// Session (login, keep-alive, reconnects) and RequestBook (waiting, in flight, deadlines),
// carries out what they answer, and asks the protocol version (detail::Protocol) for every
// rule of the wire. Everything runs on the client's executor.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/impl/internal/asio_clock.hpp>
#include <livechat/rtm/impl/internal/config_check.hpp>
#include <livechat/rtm/impl/internal/environment.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/impl/internal/request_book.hpp>
#include <livechat/rtm/impl/internal/session.hpp>
#include <livechat/rtm/impl/internal/websocket_transport.ipp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include <nlohmann/json.hpp>

#include <list>
#include <random>

namespace livechat::rtm::detail {

class ClientCore : public std::enable_shared_from_this<ClientCore> {
public:
    ClientCore(asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol, Environment env)
        : ex_(std::move(ex)), cfg_(std::move(cfg)), protocol_(protocol), env_(std::move(env)),
          clock_(env_.clock ? env_.clock : std::make_shared<AsioClock>(ex_)), session_(settings()),
          book_(cfg_.max_in_flight, cfg_.max_queued_requests), login_timer_(clock_->make_timer()),
          ping_timer_(clock_->make_timer()), backoff_timer_(clock_->make_timer()),
          deadline_timer_(clock_->make_timer()), rng_(std::random_device{}())
    {
    }

    ClientCore(const ClientCore&) = delete;
    ClientCore& operator=(const ClientCore&) = delete;

    // The transport may still be closing when the last owner lets go: nothing is left hanging,
    // everything still pending completes with operation_aborted.
    ~ClientCore()
    {
        for (auto& taken : book_.take_all())
            complete(std::move(taken.entry.handler), asio::error::operation_aborted);
        fail_login_waiters(asio::error::operation_aborted);
        if (run_handler_)
            post_completion(std::move(run_handler_), error_code(asio::error::operation_aborted));
        for (auto& w : stop_waiters_)
            post_completion(std::move(w), error_code());
    }

    // ---- entry points from the facade ------------------------------------------------------

    void start_run(RunHandler handler)
    {
        if (running_)
            return post_completion(std::move(handler), error_code(error::already_running));
        run_diag_.clear();
        if (auto ec = validate(); ec)
            return post_completion(std::move(handler), ec);
        // Asio 1.26's any_completion_handler move assignment recurses forever: swap instead.
        RunHandler(std::move(handler)).swap(run_handler_);
        running_ = true;
        session_ = Session(settings());
        on_cancel(run_handler_, [](ClientCore& self) { self.stop(); });
        execute(session_.on_start());
    }

    void start_request(std::string_view action, RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
    {
        if (!running_)
            return complete(std::move(handler), error::not_running);
        nlohmann::json payload = nlohmann::json::object();
        Diagnostics checked;
        if (auto ec = writer.write(payload, writer.object, checked)) {
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
        std::string frame = encode_request(action, id, payload);
        // RTM: login goes first, and at most max_in_flight requests are pending per connection;
        // everything else waits in order.
        auto deadline = later(cfg_.request_timeout);
        book_.submit(std::move(id), std::move(frame), Pending{std::move(handler), diag}, deadline);
        note_deadline(deadline);
        pump();
    }

    void start_login(RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
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

    void stop() { execute(session_.on_stop()); }

    /// Stops and completes `handler` once the run has finished (at once when not running).
    void start_stop(RunHandler handler)
    {
        if (!running_)
            return post_completion(std::move(handler), error_code());
        stop_waiters_.push_back(std::move(handler));
        stop();
    }

    void shutdown() noexcept
    {
        state_listener_ = nullptr;
        stop();
    }

    SessionState state() const noexcept { return session_.state(); }
    PushDispatcher& pushes() noexcept { return pushes_; }
    const Diagnostics& run_diagnostics() const noexcept { return run_diag_; }
    const asio::any_io_executor& executor() const noexcept { return ex_; }
    void set_state_listener(std::function<void(SessionState, error_code)> l) { state_listener_ = std::move(l); }
    void set_reconnect_listener(std::function<void(std::chrono::milliseconds, const DisconnectCause&)> l)
    {
        reconnect_listener_ = std::move(l);
    }

private:
    struct Pending {
        ReplyHandler handler; ///< empty for the login, which the core itself sends
        Diagnostics* diag = nullptr;
    };
    using Book = RequestBook<Pending>;
    struct LoginWaiter {
        std::uint64_t id;
        ReplyHandler handler;
        Diagnostics* diag;
    };

    bool ready() const noexcept { return session_.state() == SessionState::ready; }

    /// `now + d`, saturating (a user may configure a duration of years).
    std::chrono::steady_clock::time_point later(std::chrono::steady_clock::duration d) const
    {
        auto now = clock_->now();
        return d < std::chrono::steady_clock::time_point::max() - now ? now + d
                                                                      : std::chrono::steady_clock::time_point::max();
    }

    /// Runs `act(*this)` when the handler's cancellation slot is emitted.
    template <class Handler, class Act>
    void on_cancel(Handler& handler, Act act)
    {
        auto slot = asio::get_associated_cancellation_slot(handler);
        if (slot.is_connected()) {
            slot.assign([w = weak_from_this(), act](asio::cancellation_type type) {
                if (auto self = w.lock(); self && type != asio::cancellation_type::none)
                    act(*self);
            });
        }
    }

    SessionSettings settings()
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

    error_code validate()
    {
        std::string problem;
        auto ep = check_config(cfg_, protocol_, problem);
        if (ep && ep->tls && !tls_ctx_ && !env_.make_transport) {
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
        endpoint_ = *ep;
        return {};
    }

    std::shared_ptr<Transport> make_transport()
    {
        if (env_.make_transport)
            return env_.make_transport(endpoint_);
        TransportOptions opts{cfg_.connect_timeout, cfg_.close_timeout, cfg_.max_message_size, cfg_.user_agent};
        if (endpoint_.tls)
            return std::make_shared<WebsocketTransport<true>>(ex_, opts, tls_ctx_, cfg_.tls.verify_peer);
        return std::make_shared<WebsocketTransport<false>>(ex_, opts, nullptr, false);
    }

    // ---- commands of the session ---------------------------------------------------------------

    void execute(const Commands& commands)
    {
        for (const auto& c : commands)
            std::visit([this](const auto& command) { run_command(command); }, c);
    }

    /// Calls `fn(self)` if this core is alive and still on connection `gen`.
    template <class Fn>
    static auto on_connection(std::weak_ptr<ClientCore> w, std::uint64_t gen, Fn fn)
    {
        return [w = std::move(w), gen, fn](auto&&... args) {
            if (auto self = w.lock(); self && self->generation_ == gen)
                fn(*self, std::forward<decltype(args)>(args)...);
        };
    }

    void run_command(const cmd::Connect&)
    {
        ++generation_;
        transport_ = make_transport();
        TransportEvents events;
        events.on_open = on_connection(weak_from_this(), generation_, [](ClientCore& self, error_code ec) { self.on_open(ec); });
        events.on_message = on_connection(weak_from_this(), generation_,
            [](ClientCore& self, std::string_view text) { self.on_message(text); });
        events.on_control = on_connection(weak_from_this(), generation_,
            [](ClientCore& self) { self.session_.on_inbound_traffic(); });
        events.on_closed = on_connection(weak_from_this(), generation_,
            [](ClientCore& self, error_code ec) { self.execute(self.session_.on_transport_closed(ec)); });
        transport_->open(endpoint_, std::move(events));
    }

    void run_command(const cmd::StartLogin&)
    {
        auto answer = on_connection(weak_from_this(), generation_,
            [](ClientCore& self, error_code ec, std::string token) { self.on_token(ec, std::move(token)); });
        // The provider may answer inline or from another thread: hop back to our executor.
        cfg_.token_provider([answer, ex = ex_](error_code ec, std::string token) {
            asio::post(ex, [answer, ec, token = std::move(token)]() mutable { answer(ec, std::move(token)); });
        });
    }

    Timer& timer_for(TimerId id)
    {
        switch (id) {
        case TimerId::login_window: return *login_timer_;
        case TimerId::ping: return *ping_timer_;
        case TimerId::backoff: return *backoff_timer_;
        }
        return *ping_timer_;
    }

    void run_command(const cmd::ArmTimer& c)
    {
        timer_for(c.id).arm(later(c.after), [self = shared_from_this(), id = c.id, gen = generation_] {
            if (self->generation_ == gen)
                self->execute(self->session_.on_timer(id));
        });
    }

    void run_command(const cmd::CancelTimer& c) { timer_for(c.id).cancel(); }

    void run_command(const cmd::Reconnecting& c)
    {
        // The server named the right region: the default URL follows it. A URL set by the
        // user is kept as it is.
        if (!c.region.empty() && cfg_.url.empty()) {
            if (auto host = protocol_.region_host(c.region); !host.empty()) {
                cfg_.host = std::move(host);
                std::string problem;
                if (auto ep = check_config(cfg_, protocol_, problem))
                    endpoint_ = *ep;
            }
        }
        if (reconnect_listener_)
            asio::post(ex_, [l = reconnect_listener_, d = c.delay, cause = c.cause] { l(d, cause); });
    }

    void run_command(const cmd::SendPing&)
    {
        if (cfg_.ping_mode == PingMode::websocket_control)
            transport_->ping();
        else
            send_frame(protocol_.ping_frame());
    }

    void run_command(const cmd::FlushQueue&) { pump(); }

    void run_command(const cmd::Close& c)
    {
        if (c.reason == error::disconnected_by_server) {
            run_diag_.server_type = session_.disconnect_reason();
            redact_in_place(run_diag_.server_type, secrets_);
        }
        if (transport_)
            transport_->close(c.reason);
    }

    void run_command(const cmd::FailPending& c)
    {
        // keep_queued: in flight, lost with the line, never resent; queued, wait for the next
        // login (their deadlines keep running). Login waiters wait for the next login too, and
        // otherwise learn the run's real end (login_timeout, ...) from the Finish that follows.
        if (!c.keep_queued) {
            deadline_timer_->cancel();
            armed_deadline_.reset();
        }
        for (auto& taken : book_.on_connection_lost(c.keep_queued))
            complete(std::move(taken.entry.handler), c.ec);
    }

    void run_command(const cmd::NotifyState& c)
    {
        if (state_listener_) // posted: the listener may call back into the client
            asio::post(ex_, [l = state_listener_, s = c.state, ec = c.ec] { l(s, ec); });
    }

    void run_command(const cmd::Finish& c)
    {
        running_ = false;
        fail_login_waiters(c.ec ? c.ec : error_code(error::connection_lost));
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

    // ---- events from the transport, the token provider and timers ----------------------------

    void on_open(error_code ec)
    {
        if (ec) {
            run_diag_.client_message = "connect to " + endpoint_.host + ":" + endpoint_.port + " failed: " + ec.message();
            if (session_.state() == SessionState::closing)
                return execute(session_.on_transport_closed(ec));
        }
        execute(session_.on_connected(ec));
    }

    void on_token(error_code ec, std::string token)
    {
        if (session_.state() != SessionState::authorizing)
            return;
        if (ec || token.empty()) {
            run_diag_.client_message = ec ? "token provider failed: " + ec.message() : "token provider gave no token";
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
        if (cfg_.frame_trace) { // never hand the token to a log
            nlohmann::json shown = payload;
            shown[std::string(protocol_.token_field())] = "<redacted>";
            cfg_.frame_trace(FrameDirection::sent, encode_request(protocol_.login_action(), id, shown));
        }
        transport_->send(encode_request(protocol_.login_action(), id, payload));
    }

    void on_message(std::string_view text)
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

    void on_push(const Frame& frame, std::string_view text)
    {
        auto effect = protocol_.read_push(frame.action, frame.payload);
        if (effect.stored_state) // sent back at every login
            stored_state_ = std::move(*effect.stored_state);
        std::optional<std::string_view> rid;
        if (frame.request_id)
            rid = *frame.request_id;
        pushes_.dispatch(RawPush{frame.action, rid, frame.payload, text});
        if (auto& notice = effect.disconnect) {
            if (!notice->data_text.empty()) {
                run_diag_.server_data = std::move(notice->data_text);
                redact_in_place(run_diag_.server_data, secrets_);
            }
            execute(session_.on_disconnect_push(notice->reason, notice->wait, std::move(notice->region)));
        }
    }

    /// Completes an entry that just left the book with a response (or a broken one).
    void finish(std::optional<Book::Taken> taken, error_code ec, std::shared_ptr<const nlohmann::json> payload,
        const Diagnostics& diag)
    {
        if (!taken)
            return;
        if (taken->stage == Book::Stage::tracked)
            on_login_response(ec, std::move(payload), diag);
        else
            complete(std::move(taken->entry.handler), ec, std::move(payload), taken->entry.diag, &diag);
        pump();
    }

    void on_login_response(error_code ec, std::shared_ptr<const nlohmann::json> payload, const Diagnostics& diag)
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
        auto waiters = std::move(login_waiters_);
        login_waiters_.clear();
        for (auto& w : waiters)
            complete(std::move(w.handler), ec, payload, w.diag, &diag);
        execute(session_.on_login_result(ec));
    }

    /// RTM: a re-login must be the same customer.
    error_code check_customer(const nlohmann::json& payload)
    {
        std::string id = protocol_.customer_id(payload);
        if (id.empty())
            return {};
        if (customer_id_.empty())
            customer_id_ = id;
        return id == customer_id_ ? error_code() : error_code(error::customer_changed);
    }

    void fail_login_waiters(error_code ec)
    {
        auto waiters = std::move(login_waiters_);
        login_waiters_.clear();
        for (auto& w : waiters)
            complete(std::move(w.handler), ec, nullptr, w.diag, &run_diag_);
    }

    void cancel_request(const std::string& id)
    {
        if (auto taken = book_.take(id)) {
            complete(std::move(taken->entry.handler), asio::error::operation_aborted);
            pump();
        }
    }

    void cancel_login_waiter(std::uint64_t id)
    {
        for (auto it = login_waiters_.begin(); it != login_waiters_.end(); ++it) {
            if (it->id == id) {
                auto handler = std::move(it->handler);
                login_waiters_.erase(it);
                return complete(std::move(handler), asio::error::operation_aborted);
            }
        }
    }

    /// Sends the queued requests that may go now.
    void pump()
    {
        book_.release(ready(), [this](std::string frame) { send_frame(std::move(frame)); });
    }

    void send_frame(std::string frame)
    {
        if (cfg_.frame_trace)
            cfg_.frame_trace(FrameDirection::sent, frame);
        transport_->send(std::move(frame));
    }

    // ---- deadlines: one timer for every request ----------------------------------------------

    void note_deadline(std::chrono::steady_clock::time_point deadline)
    {
        if (!armed_deadline_ || deadline < *armed_deadline_)
            arm_deadline(deadline);
    }

    void arm_deadline(std::chrono::steady_clock::time_point at)
    {
        armed_deadline_ = at;
        deadline_timer_->arm(at, [w = weak_from_this()] {
            if (auto self = w.lock())
                self->on_deadline();
        });
    }

    void on_deadline()
    {
        armed_deadline_.reset();
        for (auto& taken : book_.take_expired(clock_->now())) {
            if (taken.stage == Book::Stage::tracked) {
                run_diag_.client_message = "the login response did not arrive in time";
                execute(session_.on_login_result(error::deadline_exceeded));
            } else {
                complete(std::move(taken.entry.handler), error::deadline_exceeded);
            }
        }
        if (auto next = book_.earliest_deadline())
            arm_deadline(*next);
        pump();
    }

    // ---- secrets and completions ---------------------------------------------------------------

    /// No diagnostics text carries the token, whatever the server echoed into it.
    void scrub(Diagnostics& d) const
    {
        if (secrets_.empty())
            return;
        for (auto* text : {&d.server_type, &d.server_message, &d.server_data, &d.client_message})
            redact_in_place(*text, secrets_);
    }

    void trace_received(std::string_view text)
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

    /// Completes a request exactly once, never inside the initiating call; copies `diag` (with
    /// secrets masked) into the caller's `out` first.
    void complete(ReplyHandler h, error_code ec, std::shared_ptr<const nlohmann::json> payload = nullptr,
        Diagnostics* out = nullptr, const Diagnostics* diag = nullptr)
    {
        if (!h)
            return;
        if (out && diag) {
            *out = *diag;
            scrub(*out);
        }
        auto slot = asio::get_associated_cancellation_slot(h);
        if (slot.is_connected())
            slot.clear();
        post_completion(std::move(h), ec, Reply{std::move(payload)});
    }

    /// Runs `h(args...)` later through the handler's associated executor. (A lambda rather than
    /// asio::append: Asio 1.26 recurses when it re-wraps an lvalue any_completion_handler.)
    template <class Handler, class... Args>
    void post_completion(Handler h, Args... args)
    {
        auto hex = asio::get_associated_executor(h, ex_);
        asio::post(ex_, asio::bind_executor(hex, [h = std::move(h), args...]() mutable { std::move(h)(std::move(args)...); }));
    }

    asio::any_io_executor ex_;
    ClientConfig cfg_;
    const Protocol& protocol_;
    Environment env_;
    std::shared_ptr<Clock> clock_;
    Session session_;
    Book book_;
    std::unique_ptr<Timer> login_timer_, ping_timer_, backoff_timer_, deadline_timer_;
    std::optional<std::chrono::steady_clock::time_point> armed_deadline_;
    mutable std::minstd_rand rng_; // drawn from by the session's jitter

    Endpoint endpoint_;
    std::shared_ptr<asio::ssl::context> tls_ctx_;
    std::shared_ptr<Transport> transport_;
    std::uint64_t generation_ = 0; ///< counts connections: events of older ones are ignored
    bool running_ = false;
    RunHandler run_handler_;
    Diagnostics run_diag_;

    nlohmann::json stored_state_;      ///< what the server asked to get back at every login
    std::string customer_id_;          ///< from the first login of this client
    std::vector<std::string> secrets_; ///< the last token sent, in every printable form
    nlohmann::json login_payload_ = nlohmann::json::object(); // without the token
    std::list<LoginWaiter> login_waiters_; // a list: erasing never move-assigns handlers
    std::list<RunHandler> stop_waiters_;
    std::uint64_t last_waiter_id_ = 0;
    std::shared_ptr<const nlohmann::json> login_response_;

    PushDispatcher pushes_;
    std::function<void(SessionState, error_code)> state_listener_;
    std::function<void(std::chrono::milliseconds, const DisconnectCause&)> reconnect_listener_;
};

} // namespace livechat::rtm::detail



#endif
