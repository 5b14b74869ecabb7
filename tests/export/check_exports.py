"""Exported models, checked by tools that are not Kotohajime's.

For each model of the curriculum (MLP, LeNet-like CNN with both poolings, SimpleRNN, LSTM
many-to-one and many-to-many, autoencoder, RBM), trained briefly by kotohajime-cli:
  - ONNX: onnx.checker.check_model(full_check=True) passes, and ONNX Runtime (onnxruntime-node)
    gives the outputs `kotohajime-cli predict` gives, within 1e-5;
  - NPZ: numpy.load(allow_pickle=False) finds every parameter under its curriculum name, float32;
  - the NumPy and the PyTorch scripts print the predictions `predict` prints, within 1e-5.
Then one plain-SGD step in PyTorch from the exported weights equals one in Kotohajime, and ONNX
import: torch.onnx.export's models open and predict what PyTorch predicts, our own files come
back bit for bit, and unsupported or hostile files are refused with exit code 3.

Run with Debian's python (numpy, onnx, torch): /usr/bin/python3 check_exports.py CLI ORT_DIR WORK
"""

import csv
import gzip
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import onnx
import torch

CLI, ORT_DIR, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = 1e-5
FASHION = "/usr/share/datasets/fashion-mnist"
failures = []
table = []  # (model, format, largest difference)


def run(*args, expect=0):
    result = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if result.returncode != expect:
        raise AssertionError("%s exited %d, not %d: %s" % (
            " ".join(args), result.returncode, expect, result.stderr.strip()))
    return result


def cli(*args, expect=0):
    return run(CLI, *args, expect=expect)


def path(name):
    return os.path.join(WORK, name)


def read_predictions(text):
    """The numbers of a predict CSV: every column but row, step and class."""
    rows = list(csv.reader(text.strip().splitlines()))
    header = rows[0]
    keep = [i for i, name in enumerate(header) if name not in ("row", "step", "class")]
    classes = [i for i, name in enumerate(header) if name == "class"]
    values = np.array([[float(r[i]) for i in keep] for r in rows[1:]], dtype=np.float64)
    labels = [r[classes[0]] for r in rows[1:]] if classes else None
    return header, values, labels


def compare(model, fmt, expected, got):
    got = np.asarray(got, dtype=np.float64).reshape(expected.shape)
    difference = float(np.max(np.abs(expected - got))) if expected.size else 0.0
    table.append((model, fmt, difference))
    if not difference <= TOLERANCE:
        failures.append("%s %s: outputs differ by %g" % (model, fmt, difference))


def check(condition, message):
    if not condition:
        failures.append(message)


def write_inputs(name, rows):
    with open(path(name), "w") as f:
        f.write("\n".join(",".join("%.9g" % v for v in row) for row in rows) + "\n")
    return path(name)


def run_onnx_runtime(model_path, inputs, sample_shape):
    request = {"shape": [len(inputs)] + list(sample_shape), "data": np.ravel(inputs).tolist()}
    with open(path("ort-in.json"), "w") as f:
        json.dump(request, f)
    run("node", os.path.join(HERE, "run_onnx.js"), os.path.join(ORT_DIR, "node_modules"),
        model_path, path("ort-in.json"), path("ort-out.json"))
    with open(path("ort-out.json")) as f:
        return np.array(json.load(f)["data"], dtype=np.float64)


