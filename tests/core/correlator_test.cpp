#include <livechat/rtm/impl/internal/correlator.hpp>

#include <gtest/gtest.h>

#include <set>

using livechat::rtm::detail::Correlator;
using namespace std::chrono_literals;

namespace {
using C = Correlator<int>;
const C::time_point t0{};
} // namespace

TEST(Correlator, IssuesUniqueIds)
{
    C c;
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i)
        ids.insert(c.next_id());
    EXPECT_EQ(ids.size(), 1000u);
}

TEST(Correlator, CompletesARequestOnceByItsResponse)
{
    C c;
    auto id = c.next_id();
    c.add(id, t0 + 10s, 42);
    auto h = c.take(id);
    ASSERT_TRUE(h);
    EXPECT_EQ(*h, 42);
    EXPECT_FALSE(c.take(id)); // a duplicate response finds nothing
    EXPECT_TRUE(c.empty());
}

TEST(Correlator, IgnoresUnknownIds)
{
    C c;
    c.add(c.next_id(), t0 + 1s, 1);
    EXPECT_FALSE(c.take("nope"));
    EXPECT_EQ(c.size(), 1u);
}

TEST(Correlator, ExpiresOnlyWhatIsDue)
{
    C c;
    auto a = c.next_id(), b = c.next_id();
    c.add(a, t0 + 1s, 1);
    c.add(b, t0 + 3s, 2);
    EXPECT_EQ(c.earliest_deadline(), t0 + 1s);
    auto expired = c.take_expired(t0 + 2s);
    ASSERT_EQ(expired.size(), 1u);
    EXPECT_EQ(expired[0].id, a);
    EXPECT_EQ(c.earliest_deadline(), t0 + 3s);
    EXPECT_FALSE(c.take(a)); // a late response after the deadline finds nothing
}

TEST(Correlator, FailsAllPendingRequestsWhenConnectionDrops)
{
    C c;
    for (int i = 0; i < 10; ++i)
        c.add(c.next_id(), t0 + 1s, i);
    auto all = c.take_all();
    EXPECT_EQ(all.size(), 10u);
    EXPECT_TRUE(c.empty());
    EXPECT_FALSE(c.earliest_deadline());
    EXPECT_TRUE(c.take_all().empty()); // nothing completes twice
}

TEST(Correlator, CancelledRequestIsNotExpiredOrFailedLater)
{
    C c;
    auto id = c.next_id();
    c.add(id, t0 + 1s, 7);
    ASSERT_TRUE(c.take(id)); // cancellation takes it out
    EXPECT_TRUE(c.take_expired(t0 + 5s).empty());
    EXPECT_TRUE(c.take_all().empty());
}

TEST(Correlator, IdsStayUniqueAfterEverythingIsTaken)
{
    C c;
    auto first = c.next_id();
    c.add(first, t0, 1);
    c.take_all();
    EXPECT_NE(c.next_id(), first);
}

TEST(Correlator, ExactlyOnceAcrossEveryPath)
{
    // Every entry leaves through exactly one path, whatever the mix.
    C c;
    std::multiset<int> completed;
    std::vector<std::string> ids;
    for (int i = 0; i < 40; ++i) {
        ids.push_back(c.next_id());
        c.add(ids.back(), t0 + std::chrono::seconds(i % 4), i);
    }
    for (int i = 0; i < 40; i += 5)
        if (auto h = c.take(ids[i]))
            completed.insert(*h);
    for (auto& t : c.take_expired(t0 + 1s))
        completed.insert(t.handler);
    for (int i = 1; i < 40; i += 7)
        if (auto h = c.take(ids[i]))
            completed.insert(*h);
    for (auto& t : c.take_all())
        completed.insert(t.handler);
    EXPECT_EQ(completed.size(), 40u);
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(completed.count(i), 1u) << i;
}
