"""Synthetic Landsat 8 and 9 Level-2 products of a :class:`synthetic.Scene`, laid out as the real ones.

::

    from synthetic import Scene
    from synthetic_landsat import make_usgs_product, make_theia_landsat_product, landsat_truth

    scene = Scene.small()                                       # 4.8 km: 160 x 160 px at 30 m
    usgs = make_usgs_product(tmp_path, scene)                   # LC08_L2SP_198030_20210615_20210622_02_T1/
    tar = make_usgs_product(tmp_path, scene, tar=True)          # the same, as the .tar USGS delivers
    theia = make_theia_landsat_product(tmp_path, scene)         # LANDSAT8-OLITIRS-XS_..._L2A_T31TCH_D_V1-9/
    zipped = make_theia_landsat_product(tmp_path, scene, zip=True)
    truth = landsat_truth(scene)                                 # synthetic.Truth on the 30 m grid
    truth.reflectance(LANDSAT_TO_SCENE["B6"])                    # the scene's SWIR (B11) = Landsat B6

The bands are the scene's Sentinel-2 bands of the nearest wavelength (:data:`LANDSAT_TO_SCENE`: Landsat B5
NIR = B8A, B6 SWIR 1.6 um = B11, B7 SWIR 2.2 um = B12), on the scene's grid of 30 m (the scene's extent must
be a multiple of 30 m: the 480 px small scene is 160 px).

**USGS Collection 2 Level-2** (``make_usgs_product``): ``<ID>_SR_B1..B7.TIF`` (uint16, DN =
round((reflectance - add) / mult), 1..65535, 0 no data), ``<ID>_QA_PIXEL.TIF`` (uint16 bits: 0 fill (the
value 1 alone), 1 dilated cloud (three pixels around the clouds' ground disks), 2 cirrus (high clouds), 3
cloud (thick and thin), 4 cloud shadow, 5 snow, 6 clear, 7 water, and the two-bit confidences 8-9 cloud,
10-11 shadow, 12-13 snow, 14-15 cirrus: 3 high where the flag is set, 1 low elsewhere), ``<ID>_QA_RADSAT.TIF``
(bit n-1 saturated band n), ``<ID>_MTL.xml`` and ``<ID>_MTL.txt``: the groups and field names of real
Collection 2 metadata (PRODUCT_CONTENTS, IMAGE_ATTRIBUTES, PROJECTION_ATTRIBUTES, LEVEL2_PROCESSING_RECORD,
LEVEL2_SURFACE_REFLECTANCE_PARAMETERS, LEVEL1_PROCESSING_RECORD, LEVEL1_RADIOMETRIC_RESCALING, ...), with
``REFLECTANCE_MULT_BAND_n`` = ``mult`` and ``REFLECTANCE_ADD_BAND_n`` = ``add`` (2.75e-05 and -0.2 by
default) in the Level-2 group and the top-of-atmosphere 2.0e-05 and -0.1 under the same names in
LEVEL1_RADIOMETRIC_RESCALING (the trap of real files), the sun's azimuth and elevation at the scene centre.
Files sit at the root of the .tar, as USGS delivers them. ``level="L1TP"`` writes a Level-1 bundle
(``<ID>_B1..B7.TIF``, QA_PIXEL, MTL) for the tests of refusal; ``omit`` leaves files out ("QA_PIXEL",
"MTL.xml", "MTL.txt", "B3", ...).

**Theia/MUSCATE Landsat 8** (``make_theia_landsat_product``): ``<ID>_FRE_B1..B7.tif`` and SRE (int16,
reflectance x 10000, no data -10000), ``MASKS/<ID>_CLM_XS.tif``, ``_MG2_XS``, ``_EDG_XS``, ``_SAT_XS`` (the
Sentinel-2 bits; SAT bit n-1 for band n) and ``<ID>_MTD_ALL.xml`` in the MUSCATE layout (PLATFORM
LANDSAT8, ORBIT_NUMBER of type Path, the geopositioning group XS at 30 m, mean sun angles and the 5 km
sun angle grids, REFLECTANCE_QUANTIFICATION_VALUE, the nodata special value, quality indices). ``zone``
is the tile ("T31TCH") or a site ("184-028").
"""
import os
import tarfile
import xml.etree.ElementTree as ET
from datetime import timedelta

