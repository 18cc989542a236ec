# cmake -DFUZZER=<exe> -DSEEDS=<dir> -DWORK=<dir> -DARGS=<list> -P RunFuzzer.cmake
# Copies the seeds (crash-* regression inputs included) into a fresh corpus
# under WORK, runs the fuzzer on it, and fails when it finds anything; the
# fuzzer then leaves crash-*/leak-*/timeout-* in WORK/artifacts, never in the
# source tree.
foreach(var FUZZER SEEDS WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RunFuzzer.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT IS_DIRECTORY "${SEEDS}")
  message(FATAL_ERROR "RunFuzzer.cmake: no seeds in ${SEEDS}")
endif()

file(REMOVE_RECURSE "${WORK}/corpus")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
file(GLOB seeds LIST_DIRECTORIES false "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${WORK}/corpus")

execute_process(
  COMMAND "${FUZZER}" ${ARGS} "-artifact_prefix=${WORK}/artifacts/" "${WORK}/corpus"
  WORKING_DIRECTORY "${WORK}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); inputs are in ${WORK}/artifacts")
endif()
