// The request bookkeeping, sans-io: which requests wait, which are in flight, deadlines, and
// what a lost connection does to each. Entries are ints; time is passed in.
#include <livechat/rtm/impl/internal/request_book.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace livechat::rtm::detail;
using namespace std::chrono_literals;

namespace {

using Book = RequestBook<int>;
using Stage = Book::Stage;
const Book::time_point book_t0{};

/// Releases what may go now and returns the frames sent, in order.
std::vector<std::string> release(Book& b, bool ready = true)
{
    std::vector<std::string> sent;
    b.release(ready, [&](std::string f) { sent.push_back(std::move(f)); });
    return sent;
}

/// Submits entry `n` with frame "f<n>" and deadline book_t0 + `timeout`; returns its id.
std::string submit(Book& b, int n, std::chrono::seconds timeout = 10s)
{
    auto id = b.next_id();
    b.submit(id, "f" + std::to_string(n), n, book_t0 + timeout);
    return id;
}

std::set<int> entries(const std::vector<Book::Taken>& taken)
{
    std::set<int> out;
    for (const auto& t : taken)
        out.insert(t.entry);
    return out;
}

} // namespace

TEST(RequestBook, RequestsWaitUntilTheConnectionIsReady)
{
    Book b(10, 100);
    submit(b, 1);
    submit(b, 2);
    EXPECT_TRUE(release(b, false).empty());
    EXPECT_EQ(b.queued(), 2u);
    EXPECT_EQ(release(b, true), (std::vector<std::string>{"f1", "f2"}));
    EXPECT_EQ(b.queued(), 0u);
    EXPECT_EQ(b.in_flight(), 2u);
}

TEST(RequestBook, AtMostMaxInFlightAreOnTheWireAndEachAnswerFreesASlot)
{
    Book b(2, 100);
    auto a = submit(b, 1);
    submit(b, 2);
    submit(b, 3);
    EXPECT_EQ(release(b), (std::vector<std::string>{"f1", "f2"}));
    EXPECT_EQ(b.in_flight(), 2u);
    EXPECT_EQ(b.queued(), 1u);
    auto taken = b.take(a);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->entry, 1);
    EXPECT_EQ(taken->stage, Stage::in_flight);
    EXPECT_EQ(release(b), (std::vector<std::string>{"f3"}));
    EXPECT_EQ(b.in_flight(), 2u);
}

TEST(RequestBook, TheQueueIsFullOnlyWhenNothingCouldGoOutAtOnce)
{
    struct Row {
        std::size_t queued;
        bool ready;
        std::size_t in_flight;
        bool full;
    };
    // max_in_flight 1, max_queued 2.
    const Row rows[] = {
        {0, false, 0, false}, {1, false, 0, false}, {2, false, 0, true},
        {2, true, 0, false}, // a free slot: the new request goes out at once
        {2, true, 1, true},
    };
    for (const auto& row : rows) {
        Book b(1, 2);
        for (std::size_t i = 0; i < row.in_flight; ++i) {
            submit(b, 100 + static_cast<int>(i));
            release(b);
        }
        for (std::size_t i = 0; i < row.queued; ++i)
            submit(b, static_cast<int>(i));
        EXPECT_EQ(b.full(row.ready), row.full) << row.queued << " " << row.ready << " " << row.in_flight;
    }
}

TEST(RequestBook, EachEntryLeavesExactlyOnce)
{
    Book b(10, 100);
    auto id = submit(b, 7);
    release(b);
    EXPECT_TRUE(b.take(id));
    EXPECT_FALSE(b.take(id)); // a duplicate response
    EXPECT_TRUE(b.take_expired(book_t0 + 1h).empty());
    EXPECT_TRUE(b.on_connection_lost(false).empty());
    EXPECT_TRUE(b.take_all().empty());
    EXPECT_EQ(b.size(), 0u);
}

TEST(RequestBook, ACancelledQueuedRequestIsNeverSent)
{
    Book b(10, 100);
    auto first = submit(b, 1);
    submit(b, 2);
    auto taken = b.take(first);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->stage, Stage::queued);
    EXPECT_EQ(b.queued(), 1u);
    EXPECT_EQ(release(b), (std::vector<std::string>{"f2"}));
}

TEST(RequestBook, DeadlinesExpireQueuedAndInFlightAlike)
{
    Book b(1, 100);
    submit(b, 1, 5s);
    submit(b, 2, 3s); // queued behind 1
    submit(b, 3, 20s);
    release(b);
    EXPECT_EQ(b.earliest_deadline(), book_t0 + 3s);
    EXPECT_TRUE(b.take_expired(book_t0 + 2s).empty());
    EXPECT_EQ(entries(b.take_expired(book_t0 + 5s)), (std::set<int>{1, 2}));
    EXPECT_EQ(b.in_flight(), 0u);
    EXPECT_EQ(b.queued(), 1u);
    EXPECT_EQ(b.earliest_deadline(), book_t0 + 20s);
    EXPECT_EQ(release(b), (std::vector<std::string>{"f3"})); // 2 expired: never sent
}

TEST(RequestBook, ALostLineFailsWhatWasSentAndKeepsWhatWaits)
{
    Book b(2, 100);
    submit(b, 1);
    submit(b, 2);
    submit(b, 3);
    auto login = b.next_id();
    b.track(login, 0, book_t0 + 60s);
    release(b);
    auto lost = b.on_connection_lost(true);
    EXPECT_EQ(entries(lost), (std::set<int>{0, 1, 2}));
    for (const auto& t : lost)
        EXPECT_EQ(t.stage, t.entry == 0 ? Stage::tracked : Stage::in_flight);
    EXPECT_EQ(b.in_flight(), 0u);
    EXPECT_EQ(b.queued(), 1u);
    EXPECT_EQ(release(b), (std::vector<std::string>{"f3"})); // after the next login
}

TEST(RequestBook, AStopFailsEverything)
{
    Book b(1, 100);
    submit(b, 1);
    submit(b, 2);
    release(b);
    EXPECT_EQ(entries(b.on_connection_lost(false)), (std::set<int>{1, 2}));
    EXPECT_EQ(b.size(), 0u);
    EXPECT_EQ(b.queued(), 0u);
    EXPECT_EQ(b.in_flight(), 0u);
    EXPECT_TRUE(release(b).empty());
}

TEST(RequestBook, TheLoginIsTrackedOutsideTheLimitAndTheQueue)
{
    Book b(1, 1);
    submit(b, 1);
    release(b);
    auto login = b.next_id();
    b.track(login, 0, book_t0 + 60s);
    EXPECT_EQ(b.in_flight(), 1u);
    EXPECT_EQ(b.queued(), 0u);
    auto taken = b.take(login);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->stage, Stage::tracked);
    EXPECT_EQ(b.in_flight(), 1u);
}

TEST(RequestBook, FramesOfGoneRequestsDoNotPileUpDuringALongOutage)
{
    Book b(10, 100000);
    for (int i = 0; i < 10000; ++i) {
        auto id = submit(b, i);
        b.take(id); // cancelled while the line is down
    }
    EXPECT_EQ(b.queued(), 0u);
    EXPECT_LE(b.waiting_frames(), 16u);
}

TEST(RequestBook, IdsAreUniqueAcrossReconnects)
{
    Book b(10, 100);
    std::set<std::string> ids;
    for (int round = 0; round < 10; ++round) {
        for (int i = 0; i < 10; ++i)
            ids.insert(submit(b, i));
        release(b);
        b.on_connection_lost(true);
    }
    EXPECT_EQ(ids.size(), 100u);
}
