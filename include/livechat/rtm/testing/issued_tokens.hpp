// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_ISSUED_TOKENS_HPP
#define LIVECHAT_RTM_TESTING_ISSUED_TOKENS_HPP

// The customer tokens the mock Accounts server issued, shared with the mock RTM server so that
// an expired token is refused at login and an expiring one ends its session.

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace livechat::rtm::testing {

/// A table of issued customer tokens. Thread-safe: the mock Accounts and RTM servers may run
/// on different threads.
class IssuedTokens {
public:
    /// What is known about one token.
    struct Entry {
        std::string entity_id; ///< The customer it was issued for.
        std::chrono::steady_clock::time_point expires_at; ///< When it stops being valid.
        bool revoked = false; ///< Revoked before it expired.
    };
    /// The state of a token.
    enum class Status { valid, unknown, expired, revoked };

    /// Issues a token `<region>:<random>` (no prefix for an empty region) for `entity_id`.
    std::string issue(const std::string& entity_id, std::chrono::steady_clock::duration lifetime,
        std::string_view region);
    /// The state of `token` (without `Bearer `); `out` gets its entry when known.
    Status check(std::string_view token, Entry* out = nullptr) const;
    /// Revokes `token`; false when it is unknown.
    bool revoke(std::string_view token);
    /// Tokens issued so far.
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> tokens_;
    std::size_t counter_ = 0;
};

} // namespace livechat::rtm::testing

#endif
