# Registers renaksi_tests with CTest as one test per GoogleTest suite (run after each link of the
# binary, `cmake -P`): a suite's fixture (a whole archive build, say) is then set up once per
# `ctest` run instead of once per test, as it would be with one process per test. Each entry has
# a timeout that grows with its number of tests, and its output names every failing test.
#
# Inputs: TEST_EXECUTABLE, WORKING_DIR, CTEST_FILE (written), SKIP (a ;-list of Suite.Test not
# to run in this build: the external tools' views of our bytes, in the sanitizer build), GROUPS
# (a ;-list of name=SuiteA,SuiteB,...: suites that share a fixture of the process, run as one
# entry so that it is built once).
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND "${TEST_EXECUTABLE}" --gtest_list_tests
                OUTPUT_VARIABLE listing RESULT_VARIABLE rc TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TEST_EXECUTABLE} --gtest_list_tests failed (${rc})")
endif()

string(REPLACE ";" "\\;" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(suites "")
set(suite "")
foreach(line IN LISTS lines)
  if(line MATCHES "^([^ #][^ ]*)\\.")
    set(suite "${CMAKE_MATCH_1}")
    list(APPEND suites "${suite}")
    set(count_${suite} 0)
    set(skip_${suite} "")
  elseif(line MATCHES "^  ([^ ]+)" AND suite)
    set(name "${suite}.${CMAKE_MATCH_1}")
    if(name IN_LIST SKIP)
      list(APPEND skip_${suite} "${name}")
    else()
      math(EXPR count_${suite} "${count_${suite}} + 1")
    endif()
  endif()
endforeach()

set(script "# Written by tests/ctest_suites.cmake from `${TEST_EXECUTABLE} --gtest_list_tests`.\n")
# Each group, then each suite in no group, as one entry: its filter, skips and test count.
set(entries "")
set(grouped "")
foreach(group IN LISTS GROUPS)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${group}")
  set(name "${CMAKE_MATCH_1}")
  string(REPLACE "," ";" members "${CMAKE_MATCH_2}")
  set(filter_${name} "")
  set(skips_${name} "")
  set(n_${name} 0)
  foreach(suite IN LISTS members)
    if(NOT suite IN_LIST suites)
      message(FATAL_ERROR "the test group ${name} names ${suite}, which is no suite of ${TEST_EXECUTABLE}")
    endif()
    list(APPEND grouped "${suite}")
    list(APPEND filter_${name} "${suite}.*")
    list(APPEND skips_${name} ${skip_${suite}})
    math(EXPR n_${name} "${n_${name}} + ${count_${suite}}")
  endforeach()
  list(APPEND entries "${name}")
endforeach()
foreach(suite IN LISTS suites)
  if(NOT suite IN_LIST grouped)
    set(filter_${suite} "${suite}.*")
    set(skips_${suite} ${skip_${suite}})
    set(n_${suite} ${count_${suite}})
    list(APPEND entries "${suite}")
  endif()
endforeach()

foreach(entry IN LISTS entries)
  if(n_${entry} EQUAL 0)
    continue()
  endif()
  list(JOIN filter_${entry} ":" filter)
  if(skips_${entry})
    list(JOIN skips_${entry} ":" skipped)
    set(filter "${filter}:-${skipped}")
  endif()
  # A minute per entry, and half a minute more per test (the sanitizer build is the slow one).
  math(EXPR timeout "60 + 30 * ${n_${entry}}")
  string(APPEND script
    "add_test([=[${entry}]=] \"${TEST_EXECUTABLE}\" [=[--gtest_filter=${filter}]=] --gtest_brief=1)\n"
    "set_tests_properties([=[${entry}]=] PROPERTIES WORKING_DIRECTORY \"${WORKING_DIR}\" TIMEOUT ${timeout} LABELS unit)\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
