// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_IPP

// The compiled core behind RtmClient: it drives the sans-io Session, Correlator and codec with
// a Beast transport and Asio timers. Everything runs on the client's executor.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/impl/internal/correlator.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/impl/internal/session.hpp>
#include <livechat/rtm/impl/internal/websocket_transport.ipp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <random>
#include <list>

namespace livechat::rtm::detail {

class ClientImpl : public std::enable_shared_from_this<ClientImpl> {
public:
    ClientImpl(asio::any_io_executor ex, ClientConfig cfg)
        : ex_(std::move(ex)), cfg_(std::move(cfg)), session_(settings()), login_timer_(ex_),
          ping_timer_(ex_), backoff_timer_(ex_), deadline_timer_(ex_), rng_(std::random_device{}())
    {
    }

    ClientImpl(const ClientImpl&) = delete;
    ClientImpl& operator=(const ClientImpl&) = delete;

    // The transport may still be closing when the last owner lets go: nothing is left hanging,
    // everything still pending completes with operation_aborted.
    ~ClientImpl()
    {
        for (auto& taken : correlator_.take_all())
            complete(std::move(taken.handler), asio::error::operation_aborted, nullptr);
        fail_login_waiters(asio::error::operation_aborted);
        if (run_handler_)
            complete_run_now(std::move(run_handler_), asio::error::operation_aborted);
        for (auto& w : stop_waiters_)
            complete_run_now(std::move(w), {});
    }

    // ---- entry points from the facade ------------------------------------------------------

    void start_run(RunHandler handler)
    {
        if (running_)
            return complete_run_now(std::move(handler), error::already_running);
        run_diag_.clear();
        if (auto ec = validate(); ec)
            return complete_run_now(std::move(handler), ec);
        // Asio 1.26's any_completion_handler move assignment recurses forever: swap instead.
        RunHandler(std::move(handler)).swap(run_handler_);
        running_ = true;
        session_ = Session(settings());
        auto slot = asio::get_associated_cancellation_slot(run_handler_);
        if (slot.is_connected()) {
            slot.assign([w = weak_from_this()](asio::cancellation_type type) {
                if (auto self = w.lock(); self && type != asio::cancellation_type::none)
                    self->stop();
            });
        }
        execute(session_.on_start());
    }

    void start_request(std::string_view action, RequestWriter writer, Diagnostics* diag,
        ReplyHandler handler)
    {
        if (!running_)
            return complete_now(std::move(handler), error::not_running);
        nlohmann::json payload = nlohmann::json::object();
        Diagnostics checked;
        if (auto ec = writer.write(payload, writer.object, checked)) {
            if (diag)
                *diag = std::move(checked);
            return complete_now(std::move(handler), ec); // rejected locally: nothing is sent
        }
        std::string id = correlator_.next_id();
        std::string frame = encode_request(action, id, payload);
        auto slot = asio::get_associated_cancellation_slot(handler);
        if (slot.is_connected()) {
            slot.assign([w = weak_from_this(), id](asio::cancellation_type type) {
                if (auto self = w.lock(); self && type != asio::cancellation_type::none)
                    self->cancel_request(id);
            });
        }
        if (queued_ >= cfg_.max_queued_requests && !can_send_now()) {
            if (diag)
                diag->client_message = "the request queue is full";
            return complete_now(std::move(handler), error::request_queue_full);
        }
        add_pending(id, Pending{Origin::user, std::move(handler), diag});
        // RTM: login goes first, and at most max_in_flight requests are pending per connection;
        // everything else waits in order.
        ++queued_;
        waiting_.emplace_back(std::move(id), std::move(frame));
        pump();
    }

