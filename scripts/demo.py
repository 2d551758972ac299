#!/usr/bin/env python3
"""The main job of Névé on an embedded sample: a snow map with a refined cloud mask, from a product.

    scripts/demo.sh [--out demo-output] [--size 960]

1. generates a small Theia/MUSCATE L2A product (a mountain with snow, clouds and their shadows, a lake
   with sunglint; tests/synthetic.py) and a DEM, in OUT/sample/;
2. neve:refinecloudmask, Theia production recipe since February 2018 (480 m buffer, clouds over water
   at SWIR 0.04 / 0.16, cloud shadows) -> OUT/refined_cloud_mask.tif (a CLM-compatible bit mask) and
   OUT/cloud_classes.tif;
3. neve:snowmap with the LIS defaults on the refined mask and the DEM -> OUT/snow_map.tif (0 no snow,
   100 snow, 205 cloud, 255 no data), OUT/fractional_snow_cover.tif, OUT/snow_polygons.gpkg and the
   report OUT/snow_report.html;
4. OUT/quicklook.png: the snow map over the natural-colour image (neve:loadproduct's 10 m stack),
   rendered by QGIS with the plugin's own legend;
5. statistics of the sample's maps by elevation band: a second product of the sample a month earlier
   (snow lower down), mapped by neve:snowmap too, and neve:snowstats over both maps with the DEM ->
   OUT/snow_statistics.csv (snow, no snow, cloud and no data in km2 per date and 100 m band, the
   cloud-corrected estimate, the regional snowline) and the report OUT/snow_statistics.html.

Everything runs through processing.run in a real (offscreen) QGIS, as a user's script would.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def quicklook(snow_map, background, path, size=900):
    """Render the snow map (the plugin's legend) over the natural-colour background into a PNG."""
    from qgis.core import (QgsContrastEnhancement, QgsMapRendererSequentialJob, QgsMapSettings,
                           QgsMultiBandColorRenderer, QgsPalettedRasterRenderer, QgsRasterLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from neve.plugin.processing.styles import snow_map_legend

    base = QgsRasterLayer(background, "natural colours")
    renderer = QgsMultiBandColorRenderer(base.dataProvider(), 3, 2, 1)  # B4, B3, B2
    for band, setter in ((3, renderer.setRedContrastEnhancement), (2, renderer.setGreenContrastEnhancement),
                         (1, renderer.setBlueContrastEnhancement)):
        stretch = QgsContrastEnhancement(base.dataProvider().dataType(band))
        stretch.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
        stretch.setMinimumValue(0.0)
        stretch.setMaximumValue(0.3)
        setter(stretch)
    base.setRenderer(renderer)

    snow = QgsRasterLayer(snow_map, "snow map")
    classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), label)
               for value, colour, label in snow_map_legend()]
    snow.setRenderer(QgsPalettedRasterRenderer(snow.dataProvider(), 1, classes))
    snow.renderer().setOpacity(0.75)

    settings = QgsMapSettings()
    settings.setLayers([snow, base])
    settings.setDestinationCrs(base.crs())
    settings.setExtent(base.extent())
    settings.setOutputSize(QSize(size, size))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path, "PNG")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "demo-output"))
    parser.add_argument("--size", type=int, default=960, help="sample size in 10 m pixels (default 960)")
    args = parser.parse_args(argv)
    out = os.path.abspath(args.out)
    sample = os.path.join(out, "sample")
    os.makedirs(sample, exist_ok=True)

    sys.path.insert(0, os.path.join(ROOT, "tests"))  # the generator and the QGIS start-up helper
    from helpers import start_qgis

    app, _plugin = start_qgis(os.path.join(out, ".import"))
    import processing
    from synthetic import Scene, make_dem, make_theia_product

    scene = Scene.small(size=args.size)
    for name in os.listdir(sample):  # a fresh sample each time
        if name.startswith("SENTINEL2"):
            import shutil
            shutil.rmtree(os.path.join(sample, name), ignore_errors=True)
    product = make_theia_product(sample, scene)
    dem = make_dem(os.path.join(sample, "dem.tif"), scene)
    print("sample product: " + product)

    refined = processing.run("neve:refinecloudmask", {
        "INPUT_PRODUCT": product, "PRESET": 0,
        "OUTPUT": os.path.join(out, "refined_cloud_mask.tif"),
        "OUTPUT_CLASSES": os.path.join(out, "cloud_classes.tif")})
    print("refined cloud mask: {OUTPUT} (cloud {CLOUD_PERCENT:.1f} %, shadow {SHADOW_PERCENT:.1f} %, "
          "buffer {BUFFER_PERCENT:.1f} %)".format(**refined))

    snow = processing.run("neve:snowmap", {
        "INPUT_PRODUCT": product, "CLOUD_MASK": refined["OUTPUT"], "CLOUD_MASK_TYPE": 0, "DEM": dem,
        "OUTPUT": os.path.join(out, "snow_map.tif"),
        "OUTPUT_FSC": os.path.join(out, "fractional_snow_cover.tif"),
        "OUTPUT_VECTOR": os.path.join(out, "snow_polygons.gpkg"),
        "OUTPUT_HTML_FILE": os.path.join(out, "snow_report.html")})
    print("snow map: {OUTPUT} (snow {SNOW_PERCENT:.1f} %, cloud {CLOUD_PERCENT:.1f} %, snowline {line})".format(
        line="{:.0f} m".format(snow["SNOWLINE_ELEVATION"]) if snow["SNOWLINE_ELEVATION"] is not None
        else "none", **snow))

    stacks = processing.run("neve:loadproduct", {
        "INPUT_PRODUCT": product, "OUTPUT_R1": os.path.join(sample, "reflectance_10m.vrt"),
        "OUTPUT_R2": None, "OUTPUT_CLOUD": None, "OUTPUT_SHADOW": None, "OUTPUT_WATER": None,
        "OUTPUT_SNOW": None, "OUTPUT_NODATA": None, "OUTPUT_HTML": os.path.join(sample, "summary.html")})
    quicklook(snow["OUTPUT"], stacks["OUTPUT_R1"], os.path.join(out, "quicklook.png"))
    print("quicklook: " + os.path.join(out, "quicklook.png"))
    print("report: " + snow["OUTPUT_HTML_FILE"])

    # statistics of the sample's maps by elevation band: the same mountain a month earlier, snow lower down
    import datetime

    earlier = make_theia_product(sample, scene.replace(acquisition=datetime.datetime(2021, 5, 16, 10, 56, 31),
                                                       snowline=scene.snowline - 300.0))
    may = processing.run("neve:snowmap", {"INPUT_PRODUCT": earlier, "DEM": dem,
                                          "OUTPUT": os.path.join(out, "snow_map_may.tif")})
    stats = processing.run("neve:snowstats", {
        "INPUTS": [may["OUTPUT"], snow["OUTPUT"]], "DEM": dem, "BAND_WIDTH": 100,
        "OUTPUT_TABLE": os.path.join(out, "snow_statistics.csv"),
        "OUTPUT_HTML": os.path.join(out, "snow_statistics.html")})
    import csv

    with open(stats["OUTPUT_TABLE"], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["elevation_band"] == "all" and row["aspect"] == "all":
                print("statistics {date}: snow {snow:.2f} km2 ({percent:.0f} % of the clear area), estimate "
                      "{estimate:.2f} km2, regional snowline {line} m".format(
                          date=row["date"], snow=float(row["snow_km2"]), percent=float(row["snow_percent"]),
                          estimate=float(row["snow_estimate_km2"]), line=row["snowline_m"] or "none"))
    print("statistics: {} ({} dates), report {}".format(stats["OUTPUT_TABLE"], stats["DATES_USED"],
                                                         stats["OUTPUT_HTML"]))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
