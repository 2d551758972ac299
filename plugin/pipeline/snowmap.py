"""The snow map of a whole product (``snowmap``): the LIS method of ``pipeline/lis.py`` on the product's grid
(20 m on Sentinel-2, 30 m on Landsat 8 and 9).

::

    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, SnowMapParams, snow_map

    result = snow_map(SnowMapInputs(input_product="SENTINEL2A_..._V1-4.zip", dem="dem.tif"),
                      SnowMapParams(ndsi_pass1=0.4), SnowMapOutputs(output="snow.tif"))
    print(result.snowline_elevation, result.snow_percent, result.cloud_percent)

This module resolves the inputs (:class:`ProductSource`: the product or the band layers, the cloud mask,
the DEM in any CRS, the tree cover), reads them onto the grid of the product's SWIR band strip by strip
(green and red from 10 m with ``core.snow.cubic_downsample``, LIS's cubic warp; the DEM with cubic
splines; on Landsat every band is on the 30 m grid), hands them to
:func:`~.lis.run_lis`, writes the outputs (tiled, compressed GeoTIFFs through temporary files renamed
only when every output is complete), the snow and cloud polygons and the HTML report.
"""
import contextlib
import dataclasses
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ..core import missions, snow
from ..core.defaults import DARKCLOUD_SIZE, LIS_DEFAULTS, LIS_OPTIONS
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, label_value, tr
from ..io.raster import (Grid, GeoTiffWriter, aligned_factor, bounded_gdal_cache, open_raster, output_file,
                         read_onto_grid)
from . import lis
from .algorithms.common import DEFAULT_OFFSET, DEFAULT_SCALE
from .algorithms.snowmap import spec as declaration
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import check_elevation_bands, looks_like_scl, open_input
from .spec import from_values, not_a_result, results_of

#: GDAL's block cache while the inputs stream through (strips are read once; the cache only needs the
#: tiles shared by two strips).
GDAL_CACHE_MB = 64

#: The masks of a product that tell water: MAJA MG2 bit 0, Sen2Cor SCL class 6, Landsat QA_PIXEL bit 7.
PRODUCT_WATER_MASKS = frozenset({"MG2", "SCL", "QA_PIXEL"})

#: The parts of the bands in ``lis``'s source protocol (keys named after the Sentinel-2 bands) and the roles
#: of ``core/missions.py`` that give the product's band for each.
LIS_ROLES = (("B3", "green"), ("B4", "red"), ("B11", "swir"))

#: The outputs that are rasters of the LIS layers, by output parameter.
RASTER_OUTPUTS = {"output": lis.MAP, "output_bits": lis.BITS, "output_ndsi": lis.NDSI, "output_fsc": lis.FSC,
                  "output_fsc_og": lis.FSC_OG, "output_qc": lis.QC}


@dataclass(frozen=True)
class SnowMapInputs:
    """A product (``input_product``: folder, .zip or metadata file), or the bands as rasters (``green``,
    ``red`` at 10 or 20 m, ``swir`` whose grid the map takes); an optional cloud mask raster (replaces the
    product's CLM or SCL), DEM (any CRS and resolution), tree cover density (percent) and water mask
    (non-zero = water, for example EU-Hydro rasterised)."""

    input_product: str = None
    green: str = None
    red: str = None
    swir: str = None
    cloud_mask: str = None
    dem: str = None
    tcd: str = None
    water_mask: str = None


#: Where water comes from (``water_source``): nowhere (LIS's default: water may be snow; the QC water bit
#: then comes from the product's mask when it has one), the product's water mask, the WATER_MASK layer.
WATER_SOURCES = ("none", "product", "layer")


@dataclass(frozen=True)
class SnowMapParams:
    """The thresholds and options of the method; defaults: LIS (``core/defaults.py``). The options are off
    by default: ``strict_cloud_mask``, ``remove_snow_inside_cloud`` (LIS pass 1.5, with its dilation
    radius in pixels, threshold (cloud fraction of the ring) and minimum area in pixels), ``water_source``
    (:data:`WATER_SOURCES`: water pixels are never snow), ``shaded_snow`` (QC bit 6 from the cast shadows
    of the relief, with the sun angles of the product, or ``sun_zenith`` and ``sun_azimuth`` in degrees).

    The dark-cloud test averages the red band over ``resize_factor`` pixels of the map; at its default (12,
    LIS on Sentinel-2) the factor is the one of ``darkcloud_size`` metres on the map's grid instead (240 m:
    12 at 20 m, 8 at 30 m as LIS on Landsat 8): :func:`effective_resize_factor`."""

    ndsi_pass1: float = LIS_DEFAULTS["NDSI_PASS1"]
    red_pass1: float = LIS_DEFAULTS["RED_PASS1"]
    ndsi_pass2: float = LIS_DEFAULTS["NDSI_PASS2"]
    red_pass2: float = LIS_DEFAULTS["RED_PASS2"]
    red_darkcloud: float = LIS_DEFAULTS["RED_DARKCLOUD"]
    red_backtocloud: float = LIS_DEFAULTS["RED_BACKTOCLOUD"]
    dz: float = LIS_DEFAULTS["DZ"]
    fsnow_lim: float = LIS_DEFAULTS["FSNOW_LIM"]
    fclear_lim: float = LIS_DEFAULTS["FCLEAR_LIM"]
    fsnow_total_lim: float = LIS_DEFAULTS["FSNOW_TOTAL_LIM"]
    resize_factor: int = LIS_DEFAULTS["RESIZE_FACTOR"]
    darkcloud_size: float = DARKCLOUD_SIZE
    nodata_code: int = LIS_DEFAULTS["NODATA_CODE"]
    snowline_count_nodata: bool = True
    fsc_formula: str = "gascoin2020"
    cloud_mask_type: str = "clm"
    reflectance_scale: float = DEFAULT_SCALE
    reflectance_offset: float = DEFAULT_OFFSET
    strict_cloud_mask: bool = LIS_OPTIONS["STRICT_CLOUD_MASK"]
    remove_snow_inside_cloud: bool = LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD"]
    remove_snow_inside_cloud_dilation_radius: int = LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_DILATION_RADIUS"]
    remove_snow_inside_cloud_threshold: float = LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_THRESHOLD"]
    remove_snow_inside_cloud_min_area: int = LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_MIN_AREA"]
    water_source: str = "none"
    shaded_snow: bool = False
    sun_zenith: float = None
    sun_azimuth: float = None


