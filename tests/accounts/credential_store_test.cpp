// Credential stores: memory and file (atomic, owner-only, refusing garbage, surviving a kill).

#include <livechat/rtm/accounts/credential_store.hpp>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace accounts = livechat::rtm::accounts;

/// A fresh directory under the build's temp dir, removed afterwards.
class StoreFixture : public ::testing::Test {
protected:
    StoreFixture()
    {
        char tmpl[] = "/tmp/livechat-store-XXXXXX";
        dir = ::mkdtemp(tmpl);
        path = dir + "/identity.json";
    }
    ~StoreFixture() override { std::system(("rm -rf '" + dir + "'").c_str()); }

    void write_raw(const std::string& text)
    {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    }

    std::string dir, path;
};

accounts::StoredIdentity identity(std::string entity, std::size_t cst_size = 64)
{
    return {"org-1", "", entity, {entity, std::string(cst_size, 'c')}};
}

TEST_F(StoreFixture, TheMemoryStoreKeepsAndForgets)
{
    accounts::MemoryCredentialStore store;
    std::optional<accounts::StoredIdentity> out;
    ASSERT_FALSE(store.load(out));
    EXPECT_FALSE(out);
    ASSERT_FALSE(store.save(identity("a")));
    ASSERT_FALSE(store.load(out));
    EXPECT_EQ(*out, identity("a"));
    ASSERT_FALSE(store.clear());
    store.load(out);
    EXPECT_FALSE(out);
}

TEST_F(StoreFixture, TheFileStoreRoundTripsWithOwnerOnlyPermissions)
{
    accounts::FileCredentialStore store(path);
    std::optional<accounts::StoredIdentity> out;
    ASSERT_FALSE(store.load(out)) << "no file yet is no identity, not an error";
    EXPECT_FALSE(out);
    ASSERT_FALSE(store.save(identity("a")));
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    accounts::FileCredentialStore reopened(path);
    ASSERT_FALSE(reopened.load(out));
    EXPECT_EQ(*out, identity("a"));
    ASSERT_FALSE(reopened.save(identity("b")));
    reopened.load(out);
    EXPECT_EQ(out->entity_id, "b");
    ASSERT_FALSE(reopened.clear());
    reopened.load(out);
    EXPECT_FALSE(out);
}

TEST_F(StoreFixture, AFileThatIsNotAnIdentityIsRefusedNotGuessed)
{
    accounts::FileCredentialStore store(path);
    std::optional<accounts::StoredIdentity> out;
    for (std::string text : {std::string("{\"format\":1,\"entity_id\":"), std::string("garbage"), std::string("[]"),
             std::string("{\"format\":2}"), std::string("{\"format\":1,\"lc_cst\":7}"), std::string(70000, ' '),
             std::string("{\"format\":\"1\"}"), std::string("{\"format\":1.5}"), std::string("{\"format\":1e300}")}) {
        write_raw(text);
        EXPECT_EQ(store.load(out), accounts::error::store_corrupt) << text.substr(0, 40);
        EXPECT_FALSE(out);
    }
}

TEST_F(StoreFixture, AnUnwritableDirectoryFailsTheSaveAndKeepsTheOldIdentity)
{
    accounts::FileCredentialStore store(dir + "/missing/identity.json");
    EXPECT_EQ(store.save(identity("a")), accounts::error::store_failed);
}

TEST_F(StoreFixture, AWriterKilledHalfWayLeavesTheOldOrTheNewIdentity)
{
    accounts::FileCredentialStore store(path);
    ASSERT_FALSE(store.save(identity("old", 20000)));
    // A child saves big identities in a loop and is killed at an arbitrary point of a write;
    // it says when it has started, so the kill lands while it writes. Bounded: 20 rounds.
    for (int round = 0; round < 20; ++round) {
        int ready[2];
        ASSERT_EQ(::pipe(ready), 0);
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(ready[0]);
            accounts::FileCredentialStore writer(path);
            for (int i = 0; i < 100000; ++i) {
                writer.save(identity(i % 2 ? "new-odd" : "new-even", 20000 + i % 1000));
                if (i == 0)
                    (void)!::write(ready[1], "x", 1);
            }
            ::_exit(0);
        }
        ::close(ready[1]);
        char byte;
        ASSERT_EQ(::read(ready[0], &byte, 1), 1);
        ::close(ready[0]);
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        std::optional<accounts::StoredIdentity> out;
        ASSERT_FALSE(store.load(out)) << "round " << round;
        ASSERT_TRUE(out);
        EXPECT_TRUE(out->entity_id == "new-odd" || out->entity_id == "new-even") << out->entity_id;
        EXPECT_GE(out->cookies.lc_cst.size(), 20000u);
        EXPECT_EQ(out->cookies.lc_cst, std::string(out->cookies.lc_cst.size(), 'c'));
    }
}

} // namespace