def check_formats(name, project, inputs, sample_shape, parameter_names):
    """Every export format of one trained project against `predict` on the same inputs."""
    input_csv = write_inputs(name + ".csv", inputs)
    header, expected, labels = read_predictions(cli("predict", "--project", project,
                                                    "--input", input_csv).stdout)

    onnx_path = path(name + ".onnx")
    cli("export", "--project", project, "--format", "onnx", "--out", onnx_path)
    model = onnx.load(onnx_path)
    onnx.checker.check_model(model, full_check=True)
    check(model.ir_version == 8 and model.opset_import[0].version == 13,
          name + ": not IR 8 / opset 13")
    metadata = {p.key: p.value for p in model.metadata_props}
    check(metadata.get("producer", "").startswith("Kotohajime") and "training" in metadata,
          name + ": metadata lacks the producer or the training settings")
    outputs = run_onnx_runtime(onnx_path, inputs, sample_shape)
    # One sigmoid unit: predict prints p0 = 1 - p and p1 = p; ONNX gives p.
    one_unit = header[-2:] == ["p0", "p1"] and outputs.size == expected.shape[0]
    compare(name, "onnx", expected[:, -1:] if one_unit else expected, outputs)

    npz_path = path(name + ".npz")
    cli("export", "--project", project, "--format", "npz", "--out", npz_path)
    with np.load(npz_path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    layers = json.loads(str(arrays.pop("layers")))
    check(sorted(arrays) == sorted(parameter_names),
          "%s: the NPZ holds %s, not %s" % (name, sorted(arrays), sorted(parameter_names)))
    check(all(a.dtype == np.float32 for a in arrays.values()), name + ": NPZ arrays not float32")
    check(len(layers["layers"]) > 0, name + ": the NPZ's layer description is empty")

    for fmt in ("numpy", "pytorch"):
        script = path("%s_%s.py" % (name, fmt))
        cli("export", "--project", project, "--format", fmt, "--out", script)
        printed = run("/usr/bin/python3", script, input_csv).stdout
        got_header, got, got_labels = read_predictions(printed)
        check(got_header == header, "%s %s: header %s, not %s" % (name, fmt, got_header, header))
        compare(name, fmt, expected, got)
        check(got_labels == labels, "%s %s: other classes than predict's" % (name, fmt))


def train(name, *args):
    project = path(name + ".koto")
    cli("train", *args, "--seed", "3", "--save", project)
    return project


def fashion_images(count, part="train"):
    with gzip.open(os.path.join(FASHION, "%s-images-idx3-ubyte.gz" % part)) as f:
        data = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    with gzip.open(os.path.join(FASHION, "%s-labels-idx1-ubyte.gz" % part)) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return data[:count * 784].reshape(count, 784).astype(np.float32), labels[:count]


def check_models():
    rng = np.random.default_rng(7)
    points = rng.normal(0, 1, (12, 2))
    bits = lambda t: rng.integers(0, 2, (10, t)).astype(np.float64)
    images, _ = fashion_images(6, "t10k")

    mlp = train("mlp", "--dataset", "spiral:n=200", "--layers", "dense:8:tanh", "--epochs", "5")
    check_formats("mlp", mlp, points, [2], ["W", "b", "V", "c"])
    deep = train("deep", "--dataset", "circle:n=200", "--layers", "dense:8:relu,dense:6:sigmoid",
                 "--loss", "bce", "--epochs", "3")
    check_formats("mlp-bce", deep, points, [2], ["W1", "b1", "W2", "b2", "W3", "b3"])
    regression = train("regression", "--dataset", "plane:n=200", "--layers", "dense:4:tanh",
                       "--epochs", "3")
    check_formats("regression", regression, points, [2], ["W", "b", "V", "c"])
    cnn = train("cnn", "--dataset", "fashion-mnist:n=200,ntest=50", "--layers",
                "conv:4:3:1:1:relu,maxpool:2,conv:6:3:1:0:tanh,avgpool:2,flatten,dense:16:relu",
                "--epochs", "1")
    check_formats("cnn", cnn, images, [1, 28, 28],
                  ["conv1_W", "conv1_b", "conv2_W", "conv2_b", "W", "b", "V", "c"])
    rnn = train("rnn", "--dataset", "firstbit:6:n=200", "--layers", "rnn:5,seq:last",
                "--epochs", "2")
    check_formats("rnn", rnn, bits(6), [6, 1], ["rnn1_Wx", "rnn1_Wh", "rnn1_b", "W1", "b1"])
    lstm = train("lstm", "--dataset", "parity:5:n=200", "--layers", "lstm:6,seq:last",
                 "--epochs", "2")
    check_formats("lstm", lstm, bits(5), [5, 1], ["lstm1_Wx", "lstm1_Wh", "lstm1_b", "W1", "b1"])
    many = train("lstm-many", "--dataset", "parity:5:n=200,targets=every", "--layers",
                 "lstm:6,seq:many", "--epochs", "2")
    check_formats("lstm-many", many, bits(5), [5, 1],
                  ["lstm1_Wx", "lstm1_Wh", "lstm1_b", "W1", "b1"])
    autoencoder = train("autoencoder", "--dataset", "fashion-mnist:n=100,ntest=20", "--model",
                        "autoencoder:32,8", "--tied", "--epochs", "1")
    check_formats("autoencoder", autoencoder, images, [784],
                  ["W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4"])
    rbm = train("rbm", "--dataset", "fashion-mnist:n=100,ntest=20", "--model", "rbm:16",
                "--epochs", "1")
    check_formats("rbm", rbm, images, [784], ["W", "c"])
    return mlp, cnn, lstm, many, images, points


def check_sgd_step():
    """One plain-SGD step in PyTorch from the exported weights equals Kotohajime's."""
    spec = ("--dataset", "fashion-mnist:n=20,ntest=10", "--layers", "flatten,dense:8:tanh",
            "--optimizer", "sgd", "--lr", "0.1", "--batch", "20")
    before = train("before", *spec, "--epochs", "0")
    after = path("after.koto")
    cli("train", "--project", before, "--epochs", "1", "--save", after)
    script = path("step_pytorch.py")
    cli("export", "--project", before, "--format", "pytorch", "--out", script)
    cli("export", "--project", after, "--format", "npz", "--out", path("after.npz"))
    sys.path.insert(0, WORK)
    import step_pytorch
    net = step_pytorch.Net()
    step_pytorch.load_weights(net)
    X, labels = fashion_images(20)
    T = np.eye(10, dtype=np.float32)[labels]
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    optimizer.zero_grad()
    net.loss(torch.from_numpy(X), torch.from_numpy(T)).backward()
    optimizer.step()
    cli("export", "--project", before, "--format", "npz", "--out", path("before.npz"))
    with np.load(path("after.npz"), allow_pickle=False) as npz, \
            np.load(path("before.npz"), allow_pickle=False) as start:
        largest = max(float(np.max(np.abs(npz[n] - p.detach().numpy())))
                      for n, p in net.named_parameters())
        moved = max(float(np.max(np.abs(npz[n] - start[n]))) for n, _ in net.named_parameters())
    check(moved > 1e-4, "the SGD step changed no weight (by %g)" % moved)
    table.append(("mlp (fashion-mnist)", "one SGD step, PyTorch vs Kotohajime", largest))
    check(largest <= TOLERANCE, "one SGD step differs by %g" % largest)


def check_round_trip(name, project, inputs, dataset):
    """Exported, then imported: the same predictions, bit for bit."""
    onnx_path = path(name + ".onnx")
    cli("export", "--project", project, "--format", "onnx", "--out", onnx_path)
    imported = path(name + "-imported.koto")
    cli("import", "--onnx", onnx_path, "--dataset", dataset, "--save", imported)
    input_csv = write_inputs(name + "-round.csv", inputs)
    original = cli("predict", "--project", project, "--input", input_csv).stdout
    again = cli("predict", "--project", imported, "--input", input_csv).stdout
    check(original == again, name + ": the imported model predicts otherwise")
    table.append((name, "ONNX export -> import", 0.0 if original == again else float("nan")))


class TorchMlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = torch.nn.Linear(2, 6)
        self.out = torch.nn.Linear(6, 2)

    def forward(self, x):
        return torch.softmax(self.out(torch.relu(self.hidden(x))), dim=-1)


class TorchCnnPlain(torch.nn.Module):
    """LeNet-like, as a learner writes it in PyTorch."""
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 4, 5), torch.nn.Tanh(), torch.nn.AvgPool2d(2), torch.nn.Flatten())
        self.classifier = torch.nn.Sequential(torch.nn.Linear(4 * 5 * 5, 10), torch.nn.Softmax(dim=1))

    def forward(self, x):
        return self.classifier(self.features(x))