    void start_login(RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
    {
        if (!running_)
            return complete_now(std::move(handler), error::not_running);
        // Serialized now: the caller's request object is gone once this returns.
        login_payload_ = nlohmann::json::object();
        Diagnostics checked;
        if (auto ec = writer.write(login_payload_, writer.object, checked)) {
            if (diag)
                *diag = std::move(checked);
            return complete_now(std::move(handler), ec);
        }
        if (session_.state() == SessionState::ready) // RTM: one login per connection
            return complete_now(std::move(handler), {}, login_response_);
        auto waiter_id = ++last_waiter_id_;
        auto slot = asio::get_associated_cancellation_slot(handler);
        if (slot.is_connected()) {
            slot.assign([w = weak_from_this(), waiter_id](asio::cancellation_type type) {
                if (auto self = w.lock(); self && type != asio::cancellation_type::none)
                    self->cancel_login_waiter(waiter_id);
            });
        }
        login_waiters_.push_back(LoginWaiter{waiter_id, std::move(handler), diag});
        execute(session_.on_login_requested());
    }

    void stop() { execute(session_.on_stop()); }

    /// Stops and completes `handler` once the run has finished (at once when not running).
    void start_stop(RunHandler handler)
    {
        if (!running_)
            return complete_run_now(std::move(handler), {});
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
    void set_state_listener(std::function<void(SessionState, error_code)> l)
    {
        state_listener_ = std::move(l);
    }

private:
    enum class Origin { user, login };
    struct Pending {
        Origin origin;
        ReplyHandler handler;
        Diagnostics* diag;
        bool sent = false; ///< on the wire (counts against max_in_flight), or still queued
    };
    struct LoginWaiter {
        std::uint64_t id;
        ReplyHandler handler;
        Diagnostics* diag;
    };

    SessionSettings settings() const
    {
        SessionSettings s;
        s.login_window = cfg_.login_window;
        s.ping_interval = cfg_.ping_interval;
        s.silent_pings_before_dead = cfg_.silent_pings_before_dead;
        s.auto_login = cfg_.auto_login;
        s.reconnect = cfg_.reconnect.enabled;
        s.backoff = cfg_.reconnect.backoff;
        s.policy = cfg_.reconnect.policy;
        s.random = cfg_.reconnect.random;
        if (!s.random)
            s.random = [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); };
        return s;
    }

    error_code validate()
    {
        auto bad = [this](const char* why) {
            run_diag_.client_message = why;
            return error_code(error::invalid_config);
        };
        if (!cfg_.token_provider)
            return bad("token_provider is required");
        auto ep = parse_url(effective_url(cfg_));
        if (!ep)
            return bad("the URL is not a valid ws:// or wss:// URL");
        if (cfg_.url.empty() && cfg_.license_id == 0)
            return bad("license_id is required unless url is set");
        using zero = std::chrono::steady_clock::duration;
        if (cfg_.login_window <= zero{} || cfg_.ping_interval <= zero{} ||
            cfg_.request_timeout <= zero{} || cfg_.connect_timeout <= zero{} ||
            cfg_.close_timeout <= zero{})
            return bad("every duration must be positive");
        if (cfg_.silent_pings_before_dead == 0)
            return bad("silent_pings_before_dead must be at least 1");
        if (cfg_.max_message_size == 0)
            return bad("max_message_size must be positive");
        if (cfg_.max_in_flight == 0)
            return bad("max_in_flight must be at least 1");
        if (ep->tls && !tls_ctx_) {
            error_code ec;
            tls_ctx_ = shared_tls_context(cfg_.tls, ec);
            if (ec) {
                tls_ctx_.reset();
                run_diag_.client_message = "TLS setup failed: " + ec.message();
                return error::invalid_config;
            }
        }
        endpoint_ = *ep;
        return {};
    }

    // ---- command execution ----------------------------------------------------------------

    void execute(const Commands& commands)
    {
        for (const auto& c : commands)
            std::visit([this](const auto& command) { run_command(command); }, c);
    }

    void run_command(const cmd::Connect&)
    {
        ++generation_;
        TransportOptions opts{
            cfg_.connect_timeout, cfg_.close_timeout, cfg_.max_message_size, cfg_.user_agent};
        if (endpoint_.tls)
            transport_ = std::make_shared<WebsocketTransport<true>>(
                ex_, opts, tls_ctx_, cfg_.tls.verify_peer);
        else
            transport_ = std::make_shared<WebsocketTransport<false>>(ex_, opts, nullptr, false);
        TransportEvents events;
        auto w = weak_from_this();
        auto gen = generation_;
        events.on_open = [w, gen](error_code ec) {
            if (auto self = w.lock(); self && self->generation_ == gen)
                self->on_open(ec);
        };
        events.on_message = [w, gen](std::string_view text) {
            if (auto self = w.lock(); self && self->generation_ == gen)
                self->on_message(text);
        };
        events.on_control = [w, gen] {
            if (auto self = w.lock(); self && self->generation_ == gen)
                self->session_.on_inbound_traffic();
        };
        events.on_closed = [w, gen](error_code ec) {
            if (auto self = w.lock(); self && self->generation_ == gen)
                self->execute(self->session_.on_transport_closed(ec));
        };
        transport_->open(endpoint_, std::move(events));
    }

    void run_command(const cmd::StartLogin&)
    {
        auto w = weak_from_this();
        auto gen = generation_;
        auto ex = ex_;
        // The provider may answer inline or from another thread: hop back to our executor.
        cfg_.token_provider([w, gen, ex](error_code ec, std::string token) {
            asio::post(ex, [w, gen, ec, token = std::move(token)]() mutable {
                if (auto self = w.lock(); self && self->generation_ == gen)
                    self->on_token(ec, std::move(token));
            });
        });
    }

    asio::steady_timer& timer_for(TimerId id)
    {
        switch (id) {
        case TimerId::login_window: return login_timer_;
        case TimerId::ping: return ping_timer_;
        case TimerId::backoff: return backoff_timer_;
        }
        return ping_timer_;
    }

    void run_command(const cmd::ArmTimer& c)
    {
        auto& timer = timer_for(c.id);
        timer.expires_after(c.after);
        timer.async_wait([self = shared_from_this(), id = c.id, gen = generation_](error_code ec) {
            if (!ec && self->generation_ == gen)
                self->execute(self->session_.on_timer(id));
        });
    }

    void run_command(const cmd::CancelTimer& c) { timer_for(c.id).cancel(); }

    void run_command(const cmd::Reconnecting& c)
    {
        // RTM: misdirected_connection names the right region; the default URL follows it
        // ("dal" is the default host). A URL set by the user is kept as it is.
        if (!c.region.empty() && cfg_.url.empty()) {
            cfg_.host = c.region == "dal" ? "api.livechatinc.com" : "api-" + c.region + ".livechatinc.com";
            if (auto ep = parse_url(effective_url(cfg_)))
                endpoint_ = *ep;
        }
        if (reconnect_listener_)
            asio::post(ex_, [l = reconnect_listener_, d = c.delay, cause = c.cause] { l(d, cause); });
    }

    void run_command(const cmd::SendPing&)
    {
        if (cfg_.ping_mode == PingMode::websocket_control)
            transport_->ping();
        else // RTM: sent without request_id; its response only proves liveness
            send_frame(encode_request("ping", {}, nlohmann::json::object()));
    }

    void run_command(const cmd::FlushQueue&) { pump(); }

    bool can_send_now() const
    {
        return session_.state() == SessionState::ready && in_flight_ < cfg_.max_in_flight;
    }

    /// Sends queued requests, in order, while the connection is ready and slots are free.
    void pump()
    {
        while (can_send_now() && !waiting_.empty()) {
            auto [id, frame] = std::move(waiting_.front());
            waiting_.pop_front();
            auto* p = correlator_.find(id);
            if (!p || p->sent)
                continue; // cancelled or expired while it waited
            p->sent = true;
            --queued_;
            ++in_flight_;
            send_frame(std::move(frame));
        }
    }

    /// Bookkeeping for an entry that just left the correlator.
    void on_taken(const Pending& p)
    {
        if (p.origin != Origin::user)
            return;
        if (p.sent) {
            --in_flight_;
            return;
        }
        --queued_;
        // A queued request that expired or was cancelled leaves its frame behind in waiting_;
        // drop such leftovers before they outnumber the live entries (long outages).
        if (waiting_.size() > 2 * queued_ + 16) {
            waiting_.erase(std::remove_if(waiting_.begin(), waiting_.end(),
                               [this](const auto& w) {
                                   auto* q = correlator_.find(w.first);
                                   return !q || q->sent;
                               }),
                waiting_.end());
        }
    }

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
        if (c.keep_queued) {
            // In flight: lost with the line, never resent. Queued: wait for the next login
            // (their deadlines keep running). Login waiters wait for the next login too.
            for (auto& taken : correlator_.take_if([](const Pending& p) { return p.sent || p.origin == Origin::login; })) {
                on_taken(taken.handler);
                if (taken.handler.origin == Origin::user)
                    complete(std::move(taken.handler), c.ec, nullptr);
            }
            return;
        }
        waiting_.clear();
        deadline_timer_.cancel();
        armed_deadline_.reset();
        for (auto& taken : correlator_.take_all()) {
            on_taken(taken.handler);
            if (taken.handler.origin == Origin::user)
                complete(std::move(taken.handler), c.ec, nullptr);
        }
        // Login waiters learn the run's real end (login_timeout, message_too_big, ...) from
        // the Finish that follows, not a generic connection_lost.
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

    // ---- events from the transport, token provider and timers -------------------------------

    void on_open(error_code ec)
    {
        if (ec) {
            run_diag_.client_message = "connect to " + endpoint_.host + ":" + endpoint_.port +
                                       " failed: " + ec.message();
            if (session_.state() == SessionState::closing)
                return execute(session_.on_transport_closed(ec));
            return execute(session_.on_connected(ec));
        }
        execute(session_.on_connected({}));
    }

    void on_token(error_code ec, std::string token)
    {
        if (session_.state() != SessionState::authorizing)
            return;
        if (ec || token.empty()) {
            run_diag_.client_message =
                ec ? "token provider failed: " + ec.message() : "token provider gave no token";
            return execute(session_.on_login_result(error::token_provider_failed));
        }
        secrets_ = secret_forms(token);
        nlohmann::json payload = login_payload_;
        if (!customer_side_storage_.empty())
            payload["customer_side_storage"] = customer_side_storage_;
        if (!payload.contains("token")) // RTM: "<token_type> <access_token>"
            payload["token"] = "Bearer " + token;
        std::string id = correlator_.next_id();
        // The login window (a session timer) bounds the login, not the request timeout.
        add_pending(id, Pending{Origin::login, {}, nullptr}, cfg_.login_window + cfg_.request_timeout);
        if (cfg_.frame_trace) { // never hand the token to a log
            nlohmann::json shown = payload;
            shown["token"] = "<redacted>";
            cfg_.frame_trace(FrameDirection::sent, encode_request("login", id, shown));
        }
        transport_->send(encode_request("login", id, payload));
    }

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

    void send_frame(std::string frame)
    {
        if (cfg_.frame_trace)
            cfg_.frame_trace(FrameDirection::sent, frame);
        transport_->send(std::move(frame));
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
                if (auto p = correlator_.take(*frame.request_id)) {
                    on_taken(*p);
                    finish_pending(std::move(*p), ec, nullptr, diag);
                    pump();
                }
            return;
        }
        if (frame.type == FrameType::push)
            return on_push(frame, text);
        if (!frame.request_id)
            return; // e.g. our protocol pings, sent without request_id
        auto pending = correlator_.take(*frame.request_id);
        if (!pending)
            return; // a late answer to a cancelled or expired request
        on_taken(*pending);
        auto payload = std::make_shared<const nlohmann::json>(std::move(frame.payload));
        error_code ec = frame.success ? error_code() : decode_server_error(*payload, diag);
        finish_pending(std::move(*pending), ec, std::move(payload), diag);
        pump();
    }

