#include <livechat/rtm/impl/internal/session.hpp>
#include <livechat/rtm/v3_0/version.hpp>

#include <boost/asio/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace livechat::rtm;
using namespace livechat::rtm::detail;
using namespace std::chrono_literals;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

namespace livechat::rtm::detail {
// Printable commands make failing expectations readable.
inline void PrintTo(const Command& c, std::ostream* os)
{
    static const char* names[] = {"Connect", "StartLogin", "ArmTimer", "CancelTimer", "SendPing",
        "FlushQueue", "Close", "FailPending", "NotifyState", "Finish", "Reconnecting"};
    *os << names[c.index()];
}
} // namespace livechat::rtm::detail

namespace {

const error_code aborted = boost::asio::error::operation_aborted;

SessionSettings fast(bool auto_login = true)
{
    SessionSettings s;
    s.login_window = 30s;
    s.ping_interval = 15s;
    s.silent_pings_before_dead = 2;
    s.auto_login = auto_login;
    s.suggest = livechat::rtm::v3_0::suggested_action;
    return s;
}

Session ready_session()
{
    Session s(fast());
    s.on_start();
    s.on_connected({});
    s.on_login_result({});
    return s;
}

} // namespace

TEST(Session, StartConnects)
{
    Session s(fast());
    EXPECT_EQ(s.on_start(),
        (Commands{cmd::NotifyState{SessionState::connecting, {}}, cmd::Connect{}}));
    EXPECT_EQ(s.state(), SessionState::connecting);
    EXPECT_THAT(s.on_start(), IsEmpty()); // only once
}

TEST(Session, ConnectedArmsLoginWindowAndLogsIn)
{
    Session s(fast());
    s.on_start();
    EXPECT_EQ(s.on_connected({}),
        (Commands{cmd::NotifyState{SessionState::authorizing, {}},
            cmd::ArmTimer{TimerId::login_window, 30s}, cmd::StartLogin{}}));
    EXPECT_TRUE(s.login_in_progress());
}

TEST(Session, ManualLoginWaitsForTheUser)
{
    Session s(fast(false));
    s.on_start();
    EXPECT_THAT(s.on_connected({}), Not(Contains(Command{cmd::StartLogin{}})));
    EXPECT_EQ(s.on_login_requested(), (Commands{cmd::StartLogin{}}));
    EXPECT_THAT(s.on_login_requested(), IsEmpty()); // one login at a time
}

TEST(Session, LoginRequestBeforeConnectingDoesNothing)
{
    Session s(fast(false));
    s.on_start();
    EXPECT_THAT(s.on_login_requested(), IsEmpty());
}

TEST(Session, ConnectFailureFinishesTheRun)
{
    Session s(fast());
    s.on_start();
    error_code refused = boost::asio::error::connection_refused;
    EXPECT_EQ(s.on_connected(refused),
        (Commands{cmd::CancelTimer{TimerId::login_window}, cmd::CancelTimer{TimerId::ping},
            cmd::FailPending{error::connection_lost},
            cmd::NotifyState{SessionState::closed, refused}, cmd::Finish{refused}}));
}

TEST(Session, SuccessfulLoginStartsPingsAndFlushesQueue)
{
    Session s(fast());
    s.on_start();
    s.on_connected({});
    EXPECT_EQ(s.on_login_result({}),
        (Commands{cmd::CancelTimer{TimerId::login_window}, cmd::ArmTimer{TimerId::ping, 15s},
            cmd::NotifyState{SessionState::ready, {}}, cmd::FlushQueue{}}));
    EXPECT_EQ(s.state(), SessionState::ready);
}

TEST(Session, FailedLoginCloses)
{
    Session s(fast());
    s.on_start();
    s.on_connected({});
    auto out = s.on_login_result(error::authentication);
    EXPECT_THAT(out, Contains(Command{cmd::Close{error::authentication}}));
    EXPECT_EQ(s.state(), SessionState::closing);
}

TEST(Session, ClosesWhenLoginMissesAuthWindow)
{
    Session s(fast());
    s.on_start();
    s.on_connected({});
    EXPECT_EQ(s.on_timer(TimerId::login_window),
        (Commands{cmd::CancelTimer{TimerId::login_window}, cmd::CancelTimer{TimerId::ping},
            cmd::NotifyState{SessionState::closing, error::login_timeout},
            cmd::Close{error::login_timeout}}));
}

TEST(Session, StaleLoginWindowTimerAfterLoginIsIgnored)
{
    auto s = ready_session();
    EXPECT_THAT(s.on_timer(TimerId::login_window), IsEmpty());
    EXPECT_EQ(s.state(), SessionState::ready);
}

