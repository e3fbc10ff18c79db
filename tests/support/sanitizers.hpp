// Which sanitizer a test binary is built with, the same way for g++ (which defines
// __SANITIZE_*__) and clang (which answers __has_feature): a test that is slow or meaningless
// under one of them asks here.
#ifndef LIVECHAT_RTM_TESTS_SANITIZERS_HPP
#define LIVECHAT_RTM_TESTS_SANITIZERS_HPP

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIVECHAT_RTM_TEST_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define LIVECHAT_RTM_TEST_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(LIVECHAT_RTM_TEST_ASAN)
#define LIVECHAT_RTM_TEST_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__) && !defined(LIVECHAT_RTM_TEST_TSAN)
#define LIVECHAT_RTM_TEST_TSAN 1
#endif

#endif
