// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_CREDENTIAL_STORE_HPP
#define LIVECHAT_RTM_ACCOUNTS_CREDENTIAL_STORE_HPP

// Where a customer's identity lives between runs: the organization, the customer id and, for
// the cookie grant, the two cookies. `__lc_cst` is a long-lived secret (2 years, rolling):
// whoever holds it is the customer. docs/tokens.md says where to keep it.

#include <livechat/rtm/accounts/client.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/error.hpp>

#include <mutex>
#include <optional>
#include <string>

namespace livechat::rtm::accounts {

/// One customer's identity.
struct StoredIdentity {
    std::string organization_id; ///< the organization the identity belongs to
    std::string group_id;        ///< a group-separated identity's group, or empty
    std::string entity_id;       ///< the customer id the Accounts API gave
    Cookies cookies;             ///< cookie grant: `__lc_cid` / `__lc_cst`; empty otherwise

    /// Field-wise equality.
    friend bool operator==(const StoredIdentity& a, const StoredIdentity& b)
    {
        return a.organization_id == b.organization_id && a.group_id == b.group_id && a.entity_id == b.entity_id &&
               a.cookies.lc_cid == b.cookies.lc_cid && a.cookies.lc_cst == b.cookies.lc_cst;
    }
};

/// Keeps one identity. Implementations must be safe to call from any thread (the token cache
/// calls them from its executor, one call at a time) and must never log the cookie values.
class CredentialStore {
public:
    virtual ~CredentialStore() = default;
    /// Reads the identity: `out` is empty when none is stored (not an error).
    /// Errors: `store_failed`, `store_corrupt` (a stored text that is not an identity).
    virtual error_code load(std::optional<StoredIdentity>& out) = 0;
    /// Replaces the stored identity; after an error the previous one is still there.
    virtual error_code save(const StoredIdentity& identity) = 0;
    /// Forgets the identity (the next cookie grant creates a new customer).
    virtual error_code clear() = 0;
};

/// An identity kept in memory only (lost with the process).
class MemoryCredentialStore final : public CredentialStore {
public:
    MemoryCredentialStore() = default;
    /// A store that starts with `identity`.
    explicit MemoryCredentialStore(StoredIdentity identity) : identity_(std::move(identity)) {}
    /// See `CredentialStore::load`.
    error_code load(std::optional<StoredIdentity>& out) override;
    /// See `CredentialStore::save`.
    error_code save(const StoredIdentity& identity) override;
    /// See `CredentialStore::clear`.
    error_code clear() override;

private:
    std::mutex mutex_;
    std::optional<StoredIdentity> identity_;
};

/// An identity kept in one JSON file, readable and writable by its owner only (0600).
///
/// Writes are atomic: the new text goes to a temporary file beside the target (created 0600,
/// flushed to disk), which then replaces the target by rename. A process killed at any moment
/// leaves the old identity or the new one, never a mix (a killed writer may leave its
/// temporary file, `<path>.tmp-<random>`, which loading ignores). Loading refuses a file
/// that is not an identity (`store_corrupt`) or larger than 64 KiB, rather than guess.
class FileCredentialStore final : public CredentialStore {
public:
    /// A store at `path`; its directory must exist. Nothing is read until `load`.
    explicit FileCredentialStore(std::string path) : path_(std::move(path)) {}
    /// See `CredentialStore::load`.
    error_code load(std::optional<StoredIdentity>& out) override;
    /// See `CredentialStore::save`.
    error_code save(const StoredIdentity& identity) override;
    /// See `CredentialStore::clear`.
    error_code clear() override;
    /// The file's path.
    const std::string& path() const noexcept { return path_; }

private:
    std::mutex mutex_;
    std::string path_;
};

} // namespace livechat::rtm::accounts

#endif