def torch_export(module, sample, name, **options):
    torch.manual_seed(5)
    onnx_path = path(name + ".onnx")
    module.eval()
    torch.onnx.export(module, sample, onnx_path, input_names=["X"], output_names=["Y"],
                      dynamic_axes={"X": {0: "batch"}, "Y": {0: "batch"}}, opset_version=13,
                      **options)
    return onnx_path


def check_torch_import(points, images):
    torch.manual_seed(11)
    mlp = TorchMlp()
    onnx_path = torch_export(mlp, torch.zeros(1, 2), "torch-mlp")
    project = path("torch-mlp.koto")
    cli("import", "--onnx", onnx_path, "--dataset", "spiral:n=100", "--save", project)
    _, ours, _ = read_predictions(cli("predict", "--project", project, "--input",
                                      write_inputs("torch-mlp.csv", points)).stdout)
    compare("PyTorch MLP (Gemm)", "import", ours, mlp(torch.tensor(points, dtype=torch.float32)).detach())
    # The same network written as MatMul + Add (transB = 0 in effect).
    class MatMulMlp(torch.nn.Module):
        def __init__(self, source):
            super().__init__()
            self.W = torch.nn.Parameter(source.hidden.weight.detach().t().contiguous())
            self.b = torch.nn.Parameter(source.hidden.bias.detach().clone())
            self.V = torch.nn.Parameter(source.out.weight.detach().t().contiguous())
            self.c = torch.nn.Parameter(source.out.bias.detach().clone())

        def forward(self, x):
            return torch.softmax(torch.relu(x @ self.W + self.b) @ self.V + self.c, dim=-1)

    matmul = MatMulMlp(mlp)
    onnx_path = torch_export(matmul, torch.zeros(1, 2), "torch-matmul")
    cli("import", "--onnx", onnx_path, "--dataset", "spiral:n=100", "--save", project)
    _, ours, _ = read_predictions(cli("predict", "--project", project, "--input",
                                      path("torch-mlp.csv")).stdout)
    compare("PyTorch MLP (MatMul + Add)", "import", ours,
            matmul(torch.tensor(points, dtype=torch.float32)).detach())

    cnn = TorchCnnPlain()
    onnx_path = torch_export(cnn, torch.zeros(1, 1, 28, 28), "torch-cnn")
    project = path("torch-cnn.koto")
    cli("import", "--onnx", onnx_path, "--dataset", "fashion-mnist:n=100,ntest=20", "--save",
        project)
    _, ours, _ = read_predictions(cli("predict", "--project", project, "--input",
                                      write_inputs("torch-cnn.csv", images)).stdout)
    # The app feeds pixels / 255 to a network trained on images.
    expected = cnn(torch.tensor(images / 255.0, dtype=torch.float32).reshape(-1, 1, 28, 28))
    compare("PyTorch LeNet-like CNN", "import", ours, expected.detach())


