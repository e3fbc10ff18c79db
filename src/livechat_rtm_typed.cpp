// The typed v3.0 layer: models, actions and pushes (JSON only, no Beast).
#include <livechat/rtm/v3_0/src.hpp>