TEST(Session, LateLoginResultAfterTimeoutIsIgnored)
{
    Session s(fast());
    s.on_start();
    s.on_connected({});
    s.on_timer(TimerId::login_window);
    EXPECT_THAT(s.on_login_result({}), IsEmpty());
    EXPECT_EQ(s.state(), SessionState::closing);
}

TEST(Session, PingsEveryIntervalWhileTrafficFlows)
{
    auto s = ready_session();
    for (int i = 0; i < 5; ++i) {
        s.on_inbound_traffic();
        EXPECT_EQ(s.on_timer(TimerId::ping),
            (Commands{cmd::SendPing{}, cmd::ArmTimer{TimerId::ping, 15s}}));
    }
}

TEST(Session, SilentLineIsDeadAfterTwoIntervals)
{
    auto s = ready_session();
    // First tick after login: no traffic yet, one silent interval; still pings.
    EXPECT_EQ(s.on_timer(TimerId::ping),
        (Commands{cmd::SendPing{}, cmd::ArmTimer{TimerId::ping, 15s}}));
    auto out = s.on_timer(TimerId::ping);
    EXPECT_THAT(out, Contains(Command{cmd::Close{error::ping_timeout}}));
    EXPECT_THAT(out, Not(Contains(Command{cmd::SendPing{}})));
}

TEST(Session, TrafficResetsTheSilenceCount)
{
    auto s = ready_session();
    s.on_timer(TimerId::ping); // silent 1
    s.on_inbound_traffic();
    s.on_timer(TimerId::ping); // back to 0
    EXPECT_THAT(s.on_timer(TimerId::ping), Contains(Command{cmd::SendPing{}})); // silent 1
}

TEST(Session, PingTimerBeforeLoginDoesNothing)
{
    // RTM: before login completes, pinging does nothing.
    Session s(fast());
    s.on_start();
    s.on_connected({});
    EXPECT_THAT(s.on_timer(TimerId::ping), IsEmpty());
}

TEST(Session, DisconnectPushClosesInAnyState)
{
    Session s(fast());
    s.on_start();
    s.on_connected({}); // RTM: customer_disconnected can come before login
    auto out = s.on_disconnect_push("too_many_unauthorized_connections");
    EXPECT_THAT(out, Contains(Command{cmd::Close{error::disconnected_by_server}}));
    EXPECT_EQ(s.disconnect_reason(), "too_many_unauthorized_connections");
}

TEST(Session, TransportClosedAfterOurCloseReportsOurReason)
{
    auto s = ready_session();
    s.on_disconnect_push("access_token_expired");
    EXPECT_EQ(s.on_transport_closed(error::connection_lost),
        (Commands{cmd::CancelTimer{TimerId::login_window}, cmd::CancelTimer{TimerId::ping},
            cmd::FailPending{error::connection_lost},
            cmd::NotifyState{SessionState::closed, error::disconnected_by_server},
            cmd::Finish{error::disconnected_by_server}}));
}

TEST(Session, UnexpectedDropFailsPendingWithConnectionLost)
{
    auto s = ready_session();
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::FailPending{error::connection_lost}}));
    EXPECT_THAT(out, Contains(Command{cmd::Finish{error::connection_lost}}));
    EXPECT_THAT(s.on_transport_closed(error::connection_lost), IsEmpty()); // once
}

TEST(Session, StopAbortsPendingWithOperationAborted)
{
    auto s = ready_session();
    EXPECT_THAT(s.on_stop(), Contains(Command{cmd::Close{aborted}}));
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::FailPending{aborted}}));
    EXPECT_THAT(out, Contains(Command{cmd::Finish{aborted}}));
}

TEST(Session, StopWhileConnectingClosesTheTransport)
{
    Session s(fast());
    s.on_start();
    EXPECT_THAT(s.on_stop(), Contains(Command{cmd::Close{aborted}}));
    EXPECT_THAT(s.on_connected({}), IsEmpty()); // a late open is ignored
    EXPECT_THAT(s.on_transport_closed(aborted), Contains(Command{cmd::Finish{aborted}}));
}

TEST(Session, StopWhenIdleOrClosedDoesNothing)
{
    Session s(fast());
    EXPECT_THAT(s.on_stop(), IsEmpty());
    s.on_start();
    s.on_connected(boost::asio::error::connection_refused);
    EXPECT_THAT(s.on_stop(), IsEmpty());
}

