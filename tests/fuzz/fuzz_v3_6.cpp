// libFuzzer harness: one inbound frame through the typed v3.6 layer (typed_frame.hpp), over
// every v3.6 push and action as the unit tests list them.
#include "typed_frame.hpp"
#include "v3_6_types.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return fuzz::typed_frame<rtm_test::AllV36Pushes, rtm_test::AllV36Actions>(data, size);
}
