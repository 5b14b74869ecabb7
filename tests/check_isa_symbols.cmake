# The objects of isa_kernels.cpp (one per instruction set) must define no symbol another
# file could also define: a weak std:: or Eigen function compiled there with AVX2 could be the
# copy the linker keeps for the whole program, and a CPU without AVX2 would then crash in code
# that never asked for it. Every global or weak symbol they define must name the instruction
# set's own namespace (koto::isa_avx2, koto_eigen_avx2, ...), or a type from it. The one
# exception is the compiler's pointer to the C++ exception personality routine (DW.ref.*), data
# that is the same in every file.
#   cmake -DNM=nm -DISA=avx2 -DOBJECTS="a.o;b.o" -P check_isa_symbols.cmake
foreach(object IN LISTS OBJECTS)
  execute_process(COMMAND ${NM} --defined-only ${object} OUTPUT_VARIABLE listing
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${NM} could not read ${object}")
  endif()
  string(REPLACE "\n" ";" lines "${listing}")
  set(count 0)
  foreach(line IN LISTS lines)
    if(line MATCHES "^[0-9a-f]* ([A-Zu]) (.+)$")
      math(EXPR count "${count} + 1")
      set(name "${CMAKE_MATCH_2}")
      if(NOT name MATCHES "isa_${ISA}|koto_eigen_${ISA}" AND NOT name MATCHES "^DW\\.ref\\.")
        message(FATAL_ERROR "${object} defines ${name}, which other files may define too: "
                            "it must not be compiled for ${ISA}")
      endif()
    endif()
  endforeach()
  if(count EQUAL 0)
    message(FATAL_ERROR "${object} defines no global symbol: not the CPU kernels?")
  endif()
  message(STATUS "${object}: ${count} symbols, all of ${ISA}'s own")
endforeach()