import numpy as np

import synthetic
from synthetic import (Scene, Truth, _crs_info, _el, _fmt, _iso, _new_folder, _Raster, _Statistics, _theia_grid,
                       _write_rasters, _write_xml, _zip_folder, sun_angle_grids, theia_reflectance_dn)

RESOLUTION = 30
LANDSAT_BANDS = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")
#: Landsat band -> the scene's (Sentinel-2) band of the nearest wavelength.
LANDSAT_TO_SCENE = {"B1": "B1", "B2": "B2", "B3": "B3", "B4": "B4", "B5": "B8A", "B6": "B11", "B7": "B12"}
USGS_MULT, USGS_ADD = 2.75e-05, -0.2
USGS_L1_MULT, USGS_L1_ADD = 2.0e-05, -0.1
QA_DILATION = 90.0  # metres of "dilated cloud" around the clouds' ground disks


def landsat_truth(scene, window=None):
    """The scene's :class:`synthetic.Truth` on the 30 m grid."""
    return Truth(scene, window, RESOLUTION)


# --------------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------------

def usgs_reflectance_dn(values, mult=USGS_MULT, add=USGS_ADD):
    """uint16 DN of USGS SR bands: round((reflectance - add) / mult), 1..65535, 0 = no data (NaN)."""
    values = np.asarray(values, dtype=np.float64)
    dn = np.clip(np.round((np.nan_to_num(values, nan=0.0) - add) / mult), 1, 65535)
    dn[np.isnan(values)] = 0
    return dn.astype(np.uint16)


def _dilated_cloud(truth):
    """Pixels within QA_DILATION of a cloud's ground disk that are not cloud."""
    ring = np.zeros(truth.shape, bool)
    for cloud in truth.scene.clouds:
        hit = truth._disk(cloud.x, cloud.y, cloud.radius + QA_DILATION)
        if hit:
            rs, cs, m = hit
            ring[rs, cs] |= m
    return ring & ~truth.cloud & ~truth.nodata


def qa_pixel(truth):
    """The USGS QA_PIXEL bit field (uint16) of a truth."""
    valid = ~truth.nodata
    cloud = (truth.cloud_thick | truth.cloud_thin) & valid
    cirrus = truth.cloud_high & valid
    shadow = (truth.shadow | truth.shadow_outside) & valid
    dilated = _dilated_cloud(truth)
    snow = truth.snow & valid & ~truth.cloud
    water = truth.water & valid & ~truth.cloud
    clear = valid & ~cloud & ~cirrus & ~shadow & ~dilated
    qa = np.zeros(truth.shape, np.uint16)
    for bit, layer in ((1, dilated), (2, cirrus), (3, cloud), (4, shadow), (5, snow), (6, clear), (7, water)):
        qa[layer] |= np.uint16(1 << bit)
    for shift, layer in ((8, cloud), (10, shadow), (12, snow), (14, cirrus)):
        qa |= np.where(layer, 3, 1).astype(np.uint16) << np.uint16(shift)
    qa[truth.nodata] = 1
    return qa


def radsat(truth):
    """USGS QA_RADSAT (uint16): bit n-1 where band n is saturated."""
    out = np.zeros(truth.shape, np.uint16)
    for number, band in enumerate(LANDSAT_BANDS, start=1):
        out[truth.saturated(LANDSAT_TO_SCENE[band])] |= np.uint16(1 << (number - 1))
    return out


def theia_landsat_sat(truth):
    """Theia SAT_XS (uint8): bit n-1 where band n is saturated."""
    out = np.zeros(truth.shape, np.uint8)
    for number, band in enumerate(LANDSAT_BANDS, start=1):
        out[truth.saturated(LANDSAT_TO_SCENE[band])] |= np.uint8(1 << (number - 1))
    return out


# --------------------------------------------------------------------------------------------------
# USGS Collection 2
# --------------------------------------------------------------------------------------------------