    void on_push(const Frame& frame, std::string_view text)
    {
        std::optional<std::string_view> rid;
        if (frame.request_id)
            rid = *frame.request_id;
        if (frame.action == "customer_side_storage_updated") {
            // RTM: persist it and send it back at every login.
            if (auto it = frame.payload.find("customer_side_storage"); it != frame.payload.end() && it->is_object())
                customer_side_storage_ = *it;
        }
        pushes_.dispatch(RawPush{frame.action, rid, frame.payload, text});
        if (frame.action == "customer_disconnected") {
            std::string reason, region;
            std::optional<std::chrono::milliseconds> wait;
            if (auto it = frame.payload.find("reason"); it != frame.payload.end() && it->is_string())
                reason = it->get<std::string>();
            if (auto data = frame.payload.find("data"); data != frame.payload.end() && data->is_object()) {
                run_diag_.server_data = data->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                redact_in_place(run_diag_.server_data, secrets_);
                if (auto r = data->find("region"); r != data->end() && r->is_string())
                    region = r->get<std::string>();
                // RTM: units of data.timeout are not documented; seconds assumed. Clamped
                // before the conversion (1e300 must not overflow); the session clamps again.
                if (auto t = data->find("timeout"); t != data->end() && t->is_number() && t->get<double>() >= 0)
                    wait = std::chrono::milliseconds(
                        static_cast<std::int64_t>(std::min(t->get<double>(), 1e9) * 1000));
            }
            execute(session_.on_disconnect_push(reason, wait, std::move(region)));
        }
    }

