// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_SESSION_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_SESSION_IPP

#include <livechat/rtm/impl/internal/session.hpp>

#include <boost/asio/error.hpp>

#include <algorithm>

namespace livechat::rtm::detail {

LIVECHAT_RTM_DECL void Session::enter(SessionState s, error_code ec, Commands& out)
{
    state_ = s;
    out.push_back(cmd::NotifyState{s, ec});
}

LIVECHAT_RTM_DECL Commands Session::on_start()
{
    Commands out;
    if (state_ != SessionState::idle)
        return out;
    enter(SessionState::connecting, {}, out);
    out.push_back(cmd::Connect{});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_connected(error_code ec)
{
    Commands out;
    if (state_ != SessionState::connecting)
        return out; // stopped meanwhile: on_transport_closed finishes the run
    if (ec)
        return end_connection(ec);
    enter(SessionState::authorizing, {}, out);
    // RTM: the login window runs from the moment the socket opens.
    out.push_back(cmd::ArmTimer{TimerId::login_window, settings_.login_window});
    if (settings_.auto_login) {
        login_in_progress_ = true;
        out.push_back(cmd::StartLogin{token_reason_});
    }
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_login_requested()
{
    Commands out;
    if (state_ == SessionState::authorizing && !login_in_progress_) {
        login_in_progress_ = true;
        out.push_back(cmd::StartLogin{token_reason_});
    }
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_login_result(error_code ec)
{
    if (state_ != SessionState::authorizing)
        return {};
    login_in_progress_ = false;
    if (ec)
        return close(ec);
    Commands out;
    out.push_back(cmd::CancelTimer{TimerId::login_window});
    traffic_ = false;
    silent_pings_ = 0;
    if (!ended_by_push_)
        attempt_ = 0; // the back-off starts over after a successful login
    out.push_back(cmd::ArmTimer{TimerId::ping, settings_.ping_interval});
    enter(SessionState::ready, {}, out);
    out.push_back(cmd::FlushQueue{});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_timer(TimerId id)
{
    if (id == TimerId::backoff) {
        if (state_ != SessionState::backing_off)
            return {};
        Commands out;
        enter(SessionState::connecting, {}, out);
        out.push_back(cmd::Connect{});
        return out;
    }
    if (id == TimerId::login_window) {
        if (state_ == SessionState::authorizing)
            return close(error::login_timeout);
        return {};
    }
    if (state_ != SessionState::ready)
        return {};
    // RTM: ping every interval; a line that stays silent for `silent_pings_before_dead`
    // whole intervals (pongs count as traffic) is dead.
    silent_pings_ = traffic_ ? 0 : silent_pings_ + 1;
    traffic_ = false;
    if (ended_by_push_) { // up for a whole interval: the back-off starts over
        ended_by_push_ = false;
        attempt_ = 0;
    }
    if (silent_pings_ >= settings_.silent_pings_before_dead)
        return close(error::ping_timeout);
    Commands out;
    out.push_back(cmd::SendPing{});
    out.push_back(cmd::ArmTimer{TimerId::ping, settings_.ping_interval});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_disconnect_push(
    std::string_view reason, std::optional<std::chrono::milliseconds> wait, std::string region)
{
    // RTM: customer_disconnected may be the very first frame; the server closes right after.
    disconnect_reason_.assign(reason.data(), reason.size());
    disconnect_wait_ = wait;
    disconnect_region_ = std::move(region);
    return close(error::disconnected_by_server);
}

LIVECHAT_RTM_DECL Commands Session::on_transport_closed(error_code ec)
{
    if (state_ == SessionState::closed || state_ == SessionState::idle ||
        state_ == SessionState::backing_off)
        return {};
    return end_connection(close_reason_ ? close_reason_ : (ec ? ec : error::connection_lost));
}

LIVECHAT_RTM_DECL Commands Session::end_connection(error_code final_ec)
{
    Commands out;
    login_in_progress_ = false;
    out.push_back(cmd::CancelTimer{TimerId::login_window});
    out.push_back(cmd::CancelTimer{TimerId::ping});
    // A stop aborts what is pending; anything else lost the connection under it.
    bool stopped = final_ec == boost::asio::error::operation_aborted || stop_requested_;
    DisconnectCause cause{disconnect_reason_, final_ec};
    if (!disconnect_reason_.empty() && settings_.suggest)
        cause.suggested = settings_.suggest(disconnect_reason_);
    auto action = ReconnectAction::stop;
    if (settings_.reconnect && !stopped)
        action = settings_.policy ? settings_.policy(cause) : default_reconnect_action(cause);
    // The next login's token: refused or expired ones are not asked for again.
    if (final_ec == error::authentication)
        token_reason_ = TokenReason::token_rejected;
    else if (disconnect_reason_ == "access_token_expired" || disconnect_reason_ == "access_token_revoked")
        token_reason_ = TokenReason::token_expired;
    else
        token_reason_ = TokenReason::reconnect;
    // Per-connection facts are used up now.
    bool by_push = !disconnect_reason_.empty();
    auto wait = disconnect_wait_;
    auto region = std::move(disconnect_region_);
    close_reason_ = {};
    disconnect_reason_.clear();
    disconnect_wait_.reset();
    disconnect_region_.clear();

    if (action == ReconnectAction::stop) {
        out.push_back(cmd::FailPending{
            stopped ? error_code(boost::asio::error::operation_aborted) : error::connection_lost});
        enter(SessionState::closed, final_ec, out);
        out.push_back(cmd::Finish{final_ec});
        return out;
    }

    // RTM: requests in flight are lost with the line (never resent: send_event is not
    // idempotent); requests not sent yet wait for the next login.
    out.push_back(cmd::FailPending{error::connection_lost, true});
    double r = settings_.random ? settings_.random() : 0.5;
    std::chrono::milliseconds delay{0};
    switch (action) {
    case ReconnectAction::reconnect:
        delay = backoff_delay(settings_.backoff, attempt_++, false, r);
        break;
    case ReconnectAction::reconnect_slowly:
        delay = backoff_delay(settings_.backoff, attempt_++, true, r);
        break;
    case ReconnectAction::reconnect_after:
        // RTM: the server's wait is clamped; it never shortens the back-off already reached.
        delay = backoff_delay(settings_.backoff, attempt_++, true, r);
        if (wait)
            delay = std::max(delay, std::min(*wait, settings_.backoff.max_server_delay));
        break;
    case ReconnectAction::switch_region:
        // Soon, to the right region, but never in a tight loop.
        delay = backoff_delay(settings_.backoff, attempt_++, false, r);
        break;
    case ReconnectAction::stop: break;
    }
    // Jitter spreads delays upwards of the minimum, never below it.
    delay = std::max(delay, action == ReconnectAction::reconnect_slowly ? settings_.backoff.slow_min_delay
                                                                         : settings_.backoff.min_delay);
    ended_by_push_ = ended_by_push_ || by_push;
    enter(SessionState::backing_off, final_ec, out);
    out.push_back(cmd::Reconnecting{delay, std::move(cause),
        action == ReconnectAction::switch_region ? std::move(region) : std::string()});
    out.push_back(cmd::ArmTimer{TimerId::backoff, delay});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_stop()
{
    if (state_ == SessionState::idle || state_ == SessionState::closed)
        return {};
    // Closing already (a failed login, a time-out): the first reason stays, but no reconnect.
    stop_requested_ = true;
    if (state_ == SessionState::backing_off) { // no connection to close: finish now
        Commands out;
        out.push_back(cmd::CancelTimer{TimerId::backoff});
        error_code aborted = boost::asio::error::operation_aborted;
        out.push_back(cmd::FailPending{aborted});
        enter(SessionState::closed, aborted, out);
        out.push_back(cmd::Finish{aborted});
        return out;
    }
    return close(boost::asio::error::operation_aborted);
}

LIVECHAT_RTM_DECL Commands Session::close(error_code reason)
{
    Commands out;
    if (state_ == SessionState::closing || state_ == SessionState::closed)
        return out;
    close_reason_ = reason;
    login_in_progress_ = false;
    out.push_back(cmd::CancelTimer{TimerId::login_window});
    out.push_back(cmd::CancelTimer{TimerId::ping});
    enter(SessionState::closing, reason, out);
    out.push_back(cmd::Close{reason});
    return out;
}

} // namespace livechat::rtm::detail

#endif