TEST(Session, SecondCloseKeepsTheFirstReason)
{
    auto s = ready_session();
    s.on_timer(TimerId::ping);
    s.on_timer(TimerId::ping); // ping_timeout
    EXPECT_THAT(s.on_stop(), IsEmpty());
    EXPECT_THAT(s.on_transport_closed({}), Contains(Command{cmd::Finish{error::ping_timeout}}));
}

// ---- reconnecting ---------------------------------------------------------------------------

namespace {

SessionSettings reconnecting()
{
    SessionSettings s = fast();
    s.reconnect = true;
    s.random = [] { return 0.0; }; // no jitter: exact delays
    return s;
}

Session ready_reconnecting_session()
{
    Session s(reconnecting());
    s.on_start();
    s.on_connected({});
    s.on_login_result({});
    return s;
}

} // namespace

TEST(Session, LostLineBacksOffThenReconnects)
{
    auto s = ready_reconnecting_session();
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_EQ(out, (Commands{cmd::CancelTimer{TimerId::login_window}, cmd::CancelTimer{TimerId::ping},
                       cmd::FailPending{error::connection_lost, true},
                       cmd::NotifyState{SessionState::backing_off, error::connection_lost},
                       cmd::Reconnecting{300ms, {"", error::connection_lost}, ""},
                       cmd::ArmTimer{TimerId::backoff, 300ms}}));
    EXPECT_EQ(s.on_timer(TimerId::backoff),
        (Commands{cmd::NotifyState{SessionState::connecting, {}}, cmd::Connect{}}));
}

TEST(Session, BackoffGrowsUntilALoginSucceeds)
{
    Session s(reconnecting());
    s.on_start();
    std::vector<std::chrono::milliseconds> delays;
    for (int i = 0; i < 3; ++i) {
        for (auto& c : s.on_connected(boost::asio::error::connection_refused))
            if (auto* r = std::get_if<cmd::Reconnecting>(&c))
                delays.push_back(r->delay);
        s.on_timer(TimerId::backoff);
    }
    EXPECT_EQ(delays, (std::vector<std::chrono::milliseconds>{300ms, 600ms, 1200ms}));
    s.on_connected({});
    s.on_login_result({});
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::ArmTimer{TimerId::backoff, 300ms}})); // reset
}

TEST(Session, PolicyStopEndsTheRun)
{
    auto s = ready_reconnecting_session();
    s.on_disconnect_push("customer_banned");
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::Finish{error::disconnected_by_server}}));
    EXPECT_EQ(s.state(), SessionState::closed);
}

TEST(Session, TemporarilyBlockedWaitsTheServersTimeout)
{
    auto s = ready_reconnecting_session();
    s.on_disconnect_push("customer_temporarily_blocked", 5000ms);
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::ArmTimer{TimerId::backoff, 5000ms}}));
}

// Issue 10: misdirected_connection used to reconnect at 0 ms after every successful login.
TEST(Session, MisdirectedConnectionSwitchesRegionAfterTheMinimumDelay)
{
    auto s = ready_reconnecting_session();
    s.on_disconnect_push("misdirected_connection", std::nullopt, "fra");
    auto out = s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(out, Contains(Command{cmd::Reconnecting{300ms,
                         {"misdirected_connection", error::disconnected_by_server}, "fra"}}));
    EXPECT_THAT(out, Contains(Command{cmd::ArmTimer{TimerId::backoff, 300ms}}));
}

/// The delay armed after `s` (ready) is thrown out with `reason`, then logs in again.
std::chrono::milliseconds delay_after_push_and_relogin(Session& s, const char* reason,
    std::optional<std::chrono::milliseconds> wait = std::nullopt)
{
    s.on_disconnect_push(reason, wait);
    std::chrono::milliseconds delay{-1};
    for (auto& c : s.on_transport_closed(error::connection_lost))
        if (auto* t = std::get_if<cmd::ArmTimer>(&c); t && t->id == TimerId::backoff)
            delay = std::chrono::duration_cast<std::chrono::milliseconds>(t->after);
    s.on_timer(TimerId::backoff);
    s.on_connected({});
    s.on_login_result({});
    return delay;
}

TEST(Session, DisconnectPushesRightAfterEachLoginKeepBackingOff)
{
    auto s = ready_reconnecting_session();
    std::vector<std::chrono::milliseconds> delays;
    for (int i = 0; i < 4; ++i)
        delays.push_back(delay_after_push_and_relogin(s, "misdirected_connection"));
    // Never below the minimum, growing although every reconnect logged in.
    EXPECT_EQ(delays, (std::vector<std::chrono::milliseconds>{300ms, 600ms, 1200ms, 2400ms}));
    // A connection that stays up for a whole ping interval starts the back-off over.
    s.on_inbound_traffic();
    s.on_timer(TimerId::ping);
    EXPECT_EQ(delay_after_push_and_relogin(s, "misdirected_connection"), 300ms);
}

