// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_CLIENT_CORE_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_CLIENT_CORE_HPP

// The compiled core behind BasicRtmClient: an I/O driver. It feeds events to the sans-io
// Session (login, keep-alive, reconnects) and RequestBook (waiting, in flight, deadlines),
// carries out what they answer, and asks the protocol version (detail::Protocol) for every
// rule of the wire. Everything runs on the client's executor. The class is here; its entry
// points and the session's commands are in impl/client_core.ipp, what comes from the transport,
// the token provider and timers in impl/client_core_events.ipp.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/impl/internal/core_timer.hpp>
#include <livechat/rtm/impl/internal/config_check.hpp>
#include <livechat/rtm/impl/internal/environment.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/impl/internal/recovery.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/impl/internal/request_book.hpp>
#include <livechat/rtm/impl/internal/seed.hpp>
#include <livechat/rtm/impl/internal/session.hpp>
#include <livechat/rtm/impl/internal/websocket_transport.ipp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <nlohmann/json.hpp>

#include <list>
#include <map>
#include <optional>
#include <random>

namespace livechat::rtm::detail {

class ClientCore : public std::enable_shared_from_this<ClientCore> {
public:
    ClientCore(asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol, Environment env)
        : ex_(std::move(ex)), cfg_(std::move(cfg)), protocol_(protocol),
          env_(env.make_transport || env.clock ? std::make_unique<Environment>(std::move(env)) : nullptr),
          session_(settings()), book_(cfg_.max_in_flight, cfg_.max_queued_requests),
          login_timer_(ex_, test_clock()), ping_timer_(ex_, test_clock()), backoff_timer_(ex_, test_clock()),
          deadline_timer_(ex_, test_clock()),
          rng_(static_cast<std::minstd_rand::result_type>(fresh_seed())), recovery_(cfg_.recovery, protocol_)
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
        for (auto& p : unsure_)
            complete(std::move(p.handler), asio::error::operation_aborted);
        complete_login_waiters(asio::error::operation_aborted, nullptr, run_diag_);
        if (run_handler_)
            post_completion(std::move(run_handler_), error_code(asio::error::operation_aborted));
        for (auto& w : stop_waiters_)
            post_completion(std::move(w), error_code());
    }

    // ---- entry points from the facade ------------------------------------------------------

    void start_run(RunHandler handler);
    void start_request(std::string_view action, RequestWriter writer, Diagnostics* diag, ReplyHandler handler);
    void start_login(RequestWriter writer, Diagnostics* diag, ReplyHandler handler);

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
    void set_recovery_listener(std::function<void(const RecoveryReport&)> l) { recovery_listener_ = std::move(l); }
    void set_restored_send_listener(std::function<void(const RestoredSend&)> l) { restored_listener_ = std::move(l); }

private:
    /// What an exactly-once `send_event` needs to be looked up and sent again.
    struct SendRecord {
        std::string action;
        nlohmann::json payload; ///< with the event's custom_id
        std::string version;
        std::string chat_id;
        std::string custom_id;
        std::string id;        ///< the request id its cancellation names
        std::uint64_t seq = 0; ///< the order the app sent it in
    };
    struct Pending {
        ReplyHandler handler; ///< empty for the login, which the core itself sends
        Diagnostics* diag = nullptr;
        std::unique_ptr<SendRecord> resend; ///< set for an exactly-once send_event
    };
    using Book = RequestBook<Pending>;
    struct LoginWaiter {
        std::uint64_t id;
        ReplyHandler handler;
        Diagnostics* diag;
    };

    bool ready() const noexcept { return session_.state() == SessionState::ready; }

    std::chrono::steady_clock::time_point now() const
    {
        return test_clock() ? test_clock()->now() : std::chrono::steady_clock::now();
    }

    /// The Environment's clock, or nullptr for the steady clock.
    Clock* test_clock() const noexcept { return env_ ? env_->clock.get() : nullptr; }

