#!/usr/bin/env bash
# Builds and runs the tests under sanitizers.
#   scripts/sanitize.sh address   ASan + UBSan: every test, the app's GUI tests too (build-asan)
#   scripts/sanitize.sh thread    TSan: the trainer's control, and the app's training threads as the
#                                 GUI tests drive them: saving from the worker, the live views (the
#                                 weights and output probabilities among them), the
#                                 autoencoder/RBM window's own thread, the lessons' checks on the
#                                 live run (build-tsan)
# KOTO_WERROR=ON (as .ci/run sets it) builds with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=-DKOTO_WERROR=${KOTO_WERROR:-OFF}
# Line tables only (-g1): reports still name file and line, and the Eigen-heavy files compile
# about 30 % faster than with full debug information (cpu_backend.cpp: 96 s -> 66 s under ASan).
# ASan + UBSan at -O1: the tree compiled a fifth faster than at -O2 (the JSON and GUI files nearly
# twice as fast) and its tests ran about as long. TSan stays at -O2: at -O1 its instrumented
# training ran slow enough that the main window's test, beside another, ran past its time.
line_tables="-g1 -DNDEBUG"
# ONNX Runtime and PoCL's compiled kernels from the quick start's tree, if it ran first (as in CI).
shared=-DKOTO_TEST_SHARED_DIR="$PWD/${KOTO_BUILD_DIR:-build}"
kind=${1:-address}
case "$kind" in
  address)
    dir=build-asan
    flags=-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 $line_tables"
    cmake -S . -B $dir -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOTO_SANITIZE=address,undefined \
      -DKOTO_BUILD_APP=ON -DKOTO_BUILD_BENCH=OFF -DKOTO_NATIVE=OFF "$werror" "$flags" "$shared" >/dev/null
    cmake --build $dir
    # use_sigaltstack=0: PoCL's worker threads exit after ASan has unmapped its own alternate
    # signal stack for them, and ASan's runtime then aborts ("unable to unmap").
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:use_sigaltstack=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir $dir --output-on-failure -j2 ;;
  thread)
    dir=build-tsan
    flags=-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 $line_tables"
    cmake -S . -B $dir -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOTO_SANITIZE=thread \
      -DKOTO_BUILD_APP=ON -DKOTO_BUILD_BENCH=OFF -DKOTO_NATIVE=OFF "$werror" "$flags" "$shared" >/dev/null
    # The tests of the training thread, the CPU backend's thread pool, and the windows that read
    # the training thread's snapshots.
    tests="test_training_control test_determinism test_main_window test_image_data test_inspector
      test_projects test_feature_views test_gradient_through_time test_unsupervised_window
      test_weights_view test_probabilities_view test_network_view test_dropout_view test_view_export
      test_run_timeline test_experiments_window test_lessons test_cpu_threads test_compute_device"
    # shellcheck disable=SC2086
    cmake --build $dir --target $tests
    # die_after_fork=0: test_probabilities_view and test_view_export run the CLI and the app
    # through QProcess, which forks the multi-threaded test and execs at once; TSan would
    # otherwise end the test at the fork.
    TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$PWD/tests/tsan-suppressions.txt" \
      ctest --test-dir $dir --output-on-failure -j2 -R "^($(echo $tests | tr ' ' '|'))$" ;;
  *) echo "usage: $0 address|thread" >&2; exit 2 ;;
esac