    void finish_pending(Pending p, error_code ec, std::shared_ptr<const nlohmann::json> payload,
        const Diagnostics& diag)
    {
        if (p.origin == Origin::login)
            return on_login_response(ec, std::move(payload), diag);
        if (p.diag) {
            *p.diag = diag;
            scrub(*p.diag);
        }
        complete(std::move(p), ec, std::move(payload));
    }

    void on_login_response(
        error_code ec, std::shared_ptr<const nlohmann::json> payload, const Diagnostics& diag)
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
        for (auto& w : waiters) {
            if (w.diag) {
                *w.diag = diag;
                scrub(*w.diag);
            }
            complete(Pending{Origin::user, std::move(w.handler), nullptr}, ec, payload);
        }
        execute(session_.on_login_result(ec));
    }

    /// RTM: a re-login must be the same customer (v3.0 `customer_id`, 3.2+ `customer.id`).
    error_code check_customer(const nlohmann::json& payload)
    {
        std::string id;
        if (auto it = payload.find("customer_id"); it != payload.end() && it->is_string())
            id = it->get<std::string>();
        else if (auto c = payload.find("customer"); c != payload.end() && c->is_object())
            if (auto cid = c->find("id"); cid != c->end() && cid->is_string())
                id = cid->get<std::string>();
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
        for (auto& w : waiters) {
            if (w.diag)
                *w.diag = run_diag_;
            complete(Pending{Origin::user, std::move(w.handler), nullptr}, ec, nullptr);
        }
    }

