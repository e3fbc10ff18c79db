// The file session store: what it writes, what it refuses to read, how it replaces the file.
// And the recovery's side of a restart: a chat restored from a store is read at the first login.

#include <livechat/rtm/impl/internal/recovery.hpp>
#include <livechat/rtm/session_store.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <string>
#include <sys/stat.h>

namespace rtm = livechat::rtm;
namespace detail = livechat::rtm::detail;

namespace {

class FileSessionStoreTest : public ::testing::Test {
protected:
    FileSessionStoreTest()
    {
        char tmpl[] = "/tmp/livechat-session-XXXXXX";
        dir = ::mkdtemp(tmpl);
        path = dir + "/session.json";
    }
    ~FileSessionStoreTest() override { std::system(("rm -rf '" + dir + "'").c_str()); }

    void write_raw(const std::string& text) { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }

    std::size_t files_in_dir() const
    {
        std::size_t n = 0;
        if (DIR* d = ::opendir(dir.c_str())) {
            while (auto* e = ::readdir(d))
                n += std::string(e->d_name) != "." && std::string(e->d_name) != "..";
            ::closedir(d);
        }
        return n;
    }

    static rtm::StoredSession sample()
    {
        rtm::StoredSession s;
        s.customer_id = "cust-1";
        s.outbox.push_back({"C1", "rtm-1", "send_event", R"({"chat_id":"C1","event":{"text":"h\u00e9 \"q\""}})"});
        s.outbox.push_back({"C2", "app-7", "send_event", R"({"chat_id":"C2"})"});
        s.chats.push_back({"C1", "T1", "E1"});
        return s;
    }

    std::string dir, path;
};

} // namespace

TEST_F(FileSessionStoreTest, WhatIsSavedLoadsTheSame)
{
    rtm::FileSessionStore store(path);
    auto s = sample();
    ASSERT_FALSE(store.save(s));
    rtm::StoredSession back;
    ASSERT_FALSE(rtm::FileSessionStore(path).load(back));
    EXPECT_EQ(back.customer_id, "cust-1");
    ASSERT_EQ(back.outbox.size(), 2u);
    EXPECT_EQ(back.outbox[0].payload, s.outbox[0].payload);
    EXPECT_EQ(back.outbox[1].custom_id, "app-7");
    ASSERT_EQ(back.chats.size(), 1u);
    EXPECT_EQ(back.chats[0].event_id, "E1");
    EXPECT_EQ(back.chats[0].thread_id, "T1");
}

TEST_F(FileSessionStoreTest, AMissingFileIsAnEmptySession)
{
    rtm::FileSessionStore store(path);
    rtm::StoredSession s = sample();
    EXPECT_FALSE(store.load(s));
    EXPECT_TRUE(s.outbox.empty());
    EXPECT_TRUE(s.customer_id.empty());
    EXPECT_FALSE(store.last_error());
}

TEST_F(FileSessionStoreTest, AnythingElseLoadsAsCorruptAndEmpty)
{
    for (const char* text : {"{not json", "[]", R"({"format":2,"customer_id":"","outbox":[],"chats":[]})",
             R"({"format":1,"customer_id":"c","outbox":[{"chat_id":"C"}],"chats":[]})",
             R"({"format":1,"customer_id":"c","outbox":[],"chats":[{"chat_id":1,"thread_id":"","event_id":""}]})",
             R"({"format":1,"customer_id":"c","outbox":{},"chats":[]})",
             // a format of another type or past int64: store_corrupt, not an exception (nor a
             // fraction or an overflowing double read as format 1)
             R"({"format":"1","customer_id":"c","outbox":[],"chats":[]})",
             R"({"format":1.5,"customer_id":"c","outbox":[],"chats":[]})",
             R"({"format":1e300,"customer_id":"c","outbox":[],"chats":[]})",
             R"({"format":18446744073709551617,"customer_id":"c","outbox":[],"chats":[]})",
             R"({"format":null,"customer_id":"c","outbox":[],"chats":[]})"}) {
        write_raw(text);
        rtm::FileSessionStore store(path);
        rtm::StoredSession s = sample();
        EXPECT_EQ(store.load(s), rtm::error::store_corrupt) << text;
        EXPECT_TRUE(s.outbox.empty() && s.chats.empty()) << text;
        EXPECT_EQ(store.last_error(), rtm::error::store_corrupt);
    }
}

TEST_F(FileSessionStoreTest, ReplacesTheFileWholeReadableByTheOwnerOnly)
{
    write_raw("old content");
    ::chmod(path.c_str(), 0644);
    rtm::FileSessionStore store(path);
    ASSERT_FALSE(store.save(sample()));
    ASSERT_FALSE(store.save(rtm::StoredSession{}));
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(files_in_dir(), 1u); // no temporary file left beside it
    rtm::StoredSession back = sample();
    ASSERT_FALSE(store.load(back));
    EXPECT_TRUE(back.outbox.empty());
}

TEST_F(FileSessionStoreTest, AFailedSaveSaysSoAndKeepsTheOldFile)
{
    rtm::FileSessionStore store(dir + "/no-such-dir/session.json");
    EXPECT_EQ(store.save(sample()), rtm::error::store_failed);
    EXPECT_EQ(store.last_error(), rtm::error::store_failed);
}

TEST(RecoveryRestore, AChatRestoredFromAStoreIsReadAtTheFirstLogin)
{
    detail::Recovery recovery(rtm::RecoveryOptions{}, rtm::v3_6::Version::protocol());
    auto before = recovery.changes();
    recovery.restore({"C1", "T1", "E1"});
    recovery.restore({"", "T", "E"}); // ignored: no chat
    ASSERT_EQ(recovery.stored().size(), 1u);
    EXPECT_EQ(recovery.stored()[0].event_id, "E1");
    EXPECT_EQ(recovery.changes(), before); // restoring is not a change to save
    ASSERT_TRUE(recovery.begin(nlohmann::json::object(), std::chrono::system_clock::now()));
    auto s = recovery.step();
    ASSERT_TRUE(s.request);
    EXPECT_EQ(s.request->payload.value("chat_id", ""), "C1");
    // A live event after the restore moves the chat's mark: the core saves it.
    detail::ChatActivity a;
    a.chat_id = "C1";
    a.thread_id = "T1";
    a.event_id = "E2";
    EXPECT_TRUE(recovery.saw(a));
    EXPECT_NE(recovery.changes(), before);
    EXPECT_EQ(recovery.stored()[0].event_id, "E2");
}

TEST(RecoveryRestore, WithoutARestoredChatTheFirstLoginReadsNothing)
{
    detail::Recovery recovery(rtm::RecoveryOptions{}, rtm::v3_6::Version::protocol());
    EXPECT_FALSE(recovery.begin(nlohmann::json{{"chats_summary", nlohmann::json::array()}}, std::chrono::system_clock::now()));
}
