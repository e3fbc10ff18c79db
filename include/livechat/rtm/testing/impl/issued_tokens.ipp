// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_ISSUED_TOKENS_IPP
#define LIVECHAT_RTM_TESTING_IMPL_ISSUED_TOKENS_IPP

#include <livechat/rtm/testing/issued_tokens.hpp>

#include <random>

namespace livechat::rtm::testing {

namespace detail {
/// `n` random lowercase hex digits.
inline std::string random_hex(std::size_t n)
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(n, '0');
    for (auto& c : out)
        c = digits[rng() % 16];
    return out;
}
} // namespace detail

std::string IssuedTokens::issue(const std::string& entity_id, std::chrono::steady_clock::duration lifetime,
    std::string_view region)
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::string token = (region.empty() ? std::string() : std::string(region) + ":") + "mock" +
                        std::to_string(++counter_) + "_" + detail::random_hex(22);
    tokens_[token] = Entry{entity_id, std::chrono::steady_clock::now() + lifetime, false};
    return token;
}

IssuedTokens::Status IssuedTokens::check(std::string_view token, Entry* out) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tokens_.find(token);
    if (it == tokens_.end())
        return Status::unknown;
    if (out)
        *out = it->second;
    if (it->second.revoked)
        return Status::revoked;
    return std::chrono::steady_clock::now() >= it->second.expires_at ? Status::expired : Status::valid;
}

bool IssuedTokens::revoke(std::string_view token)
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tokens_.find(token);
    if (it == tokens_.end())
        return false;
    it->second.revoked = true;
    return true;
}

std::size_t IssuedTokens::size() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return tokens_.size();
}

} // namespace livechat::rtm::testing

#endif