    /// `now + d`, saturating (a user may configure a duration of years).
    std::chrono::steady_clock::time_point later(std::chrono::steady_clock::duration d) const
    {
        auto now = this->now();
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

    SessionSettings settings();
    error_code validate();
    std::shared_ptr<Transport> make_transport();

    // ---- commands of the session ---------------------------------------------------------------

    void execute(const Commands& commands)
    {
        for (const auto& c : commands)
            std::visit([this](const auto& command) { run_command(command); }, c);
    }

    /// A callback for the current connection: calls `Member(args...)` while this core is alive
    /// and still on that connection (events of older connections are dropped).
    template <auto Member>
    auto on_connection()
    {
        return [w = weak_from_this(), gen = generation_](auto&&... args) {
            if (auto self = w.lock(); self && self->generation_ == gen)
                ((*self).*Member)(std::forward<decltype(args)>(args)...);
        };
    }

    void on_lifecycle(std::string_view header, std::string_view value) { cfg_.lifecycle_notice(header, value); }

    void run_command(const cmd::Connect&);
    void run_command(const cmd::StartLogin&);

    CoreTimer& timer_for(TimerId id)
    {
        switch (id) {
        case TimerId::login_window: return login_timer_;
        case TimerId::ping: return ping_timer_;
        case TimerId::backoff: return backoff_timer_;
        }
        return ping_timer_;
    }

    void run_command(const cmd::ArmTimer& c);
    void run_command(const cmd::CancelTimer& c) { timer_for(c.id).cancel(); }
    void run_command(const cmd::Reconnecting& c);
    void run_command(const cmd::SendPing&);
    void run_command(const cmd::FlushQueue&) { pump(); }
    void run_command(const cmd::Close& c);
    void run_command(const cmd::FailPending& c);
    void run_command(const cmd::NotifyState& c);
    void run_command(const cmd::Finish& c);

    // ---- events from the transport, the token provider and timers ----------------------------

    void on_open(error_code ec);
    void on_control() { session_.on_inbound_traffic(); }
    void on_closed(error_code ec) { execute(session_.on_transport_closed(ec)); }
    void on_token(error_code ec, std::string token);
    void on_message(std::string_view text);
    void on_push(const Frame& frame, std::string_view text);
    /// Hands a push to the subscribers, unless it repeats an event the app already has.
    void deliver(const Frame& frame, std::string_view text, const std::optional<ChatActivity>& activity);

    // ---- recovery after a re-login -----------------------------------------------------------

    /// Starts a recovery round after a successful login (none after the first one).
    void start_recovery(const nlohmann::json& login_response);
    /// Carries out the round's next steps until it waits for an answer or is over.
    void recover(RecoveryStep step);
    /// An answer to one of the round's requests.
    void on_history(std::uint64_t round, error_code ec, Reply reply);
    /// Ends the round early (reported) and delivers the held pushes.
    void abandon_recovery();
    /// Delivers the pushes held while a round ran, oldest first.
    void release_held();
    void report(std::vector<RecoveryReport> reports);

    /// Completes an entry that just left the book with a response (or a broken one).
    void finish(std::optional<Book::Taken> taken, error_code ec, std::shared_ptr<const nlohmann::json> payload,
        const Diagnostics& diag);

    void on_login_response(error_code ec, std::shared_ptr<const nlohmann::json> payload, const Diagnostics& diag);

    /// RTM: a re-login must be the same customer.
    error_code check_customer(const nlohmann::json& payload);
    /// Completes every `async_login` waiting for a login, copying `diag` to their diagnostics.
    void complete_login_waiters(
        error_code ec, const std::shared_ptr<const nlohmann::json>& payload, const Diagnostics& diag);
    void cancel_request(const std::string& id);

    // ---- the exactly-once outbox (impl/client_core_outbox.ipp) --------------------------------

    /// The app's `send_event` with `delivery::exactly_once`: what is kept to send it again.
    std::unique_ptr<SendRecord> record_send(std::string_view action, nlohmann::json& payload, const RequestWriter& w);
    /// After a login: looks up every send whose answer the last connection lost.
    void resolve_unsure();
    void lookup_next_chat();
    void lookup_send();
    void on_lookup(std::uint64_t round, error_code ec, Reply reply);
    /// Completes (found) or sends again (not found) every unsure send to the chat just read.
    void settle_chat();
    void fail_chat(error_code ec);
    void resubmit_first(Pending p);
    void cancel_login_waiter(std::uint64_t id);

    // ---- the session store (impl/client_core_store.ipp) ---------------------------------------

    /// At the first run: what a previous client left (used after the first login).
    void load_store();
    /// After the first login: the restored chats are recovered, the restored sends looked up.
    void apply_restored();
    /// Whether a restored send is an event send, as this client would have kept it: its action
    /// and payload name its chat and custom_id (anything else in the file is not sent).
    bool is_stored_send(const StoredSend& stored, nlohmann::json& payload) const;
    /// An exactly-once send was recorded / has its outcome (unless the client's end aborted it).
    void keep_send(const SendRecord& r);
    void settle(const Pending& p);
    /// Saves when a chat's last received event moved.
    void note_marks();
    void save_store();
    void report_restored(RestoredSend r);

    /// Sends the queued requests that may go now (none while unsure sends are looked up: one
    /// sent again goes before those that came after it).
    void pump()
    {
        book_.release(ready() && !resolving_, [this](std::string frame) { send_frame(std::move(frame)); });
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

    void arm_deadline(std::chrono::steady_clock::time_point at);
    void on_deadline();

    // ---- secrets and completions ---------------------------------------------------------------

    /// No diagnostics text carries the token, whatever the server echoed into it.
    void scrub(Diagnostics& d) const
    {
        if (secrets_.empty())
            return;
        for (auto* text : {&d.server_type, &d.server_message, &d.server_data, &d.client_message})
            redact_in_place(*text, secrets_);
    }

    void trace_received(std::string_view text);

    /// How a completion reaches its handler.
    enum class Run {
        later, ///< posted: never inside the call that led here (an initiating call, a cancel)
        now,   ///< from the read path, which nothing of the app's is inside: dispatched
    };

    /// Completes a request exactly once, never inside the initiating call; copies `diag` (with
    /// secrets masked) into the caller's `out` first.
    void complete(ReplyHandler h, error_code ec, std::shared_ptr<const nlohmann::json> payload = nullptr,
        Diagnostics* out = nullptr, const Diagnostics* diag = nullptr, Run run = Run::later)
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
        if (run == Run::now)
            return dispatch_completion(std::move(h), ec, Reply{std::move(payload)});
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

    /// Runs `h(args...)` at once when this thread is inside the handler's executor (the client's
    /// own, or a strand it is running in), else posts it there. Only for the read path: the
    /// response's round trip then goes on (the app's next request is written) before the
    /// transport reads again, as a hand-written client does, instead of after a turn of the
    /// io_context.
    template <class Handler, class... Args>
    void dispatch_completion(Handler h, Args... args)
    {
        auto hex = asio::get_associated_executor(h, ex_);
        asio::dispatch(ex_, asio::bind_executor(hex, [h = std::move(h), args...]() mutable { std::move(h)(std::move(args)...); }));
    }

    asio::any_io_executor ex_;
    ClientConfig cfg_;
    const Protocol& protocol_;
    std::unique_ptr<Environment> env_; ///< null in production
    Session session_;
    Book book_;
    CoreTimer login_timer_, ping_timer_, backoff_timer_, deadline_timer_;
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

    Recovery recovery_;
    std::function<void(const RecoveryReport&)> recovery_listener_;

    /// Exactly-once sends whose answer a lost connection took, in the order they were sent. A
    /// list: erasing never move-assigns handlers (Asio 1.26's any_completion_handler recurses).
    std::list<Pending> unsure_;
    std::uint64_t sends_ = 0;     ///< exactly-once sends so far (their order)
    bool resolving_ = false;      ///< unsure sends are being looked up
    std::uint64_t lookup_round_ = 0;
    std::unique_ptr<HistoryReader> lookup_reader_;
    std::string lookup_chat_;
    /// A timed-out look-up is asked again up to this many times per chat (then its sends fail).
    static constexpr int max_lookup_retries = 3;
    int lookup_retries_ = 0;
    std::vector<HistoryThread> lookup_threads_;

    // The session store: the sends not settled (by their order) and what was loaded.
    std::map<std::uint64_t, StoredSend> kept_;
    bool store_loaded_ = false;
    std::optional<StoredSession> restored_; ///< loaded, not used yet (its outbox is in kept_)
    std::vector<std::uint64_t> restored_sends_;
    std::uint64_t saved_changes_ = 0;
    std::function<void(const RestoredSend&)> restored_listener_;

    PushDispatcher pushes_;
    std::function<void(SessionState, error_code)> state_listener_;
    std::function<void(std::chrono::milliseconds, const DisconnectCause&)> reconnect_listener_;
};

} // namespace livechat::rtm::detail

#endif
