// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_CREDENTIAL_STORE_IPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_CREDENTIAL_STORE_IPP

#include <livechat/rtm/accounts/credential_store.hpp>
#include <livechat/rtm/impl/internal/atomic_file.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>

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
    if (!rtm::detail::has_format(j, store_format))
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

} // namespace detail

LIVECHAT_RTM_DECL error_code FileCredentialStore::load(std::optional<StoredIdentity>& out)
{
    std::lock_guard<std::mutex> lock(mutex_);
    out.reset();
    std::string text;
    switch (rtm::detail::read_file_bounded(path_, detail::max_store_file, text)) {
    case rtm::detail::FileRead::missing: return {}; // nothing stored yet
    case rtm::detail::FileRead::failed: return error::store_failed;
    case rtm::detail::FileRead::too_big: return error::store_corrupt;
    case rtm::detail::FileRead::ok: break;
    }
    StoredIdentity id;
    if (auto ec = detail::identity_from_text(text, id))
        return ec;
    out = std::move(id);
    return {};
}

LIVECHAT_RTM_DECL error_code FileCredentialStore::save(const StoredIdentity& identity)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (!rtm::detail::write_file_atomically(path_, detail::identity_text(identity)))
        return error::store_failed;
    return {};
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
