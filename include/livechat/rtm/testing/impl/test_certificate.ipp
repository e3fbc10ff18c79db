// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_TEST_CERTIFICATE_IPP
#define LIVECHAT_RTM_TESTING_IMPL_TEST_CERTIFICATE_IPP

// A self-signed P-256 certificate for CN=localhost with SANs localhost and 127.0.0.1, valid
// until 2126, and its private key. For the mock server only: the key is public, never trust
// this certificate outside tests. Made with:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
//     -subj "/CN=localhost/O=livechat-rtm test" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"

namespace livechat::rtm::testing::detail {

inline constexpr const char* test_certificate =
R"PEM(
-----BEGIN CERTIFICATE-----
MIIB1DCCAXmgAwIBAgIUMItFBNd4O0Rq8uuIqXDMQAvJlWMwCgYIKoZIzj0EAwIw
MDESMBAGA1UEAwwJbG9jYWxob3N0MRowGAYDVQQKDBFsaXZlY2hhdC1ydG0gdGVz
dDAgFw0yNjExMjQxMTI1NTNaGA8yMTI2MTAzMTExMjU1M1owMDESMBAGA1UEAwwJ
bG9jYWxob3N0MRowGAYDVQQKDBFsaXZlY2hhdC1ydG0gdGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABLBqguU9QS8jeLu9i2qwoF/E56pw/EtKpTOMsn+cCJuD
nhC2dfqDrsws/Qu7baZKhK0yCGCf1Vw48ZvVA/ubT2+jbzBtMB0GA1UdDgQWBBRu
VCPriQ8QE/j+nMKHOuGEqrsr2DAfBgNVHSMEGDAWgBRuVCPriQ8QE/j+nMKHOuGE
qrsr2DAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGCCWxvY2FsaG9zdIcEfwAA
ATAKBggqhkjOPQQDAgNJADBGAiEA8+/mThOa4PrInGkIxiArf6mGj7C+hGChKBtr
6e4fw14CIQD5Je7fqs4x0zwZSHRqo4n5m2bl+I+e7j0VyvjflrcA2A==
-----END CERTIFICATE-----
)PEM";

inline constexpr const char* test_private_key =
R"PEM(
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgonVPFdZZk/dSG9qB
Loog3dHSAsJjOiP55hx5EETr6xqhRANCAASwaoLlPUEvI3i7vYtqsKBfxOeqcPxL
SqUzjLJ/nAibg54QtnX6g67MLP0Lu22mSoStMghgn9VcOPGb1QP7m09v
-----END PRIVATE KEY-----
)PEM";

} // namespace livechat::rtm::testing::detail

#endif
