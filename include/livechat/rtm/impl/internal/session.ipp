// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_SESSION_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_SESSION_IPP

#include <livechat/rtm/impl/internal/session.hpp>

#include <boost/asio/error.hpp>

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
    if (ec) {
        out.push_back(cmd::FailPending{error::connection_lost});
        enter(SessionState::closed, ec, out);
        out.push_back(cmd::Finish{ec});
        return out;
    }
    enter(SessionState::authorizing, {}, out);
    // RTM: the login window runs from the moment the socket opens.
    out.push_back(cmd::ArmTimer{TimerId::login_window, settings_.login_window});
    if (settings_.auto_login) {
        login_in_progress_ = true;
        out.push_back(cmd::StartLogin{});
    }
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_login_requested()
{
    Commands out;
    if (state_ == SessionState::authorizing && !login_in_progress_) {
        login_in_progress_ = true;
        out.push_back(cmd::StartLogin{});
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
    out.push_back(cmd::ArmTimer{TimerId::ping, settings_.ping_interval});
    enter(SessionState::ready, {}, out);
    out.push_back(cmd::FlushQueue{});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_timer(TimerId id)
{
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
    if (silent_pings_ >= settings_.silent_pings_before_dead)
        return close(error::ping_timeout);
    Commands out;
    out.push_back(cmd::SendPing{});
    out.push_back(cmd::ArmTimer{TimerId::ping, settings_.ping_interval});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_disconnect_push(std::string_view reason)
{
    // RTM: customer_disconnected may be the very first frame; the server closes right after.
    disconnect_reason_.assign(reason.data(), reason.size());
    return close(error::disconnected_by_server);
}

LIVECHAT_RTM_DECL Commands Session::on_transport_closed(error_code ec)
{
    Commands out;
    if (state_ == SessionState::closed || state_ == SessionState::idle)
        return out;
    error_code final_ec = close_reason_ ? close_reason_ : (ec ? ec : error::connection_lost);
    login_in_progress_ = false;
    out.push_back(cmd::CancelTimer{TimerId::login_window});
    out.push_back(cmd::CancelTimer{TimerId::ping});
    // A stop aborts what is pending; anything else lost the connection under it.
    bool stopped = final_ec == boost::asio::error::operation_aborted;
    out.push_back(cmd::FailPending{
        stopped ? error_code(boost::asio::error::operation_aborted) : error::connection_lost});
    enter(SessionState::closed, final_ec, out);
    out.push_back(cmd::Finish{final_ec});
    return out;
}

LIVECHAT_RTM_DECL Commands Session::on_stop()
{
    if (state_ == SessionState::idle || state_ == SessionState::closed)
        return {};
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
