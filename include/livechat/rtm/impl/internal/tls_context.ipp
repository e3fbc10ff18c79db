// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_TLS_CONTEXT_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_TLS_CONTEXT_IPP

// The client's TLS contexts, built from TlsOptions and shared between clients.

#include <livechat/rtm/config.hpp>

#include <boost/asio/ssl.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

namespace livechat::rtm::detail {

namespace asio = boost::asio;

/// Builds a TLS context: peer verification on by default, the system trust
/// store plus any extra PEM the user trusts.
inline std::shared_ptr<asio::ssl::context> make_tls_context(const TlsOptions& tls, error_code& ec)
{
    auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1);
    // TLS 1.2 is the minimum, stated rather than left to OpenSSL's build defaults.
    if (!SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION))
        ec = error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category());
    if (!ec && tls.use_system_trust_store)
        ctx->set_default_verify_paths(ec);
    if (!ec && !tls.ca_pem.empty())
        ctx->add_certificate_authority(asio::buffer(tls.ca_pem), ec);
    if (!ec)
        ctx->set_verify_mode(tls.verify_peer ? asio::ssl::verify_peer : asio::ssl::verify_none, ec);
    return ctx;
}

/// One TLS context per distinct TlsOptions, shared by every client in the process. Loading
/// the system trust store costs hundreds of kilobytes and milliseconds per context, and a
/// bridge holds thousands of clients with the same options; an SSL_CTX may be shared by
/// connections on any thread (host name and SNI are set per connection). The mutex guards
/// only this table, touched when a client starts, never on the I/O path.
inline std::shared_ptr<asio::ssl::context> shared_tls_context(const TlsOptions& tls, error_code& ec)
{
    using Key = std::tuple<bool, bool, std::string>;
    static std::mutex mutex;
    static std::map<Key, std::weak_ptr<asio::ssl::context>> contexts;
    Key key{tls.verify_peer, tls.use_system_trust_store, tls.ca_pem};
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = contexts.find(key); it != contexts.end())
        if (auto ctx = it->second.lock())
            return ctx;
    auto ctx = make_tls_context(tls, ec);
    if (ec)
        return nullptr;
    for (auto it = contexts.begin(); it != contexts.end();) // forget contexts nobody uses
        it = it->second.expired() ? contexts.erase(it) : std::next(it);
    contexts[std::move(key)] = ctx;
    return ctx;
}

} // namespace livechat::rtm::detail

#endif
