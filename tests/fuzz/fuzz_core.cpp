// The parts of the library the fuzz harnesses exercise, compiled once with the fuzzer's
// instrumentation: errors, the frame codec and its JSON reader, times and the typed layers.
// No Beast, no OpenSSL.
#include <livechat/rtm/impl/error.ipp>
#include <livechat/rtm/impl/internal/frame_codec.ipp>
#include <livechat/rtm/impl/internal/json_reader.ipp>
#include <livechat/rtm/impl/timestamp.ipp>
#include <livechat/rtm/v3_0/src.hpp>
#include <livechat/rtm/v3_6/src.hpp>
