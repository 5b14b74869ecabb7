#!/usr/bin/env bash
# Fuzzes every file and spec loader with libFuzzer (clang, ASan + UBSan).
#   scripts/fuzz.sh [SECONDS_PER_TARGET (60)] [TARGET ...]
# New interesting inputs go to build-fuzz/corpus/<target>; a crash leaves crash-* files in
# build-fuzz/. Copy a crash into tests/fuzz/corpus/<target>/ once fixed: CTest replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# UBSan only prints by default: a report must stop the fuzzer, as ASan's do, or it is lost in the
# output (fuzz_project_validation's null memcpy was found this way).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(project_file project_validation network_spec numeric_csv specs idx_file onnx_model lesson_manifest)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKOTO_FUZZ=ON -DKOTO_BUILD_APP=OFF -DKOTO_NATIVE=OFF >/dev/null
cmake --build build-fuzz --target "${targets[@]/#/fuzz_}"

status=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  echo "== fuzz_$target for ${seconds}s"
  (cd build-fuzz && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
     -print_final_stats=1 "corpus/$target" "../tests/fuzz/corpus/$target") 2>&1 | tail -4 || status=1
done
exit $status
