# One INTERFACE target carries the warnings, the strict Qt definitions and the
# sanitizers for every target of the project; nothing edits global flags.
add_library(engage_common INTERFACE)
add_library(Engage::common ALIAS engage_common)

target_compile_options(engage_common INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor
  -Woverloaded-virtual -Wshadow)
if(ENGAGE_WERROR)
  target_compile_options(engage_common INTERFACE -Werror)
endif()

target_compile_definitions(engage_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_NO_FOREACH
  QT_NO_KEYWORDS)

# A fuzz build always carries the sanitizers, and libFuzzer's coverage
# instrumentation (fuzzer-no-link) on every library it links.
# A target compiles with the sanitizers its ENGAGE_SANITIZERS property names
# (inherited from its folder, see tests/CMakeLists.txt), else with both; every
# executable links both runtimes.
define_property(TARGET PROPERTY ENGAGE_SANITIZERS INHERITED)
define_property(DIRECTORY PROPERTY ENGAGE_SANITIZERS INHERITED)
if(ENGAGE_SANITIZE OR ENGAGE_FUZZ)
  set(sanitizers $<TARGET_PROPERTY:ENGAGE_SANITIZERS>)
  target_compile_options(engage_common INTERFACE
    -fsanitize=$<IF:$<BOOL:${sanitizers}>,${sanitizers},address$<COMMA>undefined>
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(engage_common INTERFACE -fsanitize=address,undefined)
endif()
if(ENGAGE_FUZZ)
  target_compile_options(engage_common INTERFACE -fsanitize=fuzzer-no-link)
endif()

# A test keeps its Q_OBJECT classes in its .cpp, which ends with
# #include "<file>.moc": one moc run on that file makes it (tests/ turns
# AUTOMOC off: its scan of a target, and the empty mocs_compilation.cpp it
# compiled, cost 0.6 s of CPU per test program).
function(_engage_moc_test_sources target)
  set(mocDir ${CMAKE_CURRENT_BINARY_DIR}/${target}_moc)
  foreach(source IN LISTS ARGN)
    get_filename_component(path ${source} ABSOLUTE)
    get_filename_component(base ${source} NAME_WE)
    if(NOT path MATCHES "\\.cpp$")
      continue()
    endif()
    file(STRINGS ${path} includesMoc REGEX "^#include \"${base}\\.moc\"$")
    if(NOT includesMoc)
      continue()
    endif()
    add_custom_command(OUTPUT ${mocDir}/${base}.moc
      COMMAND Qt6::moc ${path} -o ${mocDir}/${base}.moc
      DEPENDS ${path} Qt6::moc
      COMMENT "moc ${source}" VERBATIM)
    target_sources(${target} PRIVATE ${mocDir}/${base}.moc)
    target_include_directories(${target} PRIVATE ${mocDir})
  endforeach()
endfunction()

# Test executables: Qt Test, offscreen, registered with CTest under their name.
function(engage_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBRARIES;ENVIRONMENT" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test engage_common ${ARG_LIBRARIES})
  _engage_moc_test_sources(${name} ${ARG_SOURCES})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ENGAGE_BIN_DIR=${PROJECT_BINARY_DIR}/bin;ENGAGE_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;ENGAGE_TEST_SERVER_TEMPLATES=${PROJECT_BINARY_DIR}/test-server-templates;${ARG_ENVIRONMENT}")
  # ENGAGE_TEST_COSTS (tests/CMakeLists.txt): NAME=SECONDS of the longest tests.
  foreach(cost IN LISTS ENGAGE_TEST_COSTS)
    if(cost MATCHES "^${name}=([0-9]+)$")
      set_tests_properties(${name} PROPERTIES COST ${CMAKE_MATCH_1})
    endif()
  endforeach()
endfunction()
