// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_CREDENTIAL_STORE_IPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_CREDENTIAL_STORE_IPP

#include <livechat/rtm/accounts/credential_store.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#if defined(_WIN32)
#include <filesystem>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace livechat::rtm::accounts {

LIVECHAT_RTM_DECL error_code MemoryCredentialStore::load(std::optional<StoredIdentity>& out)
{
    std::lock_guard<std::mutex> lock(mutex_);
    out = identity_;
    return {};
}

LIVECHAT_RTM_DECL error_code MemoryCredentialStore::save(const StoredIdentity& identity)
{
    std::lock_guard<std::mutex> lock(mutex_);
    identity_ = identity;
    return {};
}

LIVECHAT_RTM_DECL error_code MemoryCredentialStore::clear()
{
    std::lock_guard<std::mutex> lock(mutex_);
    identity_.reset();
    return {};
}

namespace detail {

inline constexpr std::size_t max_store_file = 64 * 1024;
inline constexpr int store_format = 1;

inline std::string identity_text(const StoredIdentity& id)
{
    nlohmann::json j = {{"format", store_format}, {"organization_id", id.organization_id}, {"group_id", id.group_id},
        {"entity_id", id.entity_id}, {"lc_cid", id.cookies.lc_cid}, {"lc_cst", id.cookies.lc_cst}};
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

inline error_code identity_from_text(std::string_view text, StoredIdentity& out)
{
    bool too_deep = false;
    auto j = rtm::detail::parse_json_bounded(text, 8, too_deep);
    if (!j.is_object() || j.value("format", 0) != store_format)
        return error::store_corrupt;
    auto read = [&](const char* key, std::string& into) {
        auto it = j.find(key);
        if (it == j.end())
            return true;
        if (!it->is_string())
            return false;
        into = it->get<std::string>();
        return true;
    };
    if (!read("organization_id", out.organization_id) || !read("group_id", out.group_id) ||
        !read("entity_id", out.entity_id) || !read("lc_cid", out.cookies.lc_cid) || !read("lc_cst", out.cookies.lc_cst))
        return error::store_corrupt;
    return {};
}

#if !defined(_WIN32)
/// Writes all of `text` to `fd`, retrying short writes and interrupted calls.
inline bool write_all(int fd, std::string_view text)
{
    while (!text.empty()) {
        auto n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}
#endif

} // namespace detail

LIVECHAT_RTM_DECL error_code FileCredentialStore::load(std::optional<StoredIdentity>& out)
{
    std::lock_guard<std::mutex> lock(mutex_);
    out.reset();
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        if (errno == ENOENT)
            return {}; // nothing stored yet
        return error::store_failed;
    }
    std::string text(detail::max_store_file + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        return error::store_failed;
    if (text.size() > detail::max_store_file)
        return error::store_corrupt;
    StoredIdentity id;
    if (auto ec = detail::identity_from_text(text, id))
        return ec;
    out = std::move(id);
    return {};
}

LIVECHAT_RTM_DECL error_code FileCredentialStore::save(const StoredIdentity& identity)
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto text = detail::identity_text(identity);
    // A name of our own beside the target (same file system, so rename is atomic).
    std::random_device rd;
    auto temp = path_ + ".tmp-" + std::to_string(rd()) + std::to_string(rd());
#if defined(_WIN32)
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out || !(out << text) || !out.flush())
            return std::remove(temp.c_str()), make_error_code(error::store_failed);
    }
    std::error_code fs_ec;
    std::filesystem::rename(temp, path_, fs_ec);
    if (fs_ec)
        return std::remove(temp.c_str()), make_error_code(error::store_failed);
    return {};
#else
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return error::store_failed;
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 && detail::write_all(fd, text) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temp.c_str(), path_.c_str()) != 0) {
        ::unlink(temp.c_str());
        return error::store_failed;
    }
    // Make the rename itself durable: flush the directory entry.
    auto slash = path_.rfind('/');
    auto dir = slash == std::string::npos ? std::string(".") : (slash == 0 ? std::string("/") : path_.substr(0, slash));
    if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
#endif
}

LIVECHAT_RTM_DECL error_code FileCredentialStore::clear()
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (std::remove(path_.c_str()) != 0 && errno != ENOENT)
        return error::store_failed;
    return {};
}

} // namespace livechat::rtm::accounts

#endif
