#!/usr/bin/python3
"""Check the converted TorchScript models against the golden TF.js outputs.

  /usr/bin/python3 check_parity.py MODEL_DIR GOLDEN_DIR [--timing] [--exact]

For every case of GOLDEN_DIR/manifest.json: runs MODEL_DIR/<model>.pt on the
golden input (one thread) and prints, per output, the largest absolute
difference from the TF.js output and the worst ratio of a difference to the
manifest's tolerance (absolute + relative * |golden|, element-wise). Also
checks, for models with a dynamic batch size, that a batch of all of a
model's inputs gives the same rows as one-by-one calls, within the same
tolerance.
Exits 1 if any difference is out of tolerance.

--exact   also evaluates each graph in float64 (convert.py's interpreter) and
          prints how far the TorchScript and the TF.js outputs each are from
          that exact result: the noise floor of any float32 comparison.
--timing  prints single-thread forward-pass times (batch 1, median of 50 runs
          after 10 warm-up runs) per model.

Needs python3-torch and python3-numpy (run with /usr/bin/python3).
"""

import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def load_f32(golden_dir, spec):
    return np.fromfile(os.path.join(golden_dir, spec["file"]), dtype="<f4").reshape(spec["shape"])


def run(model, x):
    with torch.no_grad():
        out = model(torch.from_numpy(x))
    return [out.numpy()] if torch.is_tensor(out) else [o.numpy() for o in out]


def median_ms(model, x, runs=50, warmup=10):
    t = torch.from_numpy(x)
    with torch.no_grad():
        for _ in range(warmup):
            model(t)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            model(t)
            times.append((time.perf_counter() - start) * 1000.0)
    return float(np.median(times))


def exact_modules():
    """model id -> float64 interpreter of the original graph."""
    sys.path.insert(0, HERE)
    import convert  # noqa: E402  (same folder)
    with open(os.path.join(HERE, "models.json"), "r", encoding="utf-8") as f:
        config = json.load(f)
    modules = {}
    for entry in config["models"]:
        path = os.path.join(HERE, config["sourceDir"], entry["source"])
        _, nodes, weights, signature = convert.read_model(path)
        input_node, dims, _ = convert.signature_io(signature, nodes)
        refs = [o["tensor"] for o in entry["outputs"]]
        module = convert.TfjsGraphModule(nodes, weights, input_node, refs, [1] + dims[1:],
                                         static_shapes=entry["input"]["shape"][0] > 0)
        modules[entry["id"]] = module.eval().double()
    return modules


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__)
        return 2
    model_dir, golden_dir = args
    torch.set_num_threads(1)
    with open(os.path.join(golden_dir, "manifest.json"), "r", encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(HERE, "models.json"), "r", encoding="utf-8") as f:
        fixed_batch = {m["id"]: m["input"]["shape"][0] > 0 for m in json.load(f)["models"]}
    atol = manifest["tolerance"]["absolute"]
    rtol = manifest["tolerance"]["relative"]
    models = {}
    worst = {}
    failed = False
    print("TorchScript vs TF.js; tolerance: |diff| <= %g + %g * |golden|\n" % (atol, rtol))
    print("%-22s %-16s %11s %11s %9s" % ("case", "output", "max |diff|", "max |gold|", "worst/tol"))
    for case in manifest["cases"]:
        model_id = case["model"]
        if model_id not in models:
            models[model_id] = torch.jit.load(os.path.join(model_dir, model_id + ".pt"))
        results = run(models[model_id], load_f32(golden_dir, case["input"]))
        if len(results) != len(case["outputs"]):
            print("%s: %d outputs, golden has %d" % (case["id"], len(results), len(case["outputs"])))
            failed = True
            continue
        for got, spec in zip(results, case["outputs"]):
            want = load_f32(golden_dir, spec).astype(np.float64)
            if list(got.shape) != list(want.shape):
                print("%s %s: shape %s, golden %s" % (case["id"], spec["name"], got.shape, want.shape))
                failed = True
                continue
            diff = np.abs(got.astype(np.float64) - want)
            ratio = float(np.max(diff / (atol + rtol * np.abs(want))))
            key = (model_id, spec["name"])
            old = worst.get(key, (0.0, 0.0))
            worst[key] = (max(old[0], float(diff.max())), max(old[1], ratio))
            failed |= ratio > 1.0
            print("%-22s %-16s %11.3e %11.3f %9.2f%s" % (
                case["id"], spec["name"], float(diff.max()), float(np.abs(want).max()), ratio,
                "  OUT OF TOLERANCE" if ratio > 1.0 else ""))

    print("\nworst per model and output:")
    for (model_id, name), (diff, ratio) in worst.items():
        print("  %-20s %-16s max |diff| %.3e  worst/tol %.2f" % (model_id, name, diff, ratio))

    print("\nbatch check (all inputs of a model as one batch vs one by one):")
    for model_id, model in models.items():
        xs = [load_f32(golden_dir, c["input"]) for c in manifest["cases"] if c["model"] == model_id]
        if fixed_batch.get(model_id):
            print("  %-20s batch size fixed at 1" % model_id)
            continue
        batch = run(model, np.concatenate(xs, axis=0))
        diff, ratio = 0.0, 0.0
        for i, x in enumerate(xs):
            for b, s in zip(batch, run(model, x)):
                d = np.abs(b[i:i + 1].astype(np.float64) - s)
                diff = max(diff, float(np.max(d)))
                ratio = max(ratio, float(np.max(d / (atol + rtol * np.abs(s)))))
        # a batch may take other matrix-product kernels: float32 rounding, not errors
        failed |= ratio > 1.0
        print("  %-20s batch %d, max |diff| %.3e  worst/tol %.2f" % (model_id, len(xs), diff, ratio))

    if "--exact" in argv:
        print("\ndistance from a float64 evaluation of the same graph (max |diff|):")
        exact = exact_modules()
        for case in manifest["cases"]:
            x = load_f32(golden_dir, case["input"])
            with torch.no_grad():
                ref = exact[case["model"]](torch.from_numpy(x).double())
            ref = [ref] if torch.is_tensor(ref) else list(ref)
            mine = run(models[case["model"]], x)
            for r, m, spec in zip(ref, mine, case["outputs"]):
                r = r.numpy()
                tfjs = load_f32(golden_dir, spec)
                print("  %-22s %-16s TorchScript %.3e   TF.js %.3e" % (
                    case["id"], spec["name"], float(np.max(np.abs(m - r))),
                    float(np.max(np.abs(tfjs - r)))))

    if "--timing" in argv:
        print("\nforward pass, 1 thread, median of 50 (ms):")
        for model_id, model in models.items():
            x = next(load_f32(golden_dir, c["input"]) for c in manifest["cases"] if c["model"] == model_id)
            print("  %-20s batch 1: %7.2f" % (model_id, median_ms(model, x)))

    print("\nRESULT: %s" % ("FAIL" if failed else "OK"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
