#!/usr/bin/python3
"""Write the golden inputs (real, preprocessed face-photo crops) and a first
manifest.json; golden.mjs then adds the original TF.js outputs.

  /usr/bin/python3 prepare_inputs.py FIXTURE_DIR MODEL_DIR GOLDEN_DIR

- Detector inputs: a fixture photo letterboxed (aspect kept, centred, black
  borders) to 128x128 or 192x192, values x/127.5 - 1.
- Face-mesh inputs: an axis-aligned square face crop, 1.5x the full-range
  detector's box, resized to 192x192, values x/255.
Crop centres and sides are rounded to whole pixels, so that float noise in the
models that locate them cannot change the inputs.

The crops are found with the converted models in MODEL_DIR (facepipe.py); the
golden outputs themselves come from TF.js only. Files are raw little-endian
float32, NHWC.
Needs python3-torch, python3-numpy, python3-pil (run with /usr/bin/python3).
"""

import json
import os
import sys

import numpy as np
import torch
from PIL import Image

import facepipe

DETECTOR_SOURCES = ["astronaut.jpg", "sample1.jpg", "two-people.jpg"]
MESH_SOURCES = ["astronaut.jpg", "sample6.jpg", "sample1.jpg"]


def write_input(golden_dir, case_id, array):
    name = "%s.input.f32" % case_id
    np.ascontiguousarray(array, dtype="<f4").tofile(os.path.join(golden_dir, name))
    return name


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    fixture_dir, model_dir, golden_dir = argv[1:]
    os.makedirs(golden_dir, exist_ok=True)
    for name in os.listdir(golden_dir):
        if name.endswith(".f32") or name == "manifest.json":
            os.remove(os.path.join(golden_dir, name))
    torch.set_num_threads(1)
    load = lambda model_id: torch.jit.load(os.path.join(model_dir, model_id + ".pt"))
    cases = []

    for detector in ("face-detector-short", "face-detector-full"):
        size = facepipe.DETECTORS[detector]["size"]
        for n, source in enumerate(DETECTOR_SOURCES, 1):
            image = Image.open(os.path.join(fixture_dir, source))
            rgb, scale, pad_x, pad_y = facepipe.letterbox(image, size)
            case_id = "%s-%d" % (detector, n)
            cases.append({
                "id": case_id,
                "model": detector,
                "input": {
                    "file": write_input(golden_dir, case_id, facepipe.to_detector_input(rgb)),
                    "shape": [1, size, size, 3], "layout": "NHWC", "dtype": "float32",
                    "range": [-1.0, 1.0],
                },
                "source": {
                    "fixture": source,
                    "transform": "letterbox: scale %.6f, pad x %d, y %d, bilinear; value/127.5 - 1"
                                 % (scale, pad_x, pad_y),
                },
            })

    full = load("face-detector-full")
    for n, source in enumerate(MESH_SOURCES, 1):
        image = Image.open(os.path.join(fixture_dir, source)).convert("RGB")
        face = facepipe.detect(full, image, "face-detector-full")[0]
        x0, y0, x1, y1 = face["box"]
        # whole pixels: the crop must not depend on float noise in the detector
        side = float(round(1.5 * max(x1 - x0, y1 - y0)))
        cx, cy = float(round((x0 + x1) / 2)), float(round((y0 + y1) / 2))
        crop, _ = facepipe.crop_square(image, cx, cy, side, 192)
        case_id = "face-mesh-attention-%d" % n
        cases.append({
            "id": case_id,
            "model": "face-mesh-attention",
            "input": {
                "file": write_input(golden_dir, case_id, facepipe.to_unit_input(crop)),
                "shape": [1, 192, 192, 3], "layout": "NHWC", "dtype": "float32",
                "range": [0.0, 1.0],
            },
            "source": {
                "fixture": source,
                "transform": "square crop, centre (%.0f, %.0f), side %.0f px (1.5 x detector box), "
                             "bilinear to 192x192; value/255" % (cx, cy, side),
            },
        })

    manifest = {
        "description": "Golden parity data for the converted face models: real inputs and the "
                       "outputs of the original TF.js models. Raw little-endian float32, "
                       "row-major, NHWC for images.",
        "documentation": "ejb-module/src/tools/model-conversion/README.md",
        "models": {
            "face-detector-short": "models/face/face-detector-short.pt",
            "face-detector-full": "models/face/face-detector-full.pt",
            "face-mesh-attention": "models/face/face-mesh-attention.pt",
        },
        # Two float32 evaluations of these graphs (TF.js's and XNNPACK's, each
        # summing in its own order) each stray up to about 1.2e-6 of the
        # output's largest magnitude from a float64 evaluation
        # (check_parity.py --exact), so they may differ from each other by the
        # sum of both; 3e-6 of |golden| covers that with some room.
        "tolerance": {
            "absolute": 1e-4,
            "relative": 3e-6,
            "rule": "element-wise |converted - golden| <= absolute + relative * |golden|",
        },
        "cases": cases,
    }
    with open(os.path.join(golden_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    for c in cases:
        print("%-22s %-15s %s" % (c["id"], c["source"]["fixture"], c["source"]["transform"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
