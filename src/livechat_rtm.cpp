// The library's one translation unit with Beast and OpenSSL in it.
#include <livechat/rtm/src.hpp>
