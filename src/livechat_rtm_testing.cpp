// The mock server's one translation unit with Beast and OpenSSL in it.
#include <livechat/rtm/testing/src.hpp>