    void cancel_request(const std::string& id)
    {
        if (auto p = correlator_.take(id)) {
            on_taken(*p);
            complete(std::move(*p), asio::error::operation_aborted, nullptr);
            pump();
        }
    }

    void cancel_login_waiter(std::uint64_t id)
    {
        for (auto it = login_waiters_.begin(); it != login_waiters_.end(); ++it) {
            if (it->id == id) {
                auto handler = std::move(it->handler);
                login_waiters_.erase(it);
                complete(Pending{Origin::user, std::move(handler), nullptr},
                    asio::error::operation_aborted, nullptr);
                return;
            }
        }
    }

    // ---- pending requests and their one deadline timer ---------------------------------------

    void add_pending(const std::string& id, Pending p)
    {
        add_pending(id, std::move(p), cfg_.request_timeout);
    }

    void add_pending(const std::string& id, Pending p, std::chrono::steady_clock::duration timeout)
    {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        correlator_.add(id, deadline, std::move(p));
        if (!armed_deadline_ || deadline < *armed_deadline_)
            arm_deadline(deadline);
    }

    void arm_deadline(std::chrono::steady_clock::time_point at)
    {
        armed_deadline_ = at;
        deadline_timer_.expires_at(at);
        deadline_timer_.async_wait([w = weak_from_this()](error_code ec) {
            if (auto self = w.lock(); self && !ec)
                self->on_deadline();
        });
    }

    void on_deadline()
    {
        armed_deadline_.reset();
        for (auto& taken : correlator_.take_expired(std::chrono::steady_clock::now())) {
            on_taken(taken.handler);
            if (taken.handler.origin == Origin::login) {
                run_diag_.client_message = "the login response did not arrive in time";
                execute(session_.on_login_result(error::deadline_exceeded));
            } else {
                complete(std::move(taken.handler), error::deadline_exceeded, nullptr);
            }
        }
        if (auto next = correlator_.earliest_deadline())
            arm_deadline(*next);
        pump();
    }

    /// Completes a user request exactly once, never inside the initiating call.
    void complete(Pending p, error_code ec, std::shared_ptr<const nlohmann::json> payload)
    {
        if (!p.handler)
            return;
        auto slot = asio::get_associated_cancellation_slot(p.handler);
        if (slot.is_connected())
            slot.clear();
        post_completion(std::move(p.handler), ec, Reply{std::move(payload)});
    }

    void complete_now(ReplyHandler h, error_code ec, std::shared_ptr<const nlohmann::json> payload = nullptr)
    {
        complete(Pending{Origin::user, std::move(h), nullptr}, ec, std::move(payload));
    }

    void complete_run_now(RunHandler h, error_code ec) { post_completion(std::move(h), ec); }

    /// Runs `h(args...)` later through the handler's associated executor. (A lambda rather than
    /// asio::append: Asio 1.26 recurses when it re-wraps an lvalue any_completion_handler.)
    template <class Handler, class... Args>
    void post_completion(Handler h, Args... args)
    {
        auto hex = asio::get_associated_executor(h, ex_);
        asio::post(ex_, asio::bind_executor(hex, [h = std::move(h), args...]() mutable {
            std::move(h)(std::move(args)...);
        }));
    }

