#!/usr/bin/env bash
# ONNX Runtime for Node.js, which the export tests run Kotohajime's ONNX files in (an independent
# implementation; never a dependency of the app). Installs into DIR (default build/ort) once.
# ONNXRUNTIME_NODE_INSTALL=skip: the package's own install step would download CUDA files.
set -euo pipefail
dir=${1:-build/ort}
[ -f "$dir/node_modules/onnxruntime-node/package.json" ] && exit 0
mkdir -p "$dir"
ONNXRUNTIME_NODE_INSTALL=skip npm install --silent --no-audit --no-fund --prefix "$dir" onnxruntime-node@1.31.1 >/dev/null
