"""Reference pre- and post-processing for the converted face models (Python).

Not used by the product: it documents in runnable form what the Java pipeline
has to do, and the fixture and golden-input scripts use it to find faces and
eyes in the fixture photos. See README.md for the same in prose.

Needs python3-torch, python3-numpy and python3-pil (run with /usr/bin/python3).
"""

import math

import numpy as np
import torch
from PIL import Image

# MediaPipe SSD anchor options (face_detection_short_range.pbtxt /
# face_detection_full_range.pbtxt): all anchors are 1x1 (fixed_anchor_size),
# centred on their grid cell (anchor_offset 0.5); one anchor per cell and per
# "layer" (with interpolated_scale_aspect_ratio 1.0 every layer adds 2).
DETECTORS = {
    "face-detector-short": {
        "size": 128,
        "strides": [8, 16, 16, 16],
        "anchors_per_layer": 2,
        "min_score": 0.5,
    },
    "face-detector-full": {
        "size": 192,
        "strides": [4],
        "anchors_per_layer": 1,
        "min_score": 0.6,
    },
}

KEYPOINTS = ["right_eye", "left_eye", "nose_tip", "mouth_centre", "right_ear_tragion",
             "left_ear_tragion"]


def anchors(size, strides, anchors_per_layer):
    """[N, 2] anchor centres (x, y), normalised to [0, 1], in output order."""
    out = []
    layer = 0
    while layer < len(strides):
        stride = strides[layer]
        same = 0
        while layer < len(strides) and strides[layer] == stride:
            same += 1
            layer += 1
        grid = math.ceil(size / stride)
        for y in range(grid):
            for x in range(grid):
                for _ in range(same * anchors_per_layer):
                    out.append(((x + 0.5) / grid, (y + 0.5) / grid))
    return np.asarray(out, dtype=np.float32)


def letterbox(image, size):
    """Scale a PIL image to fit size x size, centred, black borders.
    Returns (uint8 HxWx3 array, scale, pad_x, pad_y): input pixel = (model
    pixel - pad) / scale."""
    w, h = image.size
    scale = size / max(w, h)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    resized = image.convert("RGB").resize((nw, nh), Image.BILINEAR)
    canvas = Image.new("RGB", (size, size))
    pad_x, pad_y = (size - nw) // 2, (size - nh) // 2
    canvas.paste(resized, (pad_x, pad_y))
    return np.asarray(canvas), scale, pad_x, pad_y


def to_detector_input(rgb):
    """uint8 HxWx3 -> float32 [1,H,W,3] in [-1, 1]."""
    return (rgb.astype(np.float32) / 127.5 - 1.0)[None]


def to_unit_input(rgb):
    """uint8 HxWx3 -> float32 [1,H,W,3] in [0, 1] (face mesh, iris)."""
    return (rgb.astype(np.float32) / 255.0)[None]


def iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def decode(objects, detector, min_score=None, nms_iou=0.3):
    """objects: [N, 17] raw detector output for one image.
    Returns detections in model-input pixels, best first, after weighted NMS
    (MediaPipe's overlap type WEIGHTED, threshold 0.3):
    [{"score", "box": (x0, y0, x1, y1), "keypoints": [(x, y) * 6]}]."""
    cfg = DETECTORS[detector]
    size = cfg["size"]
    anc = anchors(size, cfg["strides"], cfg["anchors_per_layer"])
    if anc.shape[0] != objects.shape[0]:
        raise ValueError("anchor count %d != output rows %d" % (anc.shape[0], objects.shape[0]))
    threshold = cfg["min_score"] if min_score is None else min_score
    logits = np.clip(objects[:, 0].astype(np.float64), -100.0, 100.0)
    scores = 1.0 / (1.0 + np.exp(-logits))
    raw = []
    for i in np.nonzero(scores >= threshold)[0]:
        r = objects[i]
        ax, ay = anc[i] * size
        cx, cy, w, h = ax + r[1], ay + r[2], r[3], r[4]
        kps = [(ax + r[5 + 2 * k], ay + r[6 + 2 * k]) for k in range(6)]
        raw.append({"score": float(scores[i]),
                    "box": (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2),
                    "keypoints": kps})
    raw.sort(key=lambda d: -d["score"])
    result = []
    while raw:
        best = raw[0]
        group = [d for d in raw if iou(best["box"], d["box"]) > nms_iou]
        raw = [d for d in raw if iou(best["box"], d["box"]) <= nms_iou]
        total = sum(d["score"] for d in group)
        box = tuple(sum(d["box"][j] * d["score"] for d in group) / total for j in range(4))
        kps = [tuple(sum(d["keypoints"][k][j] * d["score"] for d in group) / total
                     for j in range(2)) for k in range(6)]
        result.append({"score": best["score"], "box": box, "keypoints": kps})
    return result


def detect(model, image, detector):
    """Detections in the coordinates of the PIL image `image`."""
    size = DETECTORS[detector]["size"]
    rgb, scale, px, py = letterbox(image, size)
    with torch.no_grad():
        objects = model(torch.from_numpy(to_detector_input(rgb)))[0].numpy()
    out = []
    for d in decode(objects, detector):
        x0, y0, x1, y1 = d["box"]
        out.append({
            "score": d["score"],
            "box": ((x0 - px) / scale, (y0 - py) / scale, (x1 - px) / scale, (y1 - py) / scale),
            "keypoints": [((x - px) / scale, (y - py) / scale) for x, y in d["keypoints"]],
        })
    return out


def crop_square(image, cx, cy, side, size, mirror=False):
    """Axis-aligned square crop of side `side` centred on (cx, cy), resized to
    size x size (black outside the image). Returns uint8 array and the affine
    map (scale, x0, y0): image pixel = crop pixel * scale + (x0, y0)."""
    x0, y0 = cx - side / 2, cy - side / 2
    crop = image.convert("RGB").transform(
        (size, size), Image.AFFINE, (side / size, 0, x0, 0, side / size, y0), resample=Image.BILINEAR)
    if mirror:
        crop = crop.transpose(Image.FLIP_LEFT_RIGHT)
    return np.asarray(crop), (side / size, x0, y0)