def usgs_product_id(scene, satellite=8, level="L2SP", path=198, row=30, tier="T1"):
    """LC08_L2SP_198030_20210615_20210622_02_T1 (processed a week after the acquisition)."""
    acquired = scene.acquisition
    processed = acquired + timedelta(days=7)
    return "LC{:02d}_{}_{:03d}{:03d}_{:%Y%m%d}_{:%Y%m%d}_02_{}".format(satellite, level, path, row, acquired,
                                                                       processed, tier)


class Raw(str):
    """A value written without quotes in MTL.txt (numbers, dates)."""


def _number(value, digits=8):
    return Raw("{:.{}f}".format(value, digits))


def usgs_metadata(scene, product_id, satellite=8, level="L2SP", mult=USGS_MULT, add=USGS_ADD, stats=None):
    """The groups of the MTL: ``[(group, [(name, value)])]``, values ``str`` (quoted in MTL.txt) or
    :class:`Raw`."""
    rows, cols = scene.shape(RESOLUTION)
    path, row = int(product_id[10:13]), int(product_id[13:16])
    epsg, _name = _crs_info(scene.crs)
    zone = epsg % 100
    l1_id = product_id.replace("_" + level + "_", "_L1TP_")
    l2 = level.startswith("L2")
    band_prefix = "_SR_B" if l2 else "_B"
    sz, saz = scene.mean_sun_angles()
    cloud = stats["cloud_percent"] if stats else 0.0
    contents = [("ORIGIN", "Image courtesy of the U.S. Geological Survey"),
                ("DIGITAL_OBJECT_IDENTIFIER", "https://doi.org/10.5066/P9OGBGM6"),
                ("LANDSAT_PRODUCT_ID", product_id), ("PROCESSING_LEVEL", level),
                ("COLLECTION_NUMBER", Raw("02")), ("COLLECTION_CATEGORY", product_id[-2:]),
                ("OUTPUT_FORMAT", "GEOTIFF")]
    contents += [("FILE_NAME_BAND_{}".format(n), "{}{}{}.TIF".format(product_id, band_prefix, n))
                 for n in range(1, 8)]
    contents += [("FILE_NAME_QUALITY_L1_PIXEL", product_id + "_QA_PIXEL.TIF"),
                 ("FILE_NAME_QUALITY_L1_RADIOMETRIC_SATURATION", product_id + "_QA_RADSAT.TIF"),
                 ("FILE_NAME_METADATA_ODL", product_id + "_MTL.txt"),
                 ("FILE_NAME_METADATA_XML", product_id + "_MTL.xml")]
    contents += [("DATA_TYPE_BAND_{}".format(n), "UINT16") for n in range(1, 8)]
    attributes = [("SPACECRAFT_ID", "LANDSAT_{}".format(satellite)), ("SENSOR_ID", "OLI_TIRS"),
                  ("WRS_TYPE", Raw("2")), ("WRS_PATH", Raw(str(path))), ("WRS_ROW", Raw(str(row))),
                  ("NADIR_OFFNADIR", "NADIR"), ("TARGET_WRS_PATH", Raw(str(path))),
                  ("TARGET_WRS_ROW", Raw(str(row))),
                  ("DATE_ACQUIRED", Raw("{:%Y-%m-%d}".format(scene.acquisition))),
                  ("SCENE_CENTER_TIME", "{:%H:%M:%S}.{:06d}0Z".format(scene.acquisition,
                                                                      scene.acquisition.microsecond)),
                  ("STATION_ID", "LGN"), ("CLOUD_COVER", _number(cloud, 2)), ("CLOUD_COVER_LAND", _number(cloud, 2)),
                  ("IMAGE_QUALITY_OLI", Raw("9")), ("IMAGE_QUALITY_TIRS", Raw("9")),
                  ("SATURATION_BAND_1", "N"), ("ROLL_ANGLE", _number(-0.001, 3)),
                  ("SUN_AZIMUTH", _number(saz)), ("SUN_ELEVATION", _number(90.0 - sz)),
                  ("EARTH_SUN_DISTANCE", _number(1.0158, 7))]
    e = scene.extent
    projection = [("MAP_PROJECTION", "UTM"), ("DATUM", "WGS84"), ("ELLIPSOID", "WGS84"),
                  ("UTM_ZONE", Raw(str(zone))), ("GRID_CELL_SIZE_REFLECTIVE", _number(RESOLUTION, 2)),
                  ("GRID_CELL_SIZE_THERMAL", _number(RESOLUTION, 2)), ("REFLECTIVE_LINES", Raw(str(rows))),
                  ("REFLECTIVE_SAMPLES", Raw(str(cols))), ("ORIENTATION", "NORTH_UP")]
    half = RESOLUTION / 2.0    # corners are the centres of the corner pixels
    for corner, x, y in (("UL", half, half), ("UR", e - half, half), ("LL", half, e - half),
                         ("LR", e - half, e - half)):
        projection += [("CORNER_{}_PROJECTION_X_PRODUCT".format(corner), _number(scene.ulx + x, 3)),
                       ("CORNER_{}_PROJECTION_Y_PRODUCT".format(corner), _number(scene.uly - y, 3))]
    produced = "{:%Y-%m-%dT%H:%M:%SZ}".format(scene.acquisition + timedelta(days=7))
    groups = [("PRODUCT_CONTENTS", contents), ("IMAGE_ATTRIBUTES", attributes),
              ("PROJECTION_ATTRIBUTES", projection)]
    if l2:
        groups.append(("LEVEL2_PROCESSING_RECORD", [
            ("ORIGIN", "Image courtesy of the U.S. Geological Survey"), ("LANDSAT_PRODUCT_ID", product_id),
            ("PROCESSING_LEVEL", level), ("OUTPUT_FORMAT", "GEOTIFF"), ("DATE_PRODUCT_GENERATED", Raw(produced)),
            ("PROCESSING_SOFTWARE_VERSION", "LPGS_15.4.0"), ("ALGORITHM_SOURCE_SURFACE_REFLECTANCE", "LaSRC_1.5.0")]))
        parameters = []
        for n in range(1, 8):
            parameters += [("REFLECTANCE_MAXIMUM_BAND_{}".format(n), _number(65535 * mult + add, 6)),
                           ("REFLECTANCE_MINIMUM_BAND_{}".format(n), _number(mult + add, 6))]
        for n in range(1, 8):
            parameters += [("QUANTIZE_CAL_MAX_BAND_{}".format(n), Raw("65535")),
                           ("QUANTIZE_CAL_MIN_BAND_{}".format(n), Raw("1"))]
        parameters += [("REFLECTANCE_MULT_BAND_{}".format(n), Raw(repr(mult))) for n in range(1, 8)]
        parameters += [("REFLECTANCE_ADD_BAND_{}".format(n), Raw(repr(add))) for n in range(1, 8)]
        groups.append(("LEVEL2_SURFACE_REFLECTANCE_PARAMETERS", parameters))
    groups.append(("LEVEL1_PROCESSING_RECORD", [
        ("ORIGIN", "Image courtesy of the U.S. Geological Survey"),
        ("LANDSAT_SCENE_ID", "LC{}{:03d}{:03d}{:%Y%j}LGN00".format(satellite, path, row, scene.acquisition)),
        ("LANDSAT_PRODUCT_ID", l1_id), ("PROCESSING_LEVEL", "L1TP"),
        ("DATE_PRODUCT_GENERATED", Raw(produced)), ("PROCESSING_SOFTWARE_VERSION", "LPGS_15.4.0")]))
    rescaling = [("REFLECTANCE_MULT_BAND_{}".format(n), Raw("{:.4E}".format(USGS_L1_MULT))) for n in range(1, 10)]
    rescaling += [("REFLECTANCE_ADD_BAND_{}".format(n), _number(USGS_L1_ADD, 6)) for n in range(1, 10)]
    groups.append(("LEVEL1_RADIOMETRIC_RESCALING", rescaling))
    groups.append(("LEVEL1_PROJECTION_PARAMETERS", [
        ("MAP_PROJECTION", "UTM"), ("DATUM", "WGS84"), ("ELLIPSOID", "WGS84"), ("UTM_ZONE", Raw(str(zone))),
        ("GRID_CELL_SIZE_PANCHROMATIC", _number(15, 2)), ("GRID_CELL_SIZE_REFLECTIVE", _number(30, 2)),
        ("ORIENTATION", "NORTH_UP"), ("RESAMPLING_OPTION", "CUBIC_CONVOLUTION")]))
    return groups


