# Compiles SOURCE twice with -fsyntax-only: with -DLIVECHAT_RTM_CONTROL it must compile; without,
# it must fail with EXPECTED in the compiler's message.
execute_process(
  COMMAND ${CXX} -std=c++17 -fsyntax-only -DLIVECHAT_RTM_CONTROL -I${INCLUDE_DIR} ${SOURCE}
  RESULT_VARIABLE rc ERROR_VARIABLE out OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the control build of ${SOURCE} failed:\n${out}")
endif()
execute_process(
  COMMAND ${CXX} -std=c++17 -fsyntax-only -I${INCLUDE_DIR} ${SOURCE}
  RESULT_VARIABLE rc ERROR_VARIABLE out OUTPUT_QUIET)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must be rejected")
endif()
string(FIND "${out}" "${EXPECTED}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} failed for another reason than \"${EXPECTED}\":\n${out}")
endif()
message(STATUS "OK: rejected with \"${EXPECTED}\"")