    asio::any_io_executor ex_;
    ClientConfig cfg_;
    Session session_;
    Endpoint endpoint_;
    std::shared_ptr<asio::ssl::context> tls_ctx_;
    std::shared_ptr<Transport> transport_;
    std::uint64_t generation_ = 0;
    bool running_ = false;
    RunHandler run_handler_;
    Diagnostics run_diag_;

    Correlator<Pending> correlator_;
    std::deque<std::pair<std::string, std::string>> waiting_; // (id, frame) until login
    std::optional<std::chrono::steady_clock::time_point> armed_deadline_;
    asio::steady_timer login_timer_;
    asio::steady_timer ping_timer_;
    asio::steady_timer backoff_timer_;
    asio::steady_timer deadline_timer_;
    std::size_t in_flight_ = 0; ///< sent user requests without an answer yet
    std::size_t queued_ = 0;    ///< user requests waiting to be sent
    mutable std::minstd_rand rng_; // drawn from by the session's jitter (settings() is const)
    nlohmann::json customer_side_storage_ = nlohmann::json::object();
    std::string customer_id_; ///< from the first login of this client
    std::vector<std::string> secrets_; ///< the last token sent, in every printable form

    nlohmann::json login_payload_ = nlohmann::json::object(); // without the token
    std::list<LoginWaiter> login_waiters_; // a list: erasing never move-assigns handlers
    std::list<RunHandler> stop_waiters_;
    std::uint64_t last_waiter_id_ = 0;
    std::shared_ptr<const nlohmann::json> login_response_;

    PushDispatcher pushes_;
    std::function<void(SessionState, error_code)> state_listener_;
    std::function<void(std::chrono::milliseconds, const DisconnectCause&)> reconnect_listener_;

public:
    void set_reconnect_listener(std::function<void(std::chrono::milliseconds, const DisconnectCause&)> l)
    {
        reconnect_listener_ = std::move(l);
    }
};

LIVECHAT_RTM_DECL std::shared_ptr<ClientImpl> make_client_impl(
    asio::any_io_executor ex, ClientConfig cfg)
{
    return std::make_shared<ClientImpl>(std::move(ex), std::move(cfg));
}

LIVECHAT_RTM_DECL void shutdown(ClientImpl& impl) noexcept { impl.shutdown(); }

LIVECHAT_RTM_DECL void start_run(const std::shared_ptr<ClientImpl>& impl, RunHandler handler)
{
    impl->start_run(std::move(handler));
}

LIVECHAT_RTM_DECL void start_request(const std::shared_ptr<ClientImpl>& impl,
    std::string_view action, RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
{
    impl->start_request(action, writer, diag, std::move(handler));
}

LIVECHAT_RTM_DECL void start_login(const std::shared_ptr<ClientImpl>& impl, RequestWriter writer,
    Diagnostics* diag, ReplyHandler handler)
{
    impl->start_login(writer, diag, std::move(handler));
}

LIVECHAT_RTM_DECL void request_stop(ClientImpl& impl) { impl.stop(); }

LIVECHAT_RTM_DECL void start_stop(const std::shared_ptr<ClientImpl>& impl, RunHandler handler)
{
    impl->start_stop(std::move(handler));
}

LIVECHAT_RTM_DECL boost::asio::any_io_executor executor_of(const ClientImpl& impl) noexcept
{
    return impl.executor();
}

LIVECHAT_RTM_DECL SessionState state_of(const ClientImpl& impl) noexcept { return impl.state(); }

LIVECHAT_RTM_DECL PushDispatcher& pushes_of(ClientImpl& impl) noexcept { return impl.pushes(); }

LIVECHAT_RTM_DECL const Diagnostics& run_diagnostics_of(const ClientImpl& impl) noexcept
{
    return impl.run_diagnostics();
}

LIVECHAT_RTM_DECL void set_reconnect_listener(
    ClientImpl& impl, std::function<void(std::chrono::milliseconds, const DisconnectCause&)> listener)
{
    impl.set_reconnect_listener(std::move(listener));
}

LIVECHAT_RTM_DECL void set_state_listener(
    ClientImpl& impl, std::function<void(SessionState, error_code)> listener)
{
    impl.set_state_listener(std::move(listener));
}

} // namespace livechat::rtm::detail

#endif
