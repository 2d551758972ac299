#!/usr/bin/python3
"""Score the cloud-shadow methods on labelled crops: precision, recall and F1 of the matched shadows (the new
method, ``core/shadows.py``), of the projection over dark pixels (the method of Névé 0.1, ``core/cloud.py``)
and of the darkness-only baseline ("a dark pixel that is not cloud"), against the crops' shadow labels.

    /usr/bin/python3 scripts/score_shadows.py                   # the labelled crops of ../shared/data
    /usr/bin/python3 scripts/score_shadows.py other.npz ...     # any crop in the same format
    /usr/bin/python3 scripts/score_shadows.py --markdown        # the table of docs/BENCHMARKS.md

A crop is a ``.npz`` with ``img`` (rows, columns, 6 bands: blue, green, red, NIR, SWIR 1.6 um, SWIR 2.2 um;
reflectance 0..1) and ``msk`` (labels: 0 cloud shadow, 1 water, 3 clear land, 4 cloud), as the Landsat 5 and 7
crops of ``../shared/data/real/labelled/`` (see PROVENANCE.md; read in place, never copied). The labelled
clouds are the clouds whose shadows are searched for; the scores count every pixel that is not cloud.

The crops carry no date, place nor angles. The sun direction is estimated as a user without metadata would
read it on the image (:func:`estimate_sun_azimuth`): the shadows lie on the side of the clouds away from the
sun, so the direction in which the cloud mask, moved, falls most on dark pixels (NIR below the dark threshold;
the shadow labels are not used) points away from the sun. The sun's height is unknown too: with a zenith of
45 degrees the heights tried (200 m to 12 km, the default) are the shadows' distances from their clouds. The
satellite is taken at the vertical (Landsat looks within 7.5 degrees of it).
"""
import argparse
import math
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data", "real", "labelled")
CROPS = ("landsat5.npz", "landsat7.npz")
PIXEL = 30.0             # metres, the Landsat TM/ETM+ reflective bands
SUN_ZENITH = 45.0        # unknown: heights are then distances
NIR, SWIR = 3, 4         # bands of the crops
SHADOW, CLOUD = 0, 4     # labels


def import_neve():
    """The plugin as package ``neve`` (a link beside a temporary folder on the path), QGIS-free."""
    try:
        import neve  # noqa: F401
    except ImportError:
        import tempfile

        folder = tempfile.mkdtemp(prefix="neve-score-")
        os.symlink(ROOT, os.path.join(folder, "neve"))
        sys.path.insert(0, folder)


def load(path):
    data = np.load(path)
    img, labels = data["img"].astype(np.float64), data["msk"][..., 0]
    return img[..., NIR], img[..., SWIR], labels == CLOUD, labels == SHADOW


def estimate_sun_azimuth(clouds, dark, step=5, longest=200):
    """The sun azimuth (degrees, clockwise from north) read on the image: the direction, by ``step`` degrees,
    and the distance, up to ``longest`` pixels, by which the cloud mask moved covers the largest fraction of
    dark pixels that are not cloud; the sun is on the other side. Returns ``(azimuth, pixels, fraction)``."""
    height, width = clouds.shape
    best = (-1.0, 0, 0)
    for azimuth in range(0, 360, step):
        east, north = math.sin(math.radians(azimuth)), math.cos(math.radians(azimuth))
        for distance in range(step, longest, step):
            drow, dcol = int(round(north * distance)), int(round(-east * distance))
            moved = np.zeros_like(clouds)
            r0, r1, c0, c1 = max(0, drow), min(height, height + drow), max(0, dcol), min(width, width + dcol)
            moved[r0:r1, c0:c1] = clouds[r0 - drow:r1 - drow, c0 - dcol:c1 - dcol]
            visible = moved & ~clouds
            fraction = np.count_nonzero(visible & dark) / max(1, np.count_nonzero(visible))
            if fraction > best[0]:
                best = (fraction, azimuth, distance)
    return best[1], best[2], best[0]


def score_crop(path):
    """The scores of the three methods on one crop: {method: (precision, recall, f1)}, and the azimuth used."""
    import_neve()
    from neve.plugin.core import cloud, shadows
    from neve.plugin.core.defaults import MATCHED_SHADOW_DEFAULTS, SHADOW_DEFAULTS

    nir, swir, clouds, truth = load(path)
    valid = ~clouds
    threshold = SHADOW_DEFAULTS["DARK_THRESHOLD_NIR"]
    dark = cloud.dark_pixels(nir, threshold) & ~clouds
    azimuth, _distance, _fraction = estimate_sun_azimuth(clouds, dark)
    angles = (SUN_ZENITH, float(azimuth), 0.0, 0.0)
    heights = dict(height_min=SHADOW_DEFAULTS["HEIGHT_MIN"], height_max=SHADOW_DEFAULTS["HEIGHT_MAX"],
                   height_step=SHADOW_DEFAULTS["HEIGHT_STEP"])
    old = cloud.cloud_shadows(clouds, cloud.dark_pixels(nir, threshold), (PIXEL, PIXEL), *angles,
                              min_dark_fraction=SHADOW_DEFAULTS["MIN_DARK_FRACTION"], **heights).mask
    potential = shadows.potential_shadows(nir, swir, MATCHED_SHADOW_DEFAULTS["DARKER"], threshold, clouds)
    new = shadows.matched_shadows(clouds, potential, (PIXEL, PIXEL), *angles, **heights).mask
    return {"new": shadows.scores(new, truth, valid), "old": shadows.scores(old, truth, valid),
            "darkness": shadows.scores(dark, truth, valid)}, azimuth


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("crops", nargs="*", help="labelled crops (.npz); default: the shared Landsat crops")
    parser.add_argument("--markdown", action="store_true", help="print the table of docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    paths = args.crops or [os.path.join(SHARED, name) for name in CROPS]
    names = {"new": "matched shadows (new)", "old": "projection over dark pixels (0.1)",
             "darkness": "darkness only (baseline)"}
    if args.markdown:
        print("| crop | sun azimuth read on the image | method | precision | recall | F1 |")
        print("|---|---|---|---|---|---|")
    for path in paths:
        results, azimuth = score_crop(path)
        crop = os.path.splitext(os.path.basename(path))[0]
        for method in ("new", "old", "darkness"):
            precision, recall, f1 = results[method]
            if args.markdown:
                print("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |".format(crop, azimuth, names[method], precision,
                                                                       recall, f1))
            else:
                print("{:12s} azimuth {:3d}  {:34s} P {:.3f}  R {:.3f}  F1 {:.3f}".format(
                    crop, azimuth, names[method], precision, recall, f1))


if __name__ == "__main__":
    main()
