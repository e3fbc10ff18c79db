// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_ATOMIC_FILE_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_ATOMIC_FILE_HPP

// Small files the library keeps for the app (the Accounts credential store, the session
// store): read with a size bound, replaced atomically (a reader sees the old file or the new
// one, never half of one, also after a crash).

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#if defined(_WIN32)
#include <filesystem>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace livechat::rtm::detail {

enum class FileRead { ok, missing, failed, too_big };

/// Reads at most `max` bytes of `path` into `out`.
inline FileRead read_file_bounded(const std::string& path, std::size_t max, std::string& out)
{
    out.clear();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return errno == ENOENT ? FileRead::missing : FileRead::failed;
    out.resize(max + 1);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        return FileRead::failed;
    return out.size() > max ? FileRead::too_big : FileRead::ok;
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

/// Replaces `path` with `text`: written to a file of its own beside it (owner read/write
/// only), flushed to the disk, renamed over it, and the directory entry flushed.
inline bool write_file_atomically(const std::string& path, std::string_view text)
{
    // Beside the target (same file system, so the rename is atomic), a name no other writer has.
    std::random_device rd;
    auto temp = path + ".tmp-" + std::to_string(rd()) + std::to_string(rd());
#if defined(_WIN32)
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out || !out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush())
            return std::remove(temp.c_str()), false;
    }
    std::error_code fs_ec;
    std::filesystem::rename(temp, path, fs_ec);
    if (fs_ec)
        return std::remove(temp.c_str()), false;
    return true;
#else
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return false;
    bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        ::unlink(temp.c_str());
        return false;
    }
    auto slash = path.rfind('/');
    auto dir = slash == std::string::npos ? std::string(".") : (slash == 0 ? std::string("/") : path.substr(0, slash));
    if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
#endif
}

} // namespace livechat::rtm::detail

#endif
