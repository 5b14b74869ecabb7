// Runs an ONNX model in ONNX Runtime (onnxruntime-node), independently of Kotohajime:
//   node run_onnx.js MODULES_DIR MODEL.onnx INPUT.json OUTPUT.json
// INPUT.json: {"shape": [N, ...], "data": [...]} for the model's input; OUTPUT.json gets the
// same for its first output.
const path = require('path');
const fs = require('fs');
const [modulesDir, modelPath, inputPath, outputPath] = process.argv.slice(2);
const ort = require(path.join(modulesDir, 'onnxruntime-node'));

async function main() {
  const session = await ort.InferenceSession.create(modelPath);
  const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
  const feeds = {};
  feeds[session.inputNames[0]] =
      new ort.Tensor('float32', Float32Array.from(input.data), input.shape);
  const results = await session.run(feeds);
  const output = results[session.outputNames[0]];
  fs.writeFileSync(outputPath, JSON.stringify({shape: output.dims, data: Array.from(output.data)}));
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
