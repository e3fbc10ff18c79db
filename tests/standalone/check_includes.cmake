# Compiles SOURCE with -H (which lists every header opened) and fails if any of them belongs to
# Beast or OpenSSL.
execute_process(
  COMMAND ${CXX} -std=c++17 -fsyntax-only -H -I${INCLUDE_DIR} ${SOURCE}
  RESULT_VARIABLE rc
  ERROR_VARIABLE trace
  OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} failed:\n${trace}")
endif()
string(REGEX MATCHALL "[^\n]*(boost/beast|openssl/)[^\n]*" offenders "${trace}")
list(LENGTH offenders n)
string(REGEX MATCHALL "\n\\.+ [^\n]*" all_headers "\n${trace}")
list(LENGTH all_headers total)
if(n GREATER 0)
  message(FATAL_ERROR "the public header pulled in Beast/OpenSSL:\n${offenders}")
endif()
message(STATUS "OK: ${total} headers opened, none from Beast or OpenSSL")