def length_prefixed(data):
    """A protobuf length-delimited field's length (a varint) and bytes."""
    length, varint = len(data), b""
    while True:
        byte = length & 0x7F
        length >>= 7
        varint += bytes([byte | (0x80 if length else 0)])
        if not length:
            return varint + data


def deeply_nested_graph(depth):
    """A GraphProto whose node holds an attribute holding a graph ... `depth` times: raw bytes,
    deeper than any library would write, to see the parser's recursion limit hold."""
    graph = b""
    for _ in range(depth):
        attribute = b"\x32" + length_prefixed(graph)      # AttributeProto.g
        node = b"\x2a" + length_prefixed(attribute)       # NodeProto.attribute
        graph = b"\x0a" + length_prefixed(node)           # GraphProto.node
    return graph


def check_refusals():
    """Unsupported operators by name; damaged and hostile files refused without a crash."""
    torch.manual_seed(1)
    leaky = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.LeakyReLU(), torch.nn.Linear(4, 2),
                                torch.nn.Softmax(dim=1))
    onnx_path = torch_export(leaky, torch.zeros(1, 2), "torch-leaky")
    message = cli("import", "--onnx", onnx_path, "--dataset", "spiral", "--save",
                  path("refused.koto"), expect=3).stderr
    check("LeakyRelu" in message, "an unsupported operator is not named: " + message)
    check(not os.path.exists(path("refused.koto")), "a refused import wrote a project")

    good = open(path("mlp.onnx"), "rb").read()
    hostile = {"truncated": good[: len(good) // 2], "empty": b"", "text": b"not a model\n"}
    model = onnx.load(path("mlp.onnx"))
    huge = onnx.ModelProto()
    huge.CopyFrom(model)
    huge.graph.initializer[0].dims[:] = [1 << 40, 1 << 40]
    hostile["huge-dims"] = huge.SerializeToString()
    billion = onnx.ModelProto()
    billion.CopyFrom(model)
    billion.graph.initializer[0].dims[:] = [1000000000]
    hostile["billion-declared"] = billion.SerializeToString()
    nested = onnx.ModelProto()
    nested.CopyFrom(model)
    branch = onnx.helper.make_graph([], "branch", [], [])
    node = onnx.helper.make_node("If", [nested.graph.input[0].name], ["Z"], then_branch=branch,
                                 else_branch=branch)
    nested.graph.node.insert(0, node)
    hostile["nested-graph"] = nested.SerializeToString()
    hostile["deep-nesting"] = b"\x3a" + length_prefixed(deeply_nested_graph(3000))
    for name, data in hostile.items():
        with open(path("hostile-" + name + ".onnx"), "wb") as f:
            f.write(data)
        result = run(CLI, "import", "--onnx", path("hostile-" + name + ".onnx"), "--dataset",
                     "spiral", "--save", path("refused.koto"), expect=3)
        check(result.stderr.count("\n") == 1, name + ": not one line: " + result.stderr)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    mlp, cnn, lstm, many, images, points = check_models()
    check_sgd_step()
    check_round_trip("mlp", mlp, points, "spiral:n=200")
    check_round_trip("cnn", cnn, images, "fashion-mnist:n=200,ntest=50")
    bits = np.random.default_rng(3).integers(0, 2, (8, 5)).astype(np.float64)
    check_round_trip("lstm", lstm, bits, "parity:5:n=200")
    check_round_trip("lstm-many", many, bits, "parity:5:n=200,targets=every")
    check_torch_import(points, images)
    check_refusals()
    print("%-28s %-38s %s" % ("model", "format", "largest difference"))
    for model, fmt, difference in table:
        print("%-28s %-38s %.3g" % (model, fmt, difference))
    for failure in failures:
        print("FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
