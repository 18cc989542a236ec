# Precompiled Qt headers, to keep a clean build (scripts/test) short.
#
# Parsing Qt's headers is a fifth to a third of a translation unit's compile
# time here. A precompiled header pays off only when many translation units
# share it, and most targets (every test program) have one or two, so each
# family of targets with identical flags shares one header, compiled once in a
# host target and reused (REUSE_FROM). The families differ by optimisation
# (scripts/test compiles test programs without it) and by QT_WIDGETS_LIB, which
# Qt's widget headers test. GCC refuses a header whose flags or macros differ
# from the translation unit's with -Winvalid-pch, an error under ENGAGE_WERROR,
# so a target put in the wrong family fails loudly instead of miscompiling.
#
# Every family also holds the headers of modules some of its targets do not
# link (Qt Sql for the client's models): that only declares classes, it links
# nothing. Qt Test stays out, since its headers test the per-folder
# QT_TESTCASE_BUILDDIR.

option(ENGAGE_PCH "Precompile Qt's headers once per family of targets (GCC)" ON)

# The targets whose compile flags come from `target`: those it links and,
# through them, their interfaces (not their link-only dependencies).
function(_engage_compile_closure target out)
  set(seen ${target})
  set(queue ${target})
  set(first TRUE)
  while(queue)
    list(POP_FRONT queue current)
    if(first)
      get_target_property(links ${current} LINK_LIBRARIES)
      set(first FALSE)
    else()
      get_target_property(links ${current} INTERFACE_LINK_LIBRARIES)
    endif()
    foreach(link IN LISTS links)
      if(link MATCHES "^\\$<LINK_ONLY:" OR NOT TARGET ${link})
        continue()
      endif()
      get_target_property(aliased ${link} ALIASED_TARGET)
      if(aliased)
        set(link ${aliased})
      endif()
      if(NOT link IN_LIST seen)
        list(APPEND seen ${link})
        list(APPEND queue ${link})
      endif()
    endforeach()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(_engage_collect_targets directory out)
  get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    _engage_collect_targets(${subdirectory} more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(_engage_pch_host name widgets test_options test_sanitizers)
  file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/pch/${name}.cpp CONTENT "")
  add_library(${name} OBJECT ${PROJECT_BINARY_DIR}/pch/${name}.cpp)
  set_target_properties(${name} PROPERTIES AUTOMOC OFF ENGAGE_SANITIZERS "${test_sanitizers}")
  target_compile_options(${name} PRIVATE ${test_options})
  set(headers <QtCore/QtCore> <QtNetwork/QtNetwork> <QtSql/QtSql> <QtConcurrent/QtConcurrent>)
  # Only the modules every member of the family links define their
  # QT_<MODULE>_LIB: GCC refuses the header for a translation unit that lacks
  # a macro the header was compiled with. The others lend their headers alone.
  set(defining Qt6::Core)
  set(lending Qt6::Network Qt6::Sql Qt6::Concurrent)
  if(widgets)
    list(APPEND headers <QtGui/QtGui> <QtWidgets/QtWidgets>)
    list(APPEND defining Qt6::Widgets)
  endif()
  target_link_libraries(${name} PRIVATE engage_common ${defining})
  foreach(module IN LISTS lending)
    target_include_directories(${name} SYSTEM PRIVATE
      $<TARGET_PROPERTY:${module},INTERFACE_INCLUDE_DIRECTORIES>)
  endforeach()
  target_precompile_headers(${name} PRIVATE ${headers})
endfunction()

# Gives every target of the project that compiles with engage_common the
# precompiled header of its family. Call once, after every add_subdirectory.
function(engage_precompile_qt_headers)
  if(NOT ENGAGE_PCH OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    return()
  endif()
  find_package(Qt6 REQUIRED COMPONENTS Core Network Sql Concurrent)
  if(ENGAGE_BUILD_CLIENT)
    find_package(Qt6 REQUIRED COMPONENTS Gui Widgets)
  endif()
  separate_arguments(test_options NATIVE_COMMAND "${ENGAGE_TEST_CXX_FLAGS}")

  _engage_collect_targets(${PROJECT_SOURCE_DIR} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$")
      continue()
    endif()
    _engage_compile_closure(${target} closure)
    if(NOT engage_common IN_LIST closure)
      continue()
    endif()
    get_target_property(source_dir ${target} SOURCE_DIR)
    set(host engage_pch)
    set(options "")
    set(sanitizers "")
    if(source_dir MATCHES "^${PROJECT_SOURCE_DIR}/tests(/|$)")
      string(APPEND host _tests)
      set(options ${test_options})
      set(sanitizers "${ENGAGE_TEST_SANITIZERS}")
    endif()
    set(widgets FALSE)
    if(Qt6::Widgets IN_LIST closure)
      string(APPEND host _widgets)
      set(widgets TRUE)
    endif()
    if(NOT TARGET ${host})
      _engage_pch_host(${host} ${widgets} "${options}" "${sanitizers}")
    endif()
    target_precompile_headers(${target} REUSE_FROM ${host})
  endforeach()
endfunction()