TEST(Session, ServerGivenWaitsAreClampedAndNeverBelowTheMinimum)
{
    auto huge = std::chrono::milliseconds(std::int64_t(1e13)); // data.timeout 1e10 s
    {
        auto s = ready_reconnecting_session();
        EXPECT_EQ(delay_after_push_and_relogin(s, "customer_temporarily_blocked", huge),
            std::chrono::milliseconds(Backoff{}.max_server_delay));
    }
    {
        auto s = ready_reconnecting_session();
        EXPECT_EQ(delay_after_push_and_relogin(s, "customer_temporarily_blocked", 0ms), 1000ms)
            << "a zero wait still backs off (slowly)";
    }
}

TEST(Session, ServiceUnavailableBacksOffSlowly)
{
    auto s = ready_reconnecting_session();
    s.on_disconnect_push("service_temporarily_unavailable");
    EXPECT_THAT(s.on_transport_closed(error::connection_lost),
        Contains(Command{cmd::ArmTimer{TimerId::backoff, 1000ms}}));
}

TEST(Session, StopDuringBackoffFinishesAtOnce)
{
    auto s = ready_reconnecting_session();
    s.on_transport_closed(error::connection_lost);
    EXPECT_EQ(s.on_stop(), (Commands{cmd::CancelTimer{TimerId::backoff}, cmd::FailPending{aborted},
                               cmd::NotifyState{SessionState::closed, aborted}, cmd::Finish{aborted}}));
    EXPECT_THAT(s.on_timer(TimerId::backoff), IsEmpty()); // a late timer does nothing
}

TEST(Session, StopNeverReconnects)
{
    auto s = ready_reconnecting_session();
    s.on_stop();
    EXPECT_THAT(s.on_transport_closed(error::connection_lost), Contains(Command{cmd::Finish{aborted}}));
}

TEST(Session, StopWhileClosingAfterAFailedLoginNeverReconnects)
{
    Session s(reconnecting());
    s.on_start();
    s.on_connected({});
    EXPECT_THAT(s.on_login_result(error::authentication), Contains(Command{cmd::Close{error::authentication}}));
    EXPECT_THAT(s.on_stop(), IsEmpty()); // already closing
    auto out = s.on_transport_closed({});
    EXPECT_THAT(out, Contains(Command{cmd::FailPending{aborted}}));
    EXPECT_THAT(out, Contains(Command{cmd::Finish{error::authentication}}));
    EXPECT_EQ(s.state(), SessionState::closed);
}

TEST(Session, CustomPolicyDecides)
{
    auto settings = reconnecting();
    settings.policy = [](const DisconnectCause&) { return ReconnectAction::stop; };
    Session s(settings);
    s.on_start();
    EXPECT_THAT(s.on_connected(boost::asio::error::connection_refused),
        Contains(Command{cmd::Finish{boost::asio::error::connection_refused}}));
}

TEST(Session, EachLoginTellsTheTokenProviderWhy)
{
    using livechat::rtm::TokenReason;
    auto reconnect_and_login = [](Session& s) {
        s.on_timer(TimerId::backoff);
        return s.on_connected({});
    };
    Session s(reconnecting());
    s.on_start();
    EXPECT_THAT(s.on_connected({}), Contains(Command{cmd::StartLogin{TokenReason::first_login}}));
    s.on_login_result({});

    s.on_transport_closed(error::connection_lost);
    EXPECT_THAT(reconnect_and_login(s), Contains(Command{cmd::StartLogin{TokenReason::reconnect}}));

    // The token was refused: the next login needs a new one.
    s.on_login_result(error::authentication);
    s.on_transport_closed({});
    EXPECT_THAT(reconnect_and_login(s), Contains(Command{cmd::StartLogin{TokenReason::token_rejected}}));
    s.on_login_result({});

    for (const char* reason : {"access_token_expired", "access_token_revoked"}) {
        s.on_disconnect_push(reason);
        s.on_transport_closed({});
        EXPECT_THAT(reconnect_and_login(s), Contains(Command{cmd::StartLogin{TokenReason::token_expired}})) << reason;
        s.on_login_result({});
    }
    s.on_disconnect_push("connection_timeout");
    s.on_transport_closed({});
    EXPECT_THAT(reconnect_and_login(s), Contains(Command{cmd::StartLogin{TokenReason::reconnect}}));
}
