// TLS against the mock server over wss: what is refused, what is accepted, what is sent.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <memory>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;

namespace {

struct Pem {
    std::string certificate, key;
};

/// A self-signed P-256 certificate for localhost / 127.0.0.1, valid from `from_days` to
/// `to_days` relative to now (negative: in the past).
Pem make_certificate(long from_days, long to_days)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> x(X509_new(), X509_free);
    X509_set_version(x.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x.get()), 7);
    X509_gmtime_adj(X509_getm_notBefore(x.get()), from_days * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x.get()), to_days * 86400);
    X509_set_pubkey(x.get(), key.get());
    auto* name = X509_get_subject_name(x.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(x.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x.get(), x.get(), nullptr, nullptr, 0);
    if (auto* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1")) {
        X509_add_ext(x.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    X509_sign(x.get(), key.get(), EVP_sha256());
    auto to_pem = [](auto write) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        write(bio.get());
        char* data = nullptr;
        long n = BIO_get_mem_data(bio.get(), &data);
        return std::string(data, static_cast<std::size_t>(n));
    };
    Pem pem;
    pem.certificate = to_pem([&](BIO* b) { PEM_write_bio_X509(b, x.get()); });
    pem.key = to_pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    return pem;
}

/// Runs one client against `server` with `cfg` until it is ready or its run ends.
struct Attempt {
    bool ready = false;
    error_code run_ec;
    std::string why;
};

Attempt attempt(asio::io_context& ioc, rtm::ClientConfig cfg)
{
    rtm::v3_0::RtmClient client(ioc, cfg);
    RunOutcome run;
    client.async_run(run.handler());
    Attempt a;
    run_until(ioc, [&] { return run.done() || client.state() == rtm::SessionState::ready; });
    a.ready = client.state() == rtm::SessionState::ready;
    a.run_ec = run.ec;
    a.why = client.diagnostics().client_message;
    // The run's completion must land here, not in the next attempt's stack frame.
    client.async_stop([](error_code) {});
    run_until(ioc, [&] { return run.done(); });
    return a;
}

std::string url_for(const MockServer& server, const std::string& host)
{
    return "wss://" + host + ":" + std::to_string(server.port()) + "/v3.0/customer/rtm/ws?license_id=1";
}

MockServerConfig tls_config()
{
    MockServerConfig mc;
    mc.tls = true;
    return mc;
}

/// A wss mock on its own io_context, and clients tried against it one at a time.
struct TlsMock {
    asio::io_context ioc;
    MockServer server;
    explicit TlsMock(MockServerConfig mc = tls_config()) : server(ioc.get_executor(), std::move(mc))
    {
        EXPECT_FALSE(server.start());
    }
    /// A client configuration that trusts the mock's bundled certificate.
    rtm::ClientConfig trusting() const { return fast_config(server, true); }
    Attempt attempt(const rtm::ClientConfig& cfg) { return ::attempt(ioc, cfg); }
};

void expect_refused_certificate(const Attempt& a)
{
    EXPECT_FALSE(a.ready);
    EXPECT_TRUE(a.run_ec);
    EXPECT_NE(a.why.find("certificate verify failed"), std::string::npos) << a.why;
}

} // namespace

TEST(Tls, ASelfSignedCertificateIsRefusedByDefault)
{
    TlsMock mock;
    auto cfg = mock.trusting();
    cfg.tls = {}; // the defaults: verify the peer against the system trust store only
    expect_refused_certificate(mock.attempt(cfg));
}

TEST(Tls, ASelfSignedCertificateIsAcceptedWithItsCaGiven)
{
    TlsMock mock;
    EXPECT_TRUE(mock.attempt(mock.trusting()).ready);
}

TEST(Tls, AHostNameMismatchIsRefused)
{
    auto mc = tls_config();
    mc.address = "127.0.0.2"; // loopback, but not a name the certificate covers
    TlsMock mock(mc);
    auto cfg = mock.trusting();
    cfg.url = url_for(mock.server, "127.0.0.2");
    expect_refused_certificate(mock.attempt(cfg));
}

TEST(Tls, AnExpiredCertificateIsRefusedAndAValidOneOfTheSameShapeAccepted)
{
    for (bool expired : {true, false}) {
        auto pem = expired ? make_certificate(-30, -1) : make_certificate(-1, 30);
        auto mc = tls_config();
        mc.certificate_pem = pem.certificate;
        mc.private_key_pem = pem.key;
        TlsMock mock(mc);
        auto cfg = mock.trusting();
        cfg.tls.ca_pem = pem.certificate;
        auto a = mock.attempt(cfg);
        if (expired)
            expect_refused_certificate(a);
        else
            EXPECT_TRUE(a.ready) << a.why;
    }
}

TEST(Tls, SniCarriesTheHostNameButNeverAnAddress)
{
    TlsMock mock;
    auto cfg = mock.trusting();
    cfg.url = url_for(mock.server, "localhost");
    auto named = mock.attempt(cfg);
    ASSERT_TRUE(named.ready) << named.why;
    EXPECT_EQ(mock.server.last_tls_server_name(), "localhost");
    cfg.url = url_for(mock.server, "127.0.0.1");
    auto by_address = mock.attempt(cfg);
    ASSERT_TRUE(by_address.ready) << by_address.why;
    EXPECT_EQ(mock.server.last_tls_server_name(), ""); // RFC 6066: names only
}

TEST(Tls, TwoPointTwoIsTheMinimum)
{
    for (int server_max : {TLS1_1_VERSION, TLS1_2_VERSION}) {
        auto mc = tls_config();
        mc.tls_context_setup = [server_max](ssl_ctx_st* ctx) {
            SSL_CTX_set_security_level(ctx, 0); // let the server offer what old TLS needs
            SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
            SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
            SSL_CTX_set_max_proto_version(ctx, server_max);
        };
        TlsMock mock(mc);
        auto a = mock.attempt(mock.trusting());
        EXPECT_EQ(a.ready, server_max == TLS1_2_VERSION) << server_max << ": " << a.why;
    }
}
