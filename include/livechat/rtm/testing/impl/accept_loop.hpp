// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_ACCEPT_LOOP_HPP
#define LIVECHAT_RTM_TESTING_IMPL_ACCEPT_LOOP_HPP

// What the test servers' accept loops do when an accept fails. Only closing the acceptor ends
// a loop: a server that ran out of descriptors once must not stop accepting for good.

#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>

namespace livechat::rtm::testing::detail {

enum class AfterAccept {
    stop,      ///< the acceptor was closed: the server is stopping
    next,      ///< one connection failed (reset before it was taken): accept the next at once
    pause_then ///< the process is short of descriptors or memory: accept again after a pause
};

/// How long a server waits before accepting again when the process is short of a resource.
/// The pending connections wait in the listen backlog meanwhile.
inline constexpr std::chrono::milliseconds accept_pause{20};

inline AfterAccept after_accept_error(const boost::system::error_code& ec, const boost::asio::ip::tcp::acceptor& acceptor)
{
    namespace error = boost::asio::error;
    if (ec == error::operation_aborted || !acceptor.is_open())
        return AfterAccept::stop;
    if (ec == error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system ||
        ec == error::no_buffer_space || ec == error::no_memory)
        return AfterAccept::pause_then;
    return AfterAccept::next;
}

/// After a failed accept: calls `accept_again()` at once, after accept_pause on `timer`, or not
/// at all when the acceptor was closed; says which. `accept_again` checks itself that its
/// server still runs.
template <class AcceptAgain>
AfterAccept retry_accept(const boost::system::error_code& ec, const boost::asio::ip::tcp::acceptor& acceptor,
    boost::asio::steady_timer& timer, AcceptAgain accept_again)
{
    auto after = after_accept_error(ec, acceptor);
    if (after == AfterAccept::next) {
        accept_again();
    } else if (after == AfterAccept::pause_then) {
        timer.expires_after(accept_pause);
        timer.async_wait([again = std::move(accept_again)](const boost::system::error_code& ec) mutable {
            if (!ec)
                again();
        });
    }
    return after;
}

} // namespace livechat::rtm::testing::detail

#endif
