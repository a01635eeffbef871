#!/usr/bin/python3
"""Write the fixture photos for the vision tests.

  /usr/bin/python3 make_fixtures.py OUT_DIR

Sources (see ATTRIBUTION.md in OUT_DIR):
  - astronaut.jpg: Debian python3-skimage's astronaut.png (NASA, public
    domain), re-encoded as JPEG.
  - sample1.jpg .. sample6.jpg: copied byte for byte from npm
    @vladmandic/face-api@1.7.15 (package/demo/, MIT).
  - no-face.jpg, 640x480: the door and window in the top-left corner of
    sample3.jpg (source rectangle 0,0-520,390), scaled up: a real background
    with no person in it (its lock plate looks a little like a face, which is
    exactly what a no-face test wants).
  - two-people.jpg, 640x480: a webcam-like frame. The astronaut fills the
    frame (top 512x384 of astronaut.png scaled by 1.25, face about 130 px
    wide); a second person (the right-hand woman of sample3.jpg with some of
    her surroundings, source square 1190,110-1920,840) is scaled down and
    blended in with feathered edges in the grey studio background to the
    right of the astronaut, so that her face is about 38 px wide and centred
    near (450, 140): a person far behind the student.

JPEG output is deterministic for a given Pillow/libjpeg build.
Needs python3-pil and python3-skimage (run with /usr/bin/python3).
"""

import os
import shutil
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
FACE_API_DEMO = os.path.join(HERE, "node_modules", "@vladmandic", "face-api", "demo")
ASTRONAUT = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png"
QUALITY = 92

# Second (small) face of two-people.jpg: a square of sample3.jpg around its
# right-hand woman (her face box is about 204 px wide there), scaled by
# 38/204 so that her face is about 38 px wide, pasted with feathered edges so
# that the face lands near FACE_AT in the 640x480 frame.
SECOND_SOURCE = (1190, 110, 1920, 840)
SECOND_FACE_IN_SOURCE = (1601, 445)
SECOND_SCALE = 38 / 204
FACE_AT = (450, 140)


def save_jpeg(image, path):
    image.convert("RGB").save(path, "JPEG", quality=QUALITY, optimize=False,
                              progressive=False, subsampling="4:2:0")


def astronaut(out_dir):
    image = Image.open(ASTRONAUT).convert("RGB")
    save_jpeg(image, os.path.join(out_dir, "astronaut.jpg"))
    return image


def samples(out_dir):
    for i in range(1, 7):
        name = "sample%d.jpg" % i
        shutil.copyfile(os.path.join(FACE_API_DEMO, name), os.path.join(out_dir, name))


def no_face(out_dir):
    sample3 = Image.open(os.path.join(FACE_API_DEMO, "sample3.jpg")).convert("RGB")
    frame = sample3.crop((0, 0, 520, 390)).resize((640, 480), Image.LANCZOS)
    save_jpeg(frame, os.path.join(out_dir, "no-face.jpg"))


def two_people(out_dir, astronaut_image):
    frame = astronaut_image.crop((0, 0, 512, 384)).resize((640, 480), Image.LANCZOS)
    sample3 = Image.open(os.path.join(FACE_API_DEMO, "sample3.jpg")).convert("RGB")
    side = round((SECOND_SOURCE[2] - SECOND_SOURCE[0]) * SECOND_SCALE)
    patch = sample3.crop(SECOND_SOURCE).resize((side, side), Image.LANCZOS)
    mask = Image.new("L", (side, side), 0)
    ImageDraw.Draw(mask).rectangle((side * 0.1, side * 0.1, side * 0.9, side * 0.9), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(side * 0.06))
    x0 = FACE_AT[0] - round((SECOND_FACE_IN_SOURCE[0] - SECOND_SOURCE[0]) * SECOND_SCALE)
    y0 = FACE_AT[1] - round((SECOND_FACE_IN_SOURCE[1] - SECOND_SOURCE[1]) * SECOND_SCALE)
    frame.paste(patch, (x0, y0), mask)
    save_jpeg(frame, os.path.join(out_dir, "two-people.jpg"))


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    image = astronaut(out_dir)
    samples(out_dir)
    no_face(out_dir)
    two_people(out_dir, image)
    for name in sorted(os.listdir(out_dir)):
        if name.endswith(".jpg"):
            with Image.open(os.path.join(out_dir, name)) as im:
                print("%-16s %4dx%-4d %7d bytes" % (name, im.size[0], im.size[1],
                                                    os.path.getsize(os.path.join(out_dir, name))))
    return 0


if __name__ == "__main__":
    np.seterr(all="raise")
    sys.exit(main(sys.argv))
