# Fuzz regressions in the normal test suite (included from tests/CMakeLists.txt): each fuzz
# body is linked with a small main() (replay_main.cpp) instead of libFuzzer, and replays every
# input kept under fuzz/regressions/<target>/. Works with gcc and in the sanitizer build.
include("${CMAKE_CURRENT_LIST_DIR}/targets.cmake")

foreach(target ${FACTLINT_FUZZ_TARGETS})
    set(regressions "${CMAKE_CURRENT_LIST_DIR}/regressions/${target}")
    if(NOT EXISTS "${regressions}")
        continue()
    endif()
    add_executable(replay_${target}
        "${CMAKE_CURRENT_LIST_DIR}/${target}.cpp" "${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp")
    target_link_libraries(replay_${target} PRIVATE factlint_lsp factlint_rules factlint_report)
    add_test(NAME fuzz_regressions_${target} COMMAND replay_${target} "${regressions}")
    set_tests_properties(fuzz_regressions_${target} PROPERTIES TIMEOUT 300 LABELS fuzz)
endforeach()