def write_mtl_xml(groups, path):
    root = ET.Element("LANDSAT_METADATA_FILE")
    for group, items in groups:
        element = ET.SubElement(root, group)
        for name, value in items:
            ET.SubElement(element, name).text = str(value)
    _write_xml(root, path)


def write_mtl_text(groups, path):
    lines = ["GROUP = LANDSAT_METADATA_FILE"]
    for group, items in groups:
        lines.append("  GROUP = " + group)
        for name, value in items:
            text = str(value) if isinstance(value, Raw) else '"{}"'.format(value)
            lines.append("    {} = {}".format(name, text))
        lines.append("  END_GROUP = " + group)
    lines += ["END_GROUP = LANDSAT_METADATA_FILE", "END"]
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def make_usgs_product(out_dir, scene=None, tar=False, satellite=8, level="L2SP", mult=USGS_MULT, add=USGS_ADD,
                      path=198, row=30, omit=(), block_rows=256):
    """Write a USGS Collection 2 Landsat product of ``scene`` (default ``Scene.small()``) in ``out_dir``:
    the folder ``<ID>/``, or with ``tar=True`` ``<ID>.tar`` holding its files at its root (the folder is
    then removed). See the module documentation."""
    scene = scene or Scene.small()
    product_id = usgs_product_id(scene, satellite, level, path, row)
    folder = _new_folder(out_dir, product_id, tar)
    l2 = level.startswith("L2")
    rasters = []
    for number, band in enumerate(LANDSAT_BANDS, start=1):
        if band in omit:
            continue
        source = LANDSAT_TO_SCENE[band]
        name = "{}_SR_B{}.TIF".format(product_id, number) if l2 else "{}_B{}.TIF".format(product_id, number)
        rasters.append(_Raster(os.path.join(folder, name), "uint16",
                               lambda t, b=source: usgs_reflectance_dn(t.reflectance(b), mult, add), nodata=0))
    if "QA_PIXEL" not in omit:
        rasters.append(_Raster(os.path.join(folder, product_id + "_QA_PIXEL.TIF"), "uint16", qa_pixel, nodata=1))
    rasters.append(_Raster(os.path.join(folder, product_id + "_QA_RADSAT.TIF"), "uint16", radsat))
    stats = _Statistics()
    _write_rasters(scene, RESOLUTION, rasters, block_rows, stats.add)
    groups = usgs_metadata(scene, product_id, satellite, level, mult, add, stats.result())
    if "MTL.xml" not in omit:
        write_mtl_xml(groups, os.path.join(folder, product_id + "_MTL.xml"))
    if "MTL.txt" not in omit:
        write_mtl_text(groups, os.path.join(folder, product_id + "_MTL.txt"))
    if tar:
        return _tar_folder(folder, os.path.join(str(out_dir), product_id + ".tar"))
    return folder