@dataclass(frozen=True)
class SnowMapOutputs:
    """Paths of the outputs to write (None: not written). ``output``, the map, is required."""

    output: str = None
    output_bits: str = None
    output_ndsi: str = None
    output_fsc: str = None
    output_fsc_og: str = None
    output_qc: str = None
    output_vector: str = None
    output_html_file: str = None


@dataclass(frozen=True)
class SnowMapResult:
    """What a run gives: the outputs written, the snowline elevation (m, None when pass 2 did not run), the
    snow and cloud percentages of the valid pixels, the warnings, and for styling the values present in
    the bit field and the QC flags."""

    outputs: SnowMapOutputs = field(metadata=not_a_result())
    snowline_elevation: float = None
    snow_percent: float = 0.0
    cloud_percent: float = 0.0
    pass2: bool = field(default=False, metadata=not_a_result())
    warnings: tuple = field(default=(), metadata=not_a_result())
    bits_present: frozenset = field(default=frozenset(), metadata=not_a_result())
    qc_present: frozenset = field(default=frozenset(), metadata=not_a_result())
    product_name: str = field(default=None, metadata=not_a_result())
    acquisition: object = field(default=None, metadata=not_a_result())


def run(values, feedback=None):
    """The ``snowmap`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = snow_map(from_values(SnowMapInputs, values), from_values(SnowMapParams, values),
                      from_values(SnowMapOutputs, values), feedback)
    return results_of(result.outputs, result)


# --------------------------------------------------------------------------------------------------
# Checks of the parameters and outputs
# --------------------------------------------------------------------------------------------------

THRESHOLD_PARAMETERS = {"ndsi_pass1": "NDSI_PASS1", "red_pass1": "RED_PASS1", "ndsi_pass2": "NDSI_PASS2",
                        "red_pass2": "RED_PASS2", "dz": "DZ", "resize_factor": "RESIZE_FACTOR",
                        "fsnow_lim": "FSNOW_LIM", "fclear_lim": "FCLEAR_LIM",
                        "fsnow_total_lim": "FSNOW_TOTAL_LIM", "nodata_code": "NODATA_CODE"}


def effective_resize_factor(params, pixel_size):
    """The resize factor of the dark-cloud test on pixels of ``pixel_size`` metres: ``params.resize_factor``
    when it is not the default (12), else ``params.darkcloud_size`` / pixel size (12 at 20 m, 8 at 30 m)."""
    if int(params.resize_factor) != LIS_DEFAULTS["RESIZE_FACTOR"]:
        return int(params.resize_factor)
    return missions.dark_cloud_factor(pixel_size, params.darkcloud_size)


def check_params(params):
    """A :class:`~..errors.NeveError` naming every problem of ``core.snow.threshold_errors``."""
    values = {name: getattr(params, name) for name in THRESHOLD_PARAMETERS}
    problems = snow.threshold_errors(**values)
    if problems:
        raise NeveError("bad_thresholds", " ".join(threshold_message(code, name, values) for code, name in problems))
    check_elevation_bands(None, None, params.dz, "DZ")
    if params.fsc_formula not in snow.FSC_FORMULAS:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a fractional snow cover formula ({choices})."),
                        value=params.fsc_formula, choices=", ".join(snow.FSC_FORMULAS))
    if not params.darkcloud_size > 0:
        raise NeveError("bad_thresholds", QT_TR_NOOP(
            "The averaging size of the dark-cloud test must be above 0 m (it is {value:g})."),
            value=params.darkcloud_size)
    if params.water_source not in WATER_SOURCES:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a source of water ({choices})."),
                        value=params.water_source, choices=", ".join(WATER_SOURCES))
    if params.remove_snow_inside_cloud and not (
            params.remove_snow_inside_cloud_dilation_radius >= 0
            and 0 <= params.remove_snow_inside_cloud_threshold <= 1
            and params.remove_snow_inside_cloud_min_area >= 0):
        raise NeveError("bad_thresholds", QT_TR_NOOP(
            "Removing snow inside clouds needs a dilation radius and a minimum area of at least 0 pixels and a "
            "threshold between 0 and 1."))
    for name, value, high in (("SUN_ZENITH", params.sun_zenith, 90.0), ("SUN_AZIMUTH", params.sun_azimuth, 360.0)):
        if value is not None and not 0 <= value <= high:
            raise NeveError("out_of_range", QT_TR_NOOP("{parameter} must lie between 0 and {high:g} degrees (it is "
                                                       "{value:g})."), parameter=name, high=high, value=value)


def threshold_message(code, name, values):
    """The translated message of a problem code of ``core.snow.threshold_errors``."""
    parameter = THRESHOLD_PARAMETERS[name]
    if code == snow.ERROR_NDSI_PASS2_ABOVE_PASS1:
        return tr("The NDSI threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must "
                  "not be stricter than pass 1.").format(pass2=values["ndsi_pass2"], pass1=values["ndsi_pass1"])
    if code == snow.ERROR_RED_PASS2_ABOVE_PASS1:
        return tr("The red threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must "
                  "not be stricter than pass 1.").format(pass2=values["red_pass2"], pass1=values["red_pass1"])
    if code == snow.ERROR_NOT_POSITIVE:
        return tr("{parameter} must be above 0 (it is {value:g}).").format(parameter=parameter, value=values[name])
    if code == snow.ERROR_NOT_FRACTION:
        return tr("{parameter} is a fraction: it must lie between 0 and 1 (it is {value:g}).").format(
            parameter=parameter, value=values[name])
    return tr("The no-data code must be 254 or 255 (it is {value}).").format(value=values[name])


def check_outputs(outputs, inputs):
    if not outputs.output:
        raise NeveError("no_output", QT_TR_NOOP("No output file was given for the snow map."))
    if outputs.output_vector and not outputs.output_vector.lower().endswith(".gpkg"):
        raise NeveError("vector_not_gpkg", QT_TR_NOOP(
            "The snow and cloud polygons are written as a GeoPackage: give a file name ending in .gpkg "
            "(not {path})."), path=outputs.output_vector)
    if inputs.tcd is None and (outputs.output_fsc_og or outputs.output_qc):
        raise NeveError("tcd_needed", QT_TR_NOOP(
            "The on-ground fractional snow cover and the QC flags need a tree cover density layer (TCD)."))


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@job(declaration)
def snow_map(inputs, params=SnowMapParams(), outputs=SnowMapOutputs(), feedback=None, scratch_dir=None,
             block_rows=None):
    """The snow map of ``inputs`` with ``params``, written to ``outputs``; a :class:`SnowMapResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either).
    """
    feedback = as_feedback(feedback)
    check_params(params)
    check_outputs(outputs, inputs)
    wanted = {layer for name, layer in RASTER_OUTPUTS.items() if getattr(outputs, name)}
    with bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
        source = ProductSource(inputs, params, stack, feedback, water=bool(outputs.output_qc),
                               shade=bool(outputs.output_qc))
        params = source.params
        sink = GeoTiffSink(outputs, source, params, stack)
        result = lis.run_lis(source, params, wanted, sink, feedback, stack, block_rows=block_rows,
                             scratch_dir=scratch_dir)
        sink.dataset(lis.MAP).update_tags(**{
            "ZS": "" if result.zs is None else "{:g}".format(result.zs),
            "SNOW_PERCENT": "{:.4f}".format(result.snow_percent),
            "CLOUD_PERCENT": "{:.4f}".format(result.cloud_percent),
            "NODATA_CODE": str(params.nodata_code), "METHOD": "Let-It-Snow (LIS) two-pass snow detection"})
        warnings = list(source.warnings) + result.warnings
        if params.shaded_snow and not outputs.output_qc:
            warnings.append(tr("The shaded snow is written in the QC flags (bit 6): ask for the QC flags output "
                               "to get it."))
        if params.remove_snow_inside_cloud:
            feedback.info(tr("Snow inside clouds (LIS pass 1.5): {objects} pass-1 snow objects ({pixels} pixels) "
                             "went back to cloud.").format(objects=result.removed_objects,
                                                            pixels=result.removed_pixels))
        # the polygons and the report, written before the rasters are renamed (all or nothing)
        if outputs.output_vector:
            polygonize(sink.map_copy, source.grid, outputs.output_vector, feedback, stack)
            feedback.progress(98)
        if outputs.output_html_file:
            from .report import write_text
            from .snowmap_report import snow_report

            write_text(outputs.output_html_file, snow_report(source, params, result, warnings), stack)
        for warning in warnings:
            feedback.warning(warning)
        for line in summary_lines(source, result):
            feedback.info(line)
        checkpoint(feedback)    # a cancel asked during the last strip is honoured too
    feedback.progress(100)
    product = source.product
    return SnowMapResult(outputs=outputs, snowline_elevation=result.zs, snow_percent=result.snow_percent,
                         cloud_percent=result.cloud_percent, pass2=result.zs is not None, warnings=tuple(warnings),
                         bits_present=frozenset(result.bits_present), qc_present=frozenset(result.qc_present),
                         product_name=source.name, acquisition=product.acquisition)


def pass2_text(source, result):
    """What became of pass 2, in words: run above the snowline, or why it was skipped."""
    if result.zs is not None:
        return tr("run above the snowline ({zs:.0f} m)").format(zs=result.zs)
    if not source.has_dem:
        return tr("skipped, no DEM")
    if result.counts is None:
        return tr("skipped, the DEM gives no elevation band over the scene")
    if result.line is None or result.line.zs is None:
        return tr("skipped, no elevation band is snowy")
    return tr("skipped, pass 1 found too little snow")


def summary_lines(source, result):
    """The result of a run as lines of the log, as ``neve:loadproduct`` sums up a product."""
    lines = [tr("Snow map of {product}").format(product=source.name)]
    snowline = tr("{zs:.0f} m").format(zs=result.zs) if result.zs is not None else tr("none")
    lines.append("  " + label_value(tr("Snowline elevation"), snowline))
    lines.append("  " + label_value(tr("Snow"), tr("{percent:.1f} % of the valid pixels").format(
        percent=result.snow_percent)))
    lines.append("  " + label_value(tr("Cloud"), tr("{percent:.1f} % of the valid pixels").format(
        percent=result.cloud_percent)))
    lines.append("  " + label_value(tr("Pass 2"), pass2_text(source, result)))
    return lines


class GeoTiffSink:
    """The outputs of the run as GeoTIFFs (temporary files renamed when the stack closes without an
    error), and a copy of the map in memory when the polygons are wanted."""

    def __init__(self, outputs, source, params, stack):
        grid = source.grid
        acquisition = source.product.acquisition
        # the acquisition date travels with the maps, so that neve:snowseason dates them by itself
        tags = {"ACQUISITION_DATE": acquisition.strftime("%Y-%m-%dT%H:%M:%SZ")} if acquisition else None
        if source.product.mission == missions.LANDSAT:   # neve:snowseason brings them to Sentinel-2's grid
            tags = dict(tags or {}, MISSION=missions.LANDSAT)
        code = params.nodata_code
        kinds = {lis.MAP: ("uint8", code), lis.BITS: ("uint8", None), lis.NDSI: ("float32", float("nan")),
                 lis.FSC: ("uint8", code), lis.FSC_OG: ("uint8", code), lis.QC: ("uint8", None)}
        self.writers = {}
        for name, layer in RASTER_OUTPUTS.items():
            path = getattr(outputs, name)
            if path:
                dtype, nodata = kinds[layer]
                self.writers[layer] = stack.enter_context(GeoTiffWriter(
                    path, grid.width, grid.height, grid.crs, grid.transform, dtype, nodata=nodata, tags=tags))
        self.map_copy = np.empty(grid.shape, dtype=np.uint8) if outputs.output_vector else None

    def write(self, name, values, window):
        if name in self.writers:
            self.writers[name].write(values, window)
        if name == lis.MAP and self.map_copy is not None:
            self.map_copy[lis.rows_of(window)] = values

    def dataset(self, name):
        return self.writers[name].dataset


# --------------------------------------------------------------------------------------------------
# Inputs on the 20 m grid
# --------------------------------------------------------------------------------------------------

class BandReader:
    """Digital numbers of one band on strips of the output grid: read as they are when the band is on
    that grid, brought from a finer grid whose pixels it groups by ``snow.cubic_downsample`` (LIS's cubic
    warp, 10 m to 20 m), warped by GDAL (cubic) from any other grid."""

    def __init__(self, dataset, grid, nodata, nearest=False):
        self.dataset, self.grid, self.nodata = dataset, grid, nodata
        self.source = Grid.of(dataset)
        self.fill = nodata if nodata is not None else 0
        self.aligned = aligned_factor(self.source, grid)
        self.mode = "warp" if self.aligned is None else ("same" if self.aligned[0] == 1 else "aligned")
        if nearest and self.mode != "same":
            self.mode = "nearest"   # a coarse preview: the pixel under each centre, never averaged
        self.dtype = dataset.dtypes[0]

    @property
    def result_dtype(self):
        """The dtype of what :meth:`read` returns (a float band brought from 10 m gives float32)."""
        return np.dtype(self.dtype if self.mode != "aligned" or self.dtype[0] != "f" else "float32")

    def read(self, window):
        return self._read(window)[0]

    def _read(self, window):
        """(values, the fine pixels read and their margin and factor when brought from a finer grid, else
        None)."""
        from rasterio.windows import Window

        target = self.grid.window_grid(window)
        if self.mode == "same":
            return read_onto_grid(self.dataset, target, fill=self.fill), None
        if self.mode in ("warp", "nearest"):
            return read_onto_grid(self.dataset, target, resampling="cubic" if self.mode == "warp" else "nearest",
                                  nodata=self.nodata, fill=self.fill), None
        factor, col, row = self.aligned
        margin = snow.cubic_halo(factor)
        top = row + factor * int(window.row_off) - margin
        left = col + factor * int(window.col_off) - margin
        rows = factor * int(window.height) + 2 * margin
        cols = factor * int(window.width) + 2 * margin
        fine = read_onto_grid(self.dataset, self.source.window_grid(Window(left, top, cols, rows)), fill=self.fill)
        values, _invalid = snow.cubic_downsample(fine, factor, self.nodata, first_row=top, first_col=left,
                                                 height=self.source.height, width=self.source.width)
        return values, (fine, margin, factor)

    def read_with_missing(self, window):
        """``(values, missing)``: :meth:`read`, and the pixels where the band has no data over the whole of
        what it gives them (a pixel of a finer band is missing when all the fine pixels of its footprint are:
        cubic convolution maps the others, as LIS does), None when it has no no-data value."""
        values, fine = self._read(window)
        if self.nodata is None and values.dtype.kind != "f":
            return values, None
        if fine is None:
            return values, self.is_nodata(values)
        fine, margin, factor = fine
        height, width = values.shape
        footprint = self.is_nodata(fine[margin:margin + factor * height, margin:margin + factor * width])
        return values, all_of_blocks(footprint, factor)

    def is_nodata(self, values):
        missing = np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape, bool)
        if self.nodata is not None and not (isinstance(self.nodata, float) and np.isnan(self.nodata)):
            missing |= values == self.nodata
        return missing


def all_of_blocks(mask, factor):
    """Whether every pixel of each ``factor`` x ``factor`` block of the boolean ``mask`` is set: the value
    of ``mask.reshape(h, f, w, f).all(axis=(1, 3))``, made of ``f * f`` strided element-wise ANDs (a
    numpy reduction over two short axes is ten times slower), and without any pass but one when no pixel
    is set (a strip without no data, the usual case)."""
    height, width = mask.shape[0] // factor, mask.shape[1] // factor
    if not mask.any():
        return np.zeros((height, width), dtype=bool)
    out = mask[0::factor, 0::factor].copy()
    for i in range(factor):
        for j in range(factor):
            if i or j:
                out &= mask[i::factor, j::factor]
    return out


class ProductSource:
    """The inputs of the method on the output grid (a :mod:`~.lis` source): the product or layers, the
    cloud mask, the DEM, the tree cover, resolved and checked before anything is written.

    ``grid``: the map's grid; by default the product's grid of its SWIR band (20 m on Sentinel-2, 30 m on
    Landsat; ``Product.native_resolution``) or the SWIR layer's. The preview passes the grid of the view,
    the ``product`` it keeps open, and ``nearest`` for a view coarser than the product's grid (each preview
    pixel is then the real pixel under its centre, never an average).

    The bands are the product's green, red and SWIR (``Product.band_for``: B3, B4, B11 on Sentinel-2, B3,
    B4, B6 on Landsat), handed to ``lis`` under the keys "B3", "B4" and "B11" of its source protocol (the
    parts LIS gives them, named after the Sentinel-2 bands it was written for). ``params``: the parameters
    with the resize factor of the dark-cloud test on this grid (:func:`effective_resize_factor`).

    ``water``: read the product's water mask for the QC flags (when ``params.water_source`` chooses no
    other); ``shade``: the shaded snow is wanted (with ``params.shaded_snow``): resolve the sun angles."""

    def __init__(self, inputs, params, stack, feedback, water=False, grid=None, product=None, nearest=False,
                 shade=True):
        self.warnings = []      # shown at the end, in the log and the report
        labels = {p.name: p.label for p in declaration().parameters}
        self.labels = labels
        self.nearest = nearest
        if product is None:
            product = stack.enter_context(open_input(
                inputs.input_product, bands={"B3": inputs.green, "B4": inputs.red, "B11": inputs.swir},
                scale=params.reflectance_scale, offset=params.reflectance_offset,
                layer_labels=[labels["GREEN"], labels["RED"], labels["SWIR"]], feedback=feedback))
            product.require([product.band_for(role) for role in ("green", "red", "swir")])
        self.product = product
        self.name = product.name
        # lis's key of each part -> the product's band
        self.band_names = {key: product.band_for(role) for key, role in LIS_ROLES}

        def open_path(path):
            return stack.enter_context(open_raster(path))

        # the grid: the product's grid of its SWIR band (20 m, Landsat 30 m), or the SWIR layer's
        native = product.native_resolution
        swir = open_path(product.file(self.band_names["B11"], native))
        self.grid = grid or (product.grid(native) if product.kind != "bands" else Grid.of(swir))
        self.params = dataclasses.replace(params, resize_factor=effective_resize_factor(params, self.grid.resolution))

        self.bands = {}
        for key, parameter in (("B3", "GREEN"), ("B4", "RED"), ("B11", "SWIR")):
            dataset = swir if key == "B11" else open_path(product.file(self.band_names[key], 10))
            if product.kind == "bands":
                self.check_crs(dataset, labels[parameter])
            nodata = product.reflectance_nodata if product.reflectance_nodata is not None else dataset.nodata
            self.bands[key] = BandReader(dataset, self.grid, nodata, nearest)
        self.dtypes = {key: reader.result_dtype for key, reader in self.bands.items()}
        self.radiometry = lis.Radiometry(
            scale=float(product.reflectance_scale),
            offsets={key: float(product.reflectance_offsets.get(self.band_names[key], 0.0)) for key in self.bands},
            nodata={key: reader.nodata for key, reader in self.bands.items()})
        # layers that do not cover the whole scene: outside them, the map has no data
        self.footprints = {}
        if product.kind == "bands":
            for band, parameter in (("B3", "GREEN"), ("B4", "RED"), ("B11", "SWIR")):
                self.add_footprint(band, self.bands[band].dataset, labels[parameter])

        # the cloud mask: a layer, else the product's own
        self.mask_type = params.cloud_mask_type
        self.mask_dataset = None
        if inputs.cloud_mask:
            self.mask_dataset = open_path(inputs.cloud_mask)
            self.check_mask(self.mask_dataset, labels["CLOUD_MASK"])
            self.mask_name = os.path.basename(inputs.cloud_mask)
            self.add_footprint("mask", self.mask_dataset, labels["CLOUD_MASK"])
            if self.mask_type == "clm" and looks_like_scl(self.mask_dataset, inputs.cloud_mask):
                self.mask_type = "scl"
                self.warnings.append(tr(
                    "{name} is a Sen2Cor scene classification (SCL), by its name and its values (0 to 11), not a "
                    "MAJA cloud mask (CLM) as the kind of cloud mask says: it is read as an SCL.").format(
                    name=self.mask_name))
        elif "CLM" in product.masks:
            self.mask_type, self.mask_name = "clm", "CLM"
        elif "SCL" in product.masks:
            self.mask_type, self.mask_name = "scl", "SCL"
        elif "QA_PIXEL" in product.masks:
            self.mask_type, self.mask_name = "qa_pixel", "QA_PIXEL"
        elif product.kind == "bands":
            raise NeveError("no_cloud_mask", QT_TR_NOOP("No cloud mask: give a cloud mask layer with the bands."))
        else:
            raise NeveError("no_cloud_mask", QT_TR_NOOP(
                "{product} has no cloud mask (CLM or SCL): give a cloud mask layer."), product=product.name)
        self.has_mg2 = "MG2" in product.masks
        self.water_dataset = None
        self.water_source = self.resolve_water(inputs, params, open_path)
        if self.water_source == "none":
            self.has_water = water and bool(PRODUCT_WATER_MASKS & set(product.masks)) and product.kind != "bands"
        else:
            self.has_water = True

        # DEM and tree cover
        self.dem = None
        self.dem_covers = False
        if inputs.dem:
            self.dem = open_path(inputs.dem)
            self.check_crs(self.dem, labels["DEM"])
            self.dem_covers = overlaps(self.dem, self.grid)
            if not self.dem_covers:
                self.warnings.append(tr("The DEM does not cover the scene: pass 2 is skipped."))
        else:
            self.warnings.append(tr("No DEM was given: pass 2 (above the snowline) is skipped."))
        self.tcd = open_path(inputs.tcd) if inputs.tcd else None
        if self.tcd is not None:
            self.check_crs(self.tcd, labels["TCD"])
        self.has_dem, self.has_tcd = self.dem is not None, self.tcd is not None
        self.sun, self.pixel_size = None, None
        if params.shaded_snow and shade:
            self.resolve_sun(params)
        self.prepare_missing()
        # the green band, the DEM and the tree cover are read by a thread of their own while the red band and
        # the masks are read (decoding the 10 m bands and their cubic convolution are half of the work)
        self.second_reader = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="neve-read2"))
        self.prepared = {}      # window -> the second thread's part of it, asked for ahead (:meth:`prepare`)

    def add_footprint(self, key, dataset, label):
        """Note where the layer ``dataset`` (``label`` in messages) covers the grid; warn with the share of the
        scene it leaves uncovered."""
        footprint = Footprint(dataset, self.grid)
        if footprint.uncovered:
            self.footprints[key] = footprint
            self.warnings.append(tr(
                "{layer} ({name}) does not cover {percent:.1f} % of the scene: the map has no data there.").format(
                layer=label, name=os.path.basename(str(dataset.name)), percent=100.0 * footprint.uncovered_share))

    def prepare_missing(self):
        """How a pixel where the green or red band has no data (over the whole of its footprint: the fringe of a
        10 m band's edge that cubic convolution reaches is mapped, as LIS does), or that a layer does not
        reach, becomes no data in the map: its SWIR digital number is set to the SWIR band's no-data value, or
        NaN (the SWIR then read as float32) when the band has none; the method takes the SWIR band's no data
        as the map's."""
        nodata = self.radiometry.nodata
        self.fill_missing = bool(self.footprints) or any(
            nodata.get(b) is not None or self.dtypes[b].kind == "f" for b in ("B3", "B4"))
        self.swir_fill = nodata.get("B11")
        self.swir_as_float = False
        if self.fill_missing and self.swir_fill is None:
            self.swir_fill = np.nan
            if self.dtypes["B11"].kind != "f":
                self.swir_as_float = True
                self.dtypes["B11"] = np.dtype(np.float32)

    def missing(self, window, band_missing):
        """Pixels of ``window`` where the green or red band has no data (``band_missing``: their
        :meth:`BandReader.read_with_missing`) or a layer does not reach (the SWIR's own no data is the map's
        already); None when there is none."""
        missing = np.zeros((int(window.height), int(window.width)), bool)
        for band_part in band_missing:
            if band_part is not None:
                missing |= band_part
        for footprint in self.footprints.values():
            missing |= ~footprint.covered(window)
        return missing if missing.any() else None

    def resolve_water(self, inputs, params, open_path):
        """The source of water actually used: "none", "product" or "layer" (a layer given chooses it)."""
        source, product = params.water_source, self.product
        if inputs.water_mask:
            if source == "product":
                raise NeveError("water_twice", QT_TR_NOOP(
                    "A water mask layer was given and the product's water mask was chosen: give one or the "
                    "other."))
            self.water_dataset = open_path(inputs.water_mask)
            self.check_crs(self.water_dataset, self.labels["WATER_MASK"])
            return "layer"
        if source == "layer":
            raise NeveError("no_water_mask", QT_TR_NOOP(
                "The water mask layer was chosen as the source of water, but no water mask layer was given."))
        if source == "product" and (product.kind == "bands" or not PRODUCT_WATER_MASKS & set(product.masks)):
            raise NeveError("no_product_water", QT_TR_NOOP(
                "{product} has no water mask (MAJA MG2 or Sen2Cor SCL): give a water mask layer instead."),
                product=product.name)
        return source

    def resolve_sun(self, params):
        """The sun angles and pixel size of the shaded snow: the parameters' angles, else the product's mean
        angles; a DEM is needed."""
        from .inputs import metric_pixel_size

        if self.dem is None:
            raise NeveError("shade_needs_dem", QT_TR_NOOP(
                "The shaded snow needs a digital elevation model (DEM): the cast shadows of the relief are "
                "computed from it."))
        angles = self.product.sun_angles
        zenith = params.sun_zenith if params.sun_zenith is not None else getattr(angles, "zenith", None)
        azimuth = params.sun_azimuth if params.sun_azimuth is not None else getattr(angles, "azimuth", None)
        if zenith is None or azimuth is None:
            raise NeveError("shade_needs_sun", QT_TR_NOOP(
                "The shaded snow needs the sun angles: {product} gives none; give the sun zenith and azimuth "
                "angles (SUN_ZENITH, SUN_AZIMUTH)."), product=self.name)
        self.sun = (float(zenith), float(azimuth))
        self.pixel_size = metric_pixel_size(self.grid, self.name)

    def check_crs(self, dataset, label):
        if dataset.crs is None and (self.grid.crs is not None or dataset.transform != self.grid.transform):
            raise NeveError("no_crs", QT_TR_NOOP(
                "{layer} ({file}) has no coordinate reference system: Névé cannot place it on the map's grid."),
                layer=label, file=dataset.name)

    def check_mask(self, dataset, label):
        self.check_crs(dataset, label)
        dtype = np.dtype(dataset.dtypes[0])
        if dtype.kind not in "ui":
            raise NeveError("mask_not_integer", QT_TR_NOOP(
                "{name} holds {dtype} values: a cloud mask holds whole numbers. Is it a reflectance band rather "
                "than a mask?"), name=os.path.basename(dataset.name), dtype=dtype.name)
        if self.mask_type == "qa_pixel" and dtype != np.uint16:
            raise NeveError("mask_not_uint16", QT_TR_NOOP(
                "{name} holds {dtype} values, but a Landsat QA_PIXEL is 16-bit (uint16). Is this the right file, "
                "or should the kind of cloud mask be another?"), name=os.path.basename(dataset.name), dtype=dtype.name)
        if self.mask_type in ("clm", "scl") and dtype != np.uint8:
            raise NeveError("mask_not_uint8", QT_TR_NOOP(
                "{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this "
                "the right file, or should the kind of cloud mask be \"Binary\"?"),
                name=os.path.basename(dataset.name), dtype=dtype.name)

    # reading one strip (a window of the output grid)
    def read(self, window):
        """What :func:`~.lis.run_lis` needs of one strip: the bands' digital numbers on the grid, the cloud
        layers, and MG2, water, DEM and tree cover when there are. The green band, the DEM and the tree cover
        are read by another thread meanwhile (:meth:`read_green_and_relief`; files of their own: no file is
        read by two threads at once)."""
        other_part = self.prepared.pop(window_key(window), None)
        if other_part is None:
            other_part = self.second_reader.submit(self.read_green_and_relief, window)
        try:
            red, red_missing = self.bands["B4"].read_with_missing(window)
            data = {"red": red, "swir": self.bands["B11"].read(window), "layers": self.read_cloud_layers(window)}
            if self.has_mg2:
                data["mg2"] = self.product.read_raw("MG2", self.grid, window)
            if self.has_water:
                data["water"] = self.read_water(window)
        finally:
            green, green_missing, relief = other_part.result()
        data["green"] = green
        data.update(relief)
        if self.fill_missing:   # no data in any band is no data in the map
            if self.swir_as_float:
                data["swir"] = data["swir"].astype(np.float32)
            missing = self.missing(window, (green_missing, red_missing))
            if missing is not None:
                data["swir"] = np.where(missing, data["swir"].dtype.type(self.swir_fill), data["swir"])
        return data

    def prepare(self, window):
        """Start reading the second thread's part of ``window`` (:meth:`read_green_and_relief`) now, ahead of
        :meth:`read` of that window: that thread goes on to the next strip as soon as it is done with one,
        instead of waiting for the first thread's part of it."""
        self.prepared[window_key(window)] = self.second_reader.submit(self.read_green_and_relief, window)

    def read_green_and_relief(self, window):
        """``(green, its missing pixels, {"dem": ..., "tcd": ...})`` of :meth:`read` on ``window``: the part
        read by the second thread (about half of the decoding and of the cubic convolution)."""
        green, green_missing = self.bands["B3"].read_with_missing(window)
        relief = {}
        if self.dem is not None:
            relief["dem"] = self.read_resampled(self.dem, window, "nearest" if self.nearest else "cubic_spline")
        if self.tcd is not None:
            values = self.read_resampled(self.tcd, window, "nearest")
            relief["tcd"] = np.where(np.isnan(values), np.float32(255), values)
        return green, green_missing, relief

    def read_water(self, window):
        """Water on ``window``: the layer's non-zero pixels (not its no-data), or the product's water mask."""
        if self.water_dataset is None:
            return self.product.read_mask("water", self.grid, window)
        values = read_onto_grid(self.water_dataset, self.grid.window_grid(window), fill=0)
        water = values != 0
        nodata = self.water_dataset.nodata
        if nodata is not None:
            water &= values != nodata
        if values.dtype.kind == "f":
            water &= ~np.isnan(values)
        return water

    def read_cloud_layers(self, window):
        """Cloud layers of step 1 on ``window``."""
        if self.mask_dataset is not None:
            values = read_onto_grid(self.mask_dataset, self.grid.window_grid(window), fill=0)
            if self.mask_dataset.nodata is not None:
                values = np.where(values == self.mask_dataset.nodata, 0, values)
        else:
            values = self.product.read_raw(self.mask_name, self.grid, window)
        if self.mask_type == "scl":
            if values.max(initial=0) > 11:
                raise NeveError("not_scl", QT_TR_NOOP(
                    "The cloud mask {name} holds the value {value}, but a Sen2Cor scene classification only "
                    "has classes 0 to 11. Is it the SCL file, or should the kind of cloud mask be another?"),
                    name=self.mask_name, value=int(values.max()))
            return snow.cloud_layers_from_scl(values)
        if self.mask_type == "clm":
            return snow.cloud_layers_from_clm(values)
        if self.mask_type == "qa_pixel":
            return snow.cloud_layers_from_qa_pixel(values)
        return snow.cloud_layers_from_mask(values)

    def read_resampled(self, dataset, window, resampling):
        nodata = dataset.nodata

        def convert(values):    # values just read: converted in place when already float32 (the DEM)
            values = values.astype(np.float32, copy=False)
            if nodata is not None:
                values[values == np.float32(nodata)] = np.nan
            return values

        return read_onto_grid(dataset, self.grid.window_grid(window), resampling=resampling, nodata=np.nan,
                              convert=convert)


def window_key(window):
    return int(window.row_off), int(window.col_off), int(window.height), int(window.width)


class Footprint:
    """Where a layer covers a grid: the grid pixels whose centres lie inside the layer's bounds (in the grid's
    CRS), and the share of the grid outside."""

    def __init__(self, dataset, grid):
        from rasterio.warp import transform_bounds

        left, bottom, right, top = dataset.bounds
        if dataset.crs is not None and grid.crs is not None and dataset.crs != grid.crs:
            try:
                left, bottom, right, top = transform_bounds(dataset.crs, grid.crs, left, bottom, right, top,
                                                            densify_pts=21)
            except Exception:  # noqa: BLE001 (projection errors: the reading decides)
                left, bottom, right, top = -np.inf, -np.inf, np.inf, np.inf
        t = grid.transform
        centres_x = t.c + (np.arange(grid.width) + 0.5) * t.a
        centres_y = t.f + (np.arange(grid.height) + 0.5) * t.e
        self.columns = (centres_x > left) & (centres_x < right)
        self.rows = (centres_y > bottom) & (centres_y < top)
        covered = int(np.count_nonzero(self.rows)) * int(np.count_nonzero(self.columns))
        self.uncovered = grid.width * grid.height - covered
        self.uncovered_share = self.uncovered / float(grid.width * grid.height)

    def covered(self, window):
        rows = self.rows[int(window.row_off):int(window.row_off + window.height)]
        columns = self.columns[int(window.col_off):int(window.col_off + window.width)]
        return rows[:, None] & columns[None, :]


def overlaps(dataset, grid):
    """Whether ``dataset`` covers some of ``grid`` (bounds compared in the grid's CRS)."""
    from rasterio.warp import transform_bounds

    left, bottom, right, top = dataset.bounds
    if dataset.crs is not None and grid.crs is not None and dataset.crs != grid.crs:
        try:
            left, bottom, right, top = transform_bounds(dataset.crs, grid.crs, left, bottom, right, top,
                                                        densify_pts=21)
        except Exception:  # noqa: BLE001 (projection errors: let the reading decide)
            return True
    g_left, g_bottom, g_right, g_top = grid.bounds
    return left < g_right and right > g_left and bottom < g_top and top > g_bottom


# --------------------------------------------------------------------------------------------------
# Polygons
# --------------------------------------------------------------------------------------------------

def polygonize(snow_map_values, grid, path, feedback, stack):
    """Snow (100) and cloud (205) polygons of the map in a GeoPackage at ``path`` (fields DN and class,
    the class name translated), written to a temporary file renamed with the other outputs."""
    from ..io.raster import gdal_write_errors_raised

    temporary = stack.enter_context(output_file(path))
    with gdal_write_errors_raised(path):     # a full disk, a read-only folder: one sentence
        write_polygons(snow_map_values, grid, path, temporary, feedback)


def write_polygons(snow_map_values, grid, path, temporary, feedback):
    from osgeo import gdal, ogr, osr

    driver = gdal.GetDriverByName("MEM")
    source = driver.Create("", grid.width, grid.height, 2, gdal.GDT_Byte)
    source.SetGeoTransform(grid.transform.to_gdal())
    srs = None
    if grid.crs is not None:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(grid.crs.to_wkt())
        source.SetProjection(grid.crs.to_wkt())
    source.GetRasterBand(1).WriteArray(snow_map_values)
    mask = ((snow_map_values == snow.SNOW) | (snow_map_values == snow.CLOUD)).astype(np.uint8)
    source.GetRasterBand(2).WriteArray(mask)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
    if out is None:
        raise NeveError("not_writable", QT_TR_NOOP("Could not create {path}."), path=path)
    layer = out.CreateLayer("snow_cloud", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DN", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("class", ogr.OFTString))

    def progress(fraction, _message, _data):
        if feedback.is_cancelled():
            return 0
        feedback.progress(95 + 3 * fraction)
        return 1

    layer.StartTransaction()
    result = gdal.Polygonize(source.GetRasterBand(1), source.GetRasterBand(2), layer, 0, [], callback=progress)
    if feedback.is_cancelled():
        layer.RollbackTransaction()
        out = None
        checkpoint(feedback)
    layer.CommitTransaction()
    if result != 0:
        out = None
        raise NeveError("not_writable", QT_TR_NOOP("Could not write the polygons to {path}."), path=path)
    for value, label in ((snow.SNOW, tr("snow")), (snow.CLOUD, tr("cloud"))):
        out.ExecuteSQL("UPDATE \"snow_cloud\" SET \"class\" = '{}' WHERE \"DN\" = {}".format(
            label.replace("'", "''"), value))
    out = None
    source = None

