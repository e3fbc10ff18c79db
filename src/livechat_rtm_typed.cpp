// The typed layers of every protocol version: models, actions, pushes, login, version rules
// (JSON only, no Beast). One translation unit, because v3.6 reuses v3.0's field lists.
#include <livechat/rtm/v3_0/src.hpp>
#include <livechat/rtm/v3_6/src.hpp>
