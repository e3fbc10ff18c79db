// The library's translation unit with Beast HTTP in it: the Accounts and Web API clients.
#include <livechat/rtm/accounts/src.hpp>
