# The GUI benchmark's smoke test: a short run of koto-gui-bench on the spiral prints a RESULT line
# whose JSON has the keys bench/gui.sh and bench/README.md use. Speeds are not checked: they
# belong to the machine, not to the code.
#   cmake -DBENCH=path/to/koto-gui-bench -P check_gui_bench.cmake   (with QT_QPA_PLATFORM=offscreen)
execute_process(
  COMMAND "${BENCH}" --workload spiral --seconds 2 --round-seconds 1 --slice-seconds 0.3
          --warm-up-seconds 0.2
  OUTPUT_VARIABLE output
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "koto-gui-bench exited with ${status}:\n${output}")
endif()
string(REGEX MATCH "RESULT ([^\n]*)" line "${output}")
if(NOT line)
  message(FATAL_ERROR "no RESULT line in:\n${output}")
endif()
set(json "${CMAKE_MATCH_1}")
foreach(key workload p99_ms median_ms throughput_ratio rss_start_mib rss_end_mib steps_per_s_views
            steps_per_s_no_views p99_ms_no_views median_ms_no_views seconds views)
  string(JSON value ERROR_VARIABLE missing GET "${json}" ${key})
  if(missing)
    message(FATAL_ERROR "the RESULT line has no ${key}: ${json}")
  endif()
endforeach()
# Both phases trained: a ratio needs steps on each side.
string(JSON with GET "${json}" steps_per_s_views)
string(JSON without GET "${json}" steps_per_s_no_views)
if(with LESS_EQUAL 0 OR without LESS_EQUAL 0)
  message(FATAL_ERROR "a phase trained no steps: ${json}")
endif()