def _tar_folder(folder, tar_path):
    """The files of ``folder`` at the root of an uncompressed tar (as USGS delivers them); the folder and
    its staging folder removed."""
    import shutil

    tmp = tar_path + ".partial"
    with tarfile.open(tmp, "w", format=tarfile.GNU_FORMAT) as archive:
        for name in sorted(os.listdir(folder)):
            archive.add(os.path.join(folder, name), arcname=name)
    os.replace(tmp, tar_path)
    base = os.path.dirname(folder)
    shutil.rmtree(base if os.path.basename(base).startswith(".staging-") else folder)
    return tar_path


# --------------------------------------------------------------------------------------------------
# Theia/MUSCATE Landsat 8
# --------------------------------------------------------------------------------------------------

def theia_landsat_product_id(scene, zone="T31TCH", satellite=8, product_type="D", version="1-9"):
    """LANDSAT8-OLITIRS-XS_YYYYMMDD-HHMMSS-mmm_L2A_<zone>_<type>_V<version>"""
    t = scene.acquisition
    return "LANDSAT{}-OLITIRS-XS_{:%Y%m%d-%H%M%S}-{:03d}_L2A_{}_{}_V{}".format(
        satellite, t, t.microsecond // 1000, zone, product_type, version)


def make_theia_landsat_product(out_dir, scene=None, zip=False, zone="T31TCH", satellite=8, metadata=True,
                               block_rows=256):
    """Write a Theia/MUSCATE Landsat L2A product of ``scene`` (default ``Scene.small()``); the folder, or
    with ``zip=True`` the .zip holding it. See the module documentation."""
    scene = scene or Scene.small()
    product_id = theia_landsat_product_id(scene, zone, satellite)
    folder = _new_folder(out_dir, product_id, zip)
    os.makedirs(os.path.join(folder, "MASKS"))
    rasters = []
    for kind in ("FRE", "SRE"):
        for band in LANDSAT_BANDS:
            source = LANDSAT_TO_SCENE[band]
            make = (lambda t, b=source: theia_reflectance_dn(t.reflectance(b))) if kind == "FRE" else \
                (lambda t, b=source: theia_reflectance_dn(t.sre(b)))
            rasters.append(_Raster(os.path.join(folder, "{}_{}_{}.tif".format(product_id, kind, band)), "int16",
                                   make, nodata=synthetic.THEIA_NODATA))
    for name, make in (("CLM", lambda t: t.clm), ("MG2", lambda t: t.mg2), ("EDG", lambda t: t.edg),
                       ("SAT", theia_landsat_sat)):
        rasters.append(_Raster(os.path.join(folder, "MASKS", "{}_{}_XS.tif".format(product_id, name)), "uint8",
                               make))
    stats = _Statistics()
    _write_rasters(scene, RESOLUTION, rasters, block_rows, stats.add)
    if metadata:
        _write_theia_landsat_metadata(scene, folder, product_id, stats.result(), zone, satellite)
    if zip:
        return _zip_folder(folder, os.path.join(str(out_dir), product_id + ".zip"))
    return folder


def _write_theia_landsat_metadata(scene, folder, product_id, stats, zone, satellite):
    epsg, crs_name = _crs_info(scene.crs)
    root, dataset = synthetic._muscate_document(product_id, "LANDSAT", zone)

    chars = _el(root, "Product_Characteristics")
    _el(chars, "PRODUCT_ID", product_id)
    _el(chars, "ACQUISITION_DATE", _iso(scene.acquisition))
    _el(chars, "PRODUCTION_DATE", _iso(scene.production))
    _el(chars, "PRODUCT_VERSION", product_id.rsplit("_V", 1)[1].replace("-", "."))
    _el(chars, "PRODUCT_LEVEL", "L2A")
    _el(chars, "PLATFORM", "LANDSAT{}".format(satellite))
    _el(chars, "SPECTRAL_CONTENT", "XS")
    _el(chars, "ORBIT_NUMBER", 198, type="Path")
    utc = _el(chars, "UTC_Acquisition_Range")
    _el(utc, "MEAN", _iso(scene.acquisition))
    _el(utc, "DATE_PRECISION", "0.001", unit="s")
    global_list = _el(chars, "Band_Global_List", count=len(LANDSAT_BANDS))
    for band in LANDSAT_BANDS:
        _el(global_list, "BAND_ID", band)
    band_list = _el(_el(_el(chars, "Band_Group_List"), "Group", group_id="XS"), "Band_List",
                    count=len(LANDSAT_BANDS))
    for band in LANDSAT_BANDS:
        _el(band_list, "BAND_ID", band)

    product = _el(_el(root, "Product_Organisation"), "Muscate_Product")
    _el(product, "QUICKLOOK", "{}_QKL_ALL.jpg".format(product_id), bands_id="B4,B3,B2")
    images = _el(product, "Image_List")
    for nature, kind in (("Surface_Reflectance", "SRE"), ("Flat_Reflectance", "FRE")):
        image = _el(images, "Image")
        synthetic._image_properties(image, "Image_Properties", nature, "int16")
        files = _el(image, "Image_File_List")
        for band in LANDSAT_BANDS:
            _el(files, "IMAGE_FILE", "{}_{}_{}.tif".format(product_id, kind, band), band_id=band)
    masks = _el(product, "Mask_List")
    for nature, name, bit in (("Detailed_Cloud", "CLM", None), ("Edge", "EDG", None), ("Saturation", "SAT", None),
                              ("Water", "MG2", 1), ("Cloud", "MG2", 2), ("Snow", "MG2", 3), ("Cloud_Shadow", "MG2", 4),
                              ("Topography_Shadow", "MG2", 5), ("Hidden_Surface", "MG2", 6),
                              ("Sun_Too_Low", "MG2", 7), ("Tangent_Sun", "MG2", 8)):
        mask = _el(masks, "Mask")
        synthetic._image_properties(mask, "Mask_Properties", nature, "byte")
        attributes = {"group_id": "XS"}
        if bit is not None:
            attributes["bit_number"] = bit
        _el(_el(mask, "Mask_File_List"), "MASK_FILE", "MASKS/{}_{}_XS.tif".format(product_id, name), **attributes)

    geopos = _el(root, "Geoposition_Informations")
    crs_el = _el(geopos, "Coordinate_Reference_System")
    _el(crs_el, "GEO_TABLES", "EPSG")
    horizontal = _el(crs_el, "Horizontal_Coordinate_System")
    _el(horizontal, "HORIZONTAL_CS_TYPE", "PROJECTED")
    _el(horizontal, "HORIZONTAL_CS_NAME", crs_name)
    _el(horizontal, "HORIZONTAL_CS_CODE", epsg)
    for tag, cs_tag in (("Raster_CS", "RASTER_CS_TYPE"), ("Metadata_CS", "METADATA_CS_TYPE")):
        cs = _el(geopos, tag)
        _el(cs, cs_tag, "CELL")
        _el(cs, "PIXEL_ORIGIN", 0)
    rows, cols = scene.shape(RESOLUTION)
    group = _el(_el(_el(geopos, "Geopositioning"), "Group_Geopositioning_List"), "Group_Geopositioning",
                group_id="XS")
    for tag, value in (("ULX", scene.ulx), ("ULY", scene.uly), ("XDIM", RESOLUTION), ("YDIM", -RESOLUTION),
                       ("NROWS", rows), ("NCOLS", cols)):
        _el(group, tag, _fmt(value))

    geometric = _el(root, "Geometric_Informations")
    means = _el(geometric, "Mean_Value_List")
    sun = _el(means, "Sun_Angles")
    sz, saz = scene.mean_sun_angles()
    _el(sun, "ZENITH_ANGLE", _fmt(sz, 15), unit="deg")
    _el(sun, "AZIMUTH_ANGLE", _fmt(saz, 15), unit="deg")
    sun_grids = _el(_el(geometric, "Angles_Grids_List"), "Sun_Angles_Grids")
    for tag, values in zip(("Zenith", "Azimuth"), sun_angle_grids(scene)):
        _theia_grid(sun_grids, tag, values)

    radiometric = _el(root, "Radiometric_Informations")
    _el(radiometric, "REFLECTANCE_QUANTIFICATION_VALUE", synthetic.REFLECTANCE_SCALE)
    specials = _el(radiometric, "Special_Values_List")
    _el(specials, "SPECIAL_VALUE", synthetic.THEIA_NODATA, name="nodata")
    quality = _el(_el(_el(root, "Quality_Informations"), "Current_Product"), "Product_Quality_List", level="N2")
    indices = _el(_el(quality, "Product_Quality"), "Global_Index_List")
    for name, value in (("CloudPercent", int(round(stats["cloud_percent"]))),
                        ("SnowPercent", int(round(stats["snow_percent"]))), ("RainDetected", "false"),
                        ("HotSpotDetected", "false"), ("SunGlintDetected", "false"),
                        ("CirrusDetected", str(stats["cloud_high"] > 0).lower())):
        _el(indices, "QUALITY_INDEX", value, name=name)
    _write_xml(root, os.path.join(folder, product_id + "_MTD_ALL.xml"))


__all__ = ["LANDSAT_BANDS", "LANDSAT_TO_SCENE", "USGS_MULT", "USGS_ADD", "landsat_truth", "usgs_reflectance_dn",
           "qa_pixel", "usgs_product_id", "usgs_metadata", "make_usgs_product", "theia_landsat_product_id",
           "make_theia_landsat_product"]
