"""Clouds over water, MAJA's SWIR test of February 2018 (``waterclouds``), and the per-window test that
``refinecloudmask`` reuses.

::

    from neve.plugin.pipeline.waterclouds import (WaterCloudsInputs, WaterCloudsOutputs, WaterCloudsParams,
                                                  water_clouds)

    result = water_clouds(WaterCloudsInputs(input_product="SENTINEL2A_..._V1-4.zip"), WaterCloudsParams(),
                          WaterCloudsOutputs(output="water_clouds.tif"))
    print(result.water_cloud_percent)

A water pixel (MAJA MG2 bit 0, Sen2Cor SCL class 6, Landsat QA_PIXEL bit 7, or a user's water layer) is
cloud when its SWIR reflectance (B12 by default, B11 selectable; on Landsat the band of the same role, B7
or B6: ``cloudinputs.option_band``) is above ``threshold`` (0.04), or above
``threshold_sunglint`` (0.16) where sunglint is likely (``core/cloud.water_clouds``, strict tests).
Sunglint is likely, depending on ``sunglint``:

- per pixel ("pixel"): where the glint angle (``core/cloud.glint_angle``) is below
  ``sunglint_angle``, from the product's 5 km sun angle grids and the viewing grids of the SWIR band
  tested, interpolated bilinearly at each pixel centre (:class:`GlintField`); MAJA itself does not do this;
  a Landsat product, which has no viewing grids and looks at nadir, takes the glint angle of its mean sun
  angles and a vertical view everywhere (:class:`SceneGlint`);
- the product's scene flag ("scene"): MAJA's ``SunGlintDetected`` quality index (Theia) or, when the
  product does not carry it (Sen2Cor), MAJA's rule on the mean angles (``core/cloud.scene_sunglint``);
- always, or never;
- "automatic" (default): per pixel when the product has angle grids, the scene flag of a product without
  them, never (with a warning) for layers without a product (:func:`automatic_sunglint`).

Comparisons are made in single precision, the precision of the reflectances, so that a reflectance
equal to a threshold is not above it. On a grid finer than the SWIR band (10 m for B12), each pixel is
tested with the value of the band's pixel it lies in (:func:`~.cloudinputs.read_band_pixels`): cubic
convolution would overshoot at shores and invent clouds over water there. The glint angle is only
computed where the two thresholds disagree (and everywhere for its optional output).
"""
import contextlib
from dataclasses import dataclass, field

import numpy as np

from ..core import cloud, masks
from ..core.defaults import CLOUD_PRESETS, CLOUD_RESOLUTION, DEFAULT_CLOUD_PRESET, SUNGLINT_ANGLE
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io import raster
from .algorithms.clouds import DEFAULT_SUNGLINT, SUNGLINT_MODES, SWIR_BANDS, WATER_KINDS
from .algorithms.common import DEFAULT_OFFSET, DEFAULT_SCALE
from .algorithms.waterclouds import spec as declaration
from .cloudinputs import (check_option, check_output, layer_grid, mean_viewing_angles, option_band, product_grid,
                          product_nodata, read_band_pixels)
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import check_layer_grids, layer_name, open_input
from .spec import from_values, not_a_result, results_of

_THEIA_2018 = CLOUD_PRESETS[DEFAULT_CLOUD_PRESET]


@dataclass(frozen=True)
class WaterSettings:
    """The water test: the SWIR band ("B12" or "B11"), the thresholds (reflectance, strict) without and
    with sunglint, the sunglint angle (degrees), where sunglint applies (one of
    :data:`~.algorithms.clouds.SUNGLINT_MODES`) and how a water layer is read (one of
    :data:`~.algorithms.clouds.WATER_KINDS`)."""

    swir_band: str = SWIR_BANDS[0]
    threshold: float = _THEIA_2018["threshold"]
    threshold_sunglint: float = _THEIA_2018["threshold_sunglint"]
    sunglint_angle: float = SUNGLINT_ANGLE
    sunglint: str = DEFAULT_SUNGLINT
    water_kind: str = WATER_KINDS[0]


@dataclass(frozen=True)
class WaterCloudsInputs:
    """A product (``input_product``), or the SWIR band as a raster (``swir``, whose grid the output takes);
    a water layer (``water``: needed without a product, replaces the product's water with one)."""

    input_product: str = None
    swir: str = None
    water: str = None


@dataclass(frozen=True)
class WaterCloudsParams(WaterSettings):
    """The water test, the resolution with a product (m), whether layers on other grids are resampled,
    and how layers' digital numbers become reflectance."""

    resolution: int = CLOUD_RESOLUTION
    resample: bool = False
    reflectance_scale: float = DEFAULT_SCALE
    reflectance_offset: float = DEFAULT_OFFSET


@dataclass(frozen=True)
class WaterCloudsOutputs:
    """The clouds over water (required) and the glint angle (degrees, float32; None: not written)."""

    output: str = None
    output_glint: str = None


@dataclass(frozen=True)
class WaterCloudsResult:
    outputs: WaterCloudsOutputs = field(metadata=not_a_result())
    water_cloud_percent: float = 0.0    # of the water pixels with data


def run(values, feedback=None):
    """The ``waterclouds`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = water_clouds(from_values(WaterCloudsInputs, values), from_values(WaterCloudsParams, values),
                          from_values(WaterCloudsOutputs, values), feedback)
    return results_of(result.outputs, result)


@job(declaration)
def water_clouds(inputs, params=WaterCloudsParams(), outputs=WaterCloudsOutputs(), feedback=None):
    """Write the clouds over water of ``inputs`` (and the glint angle) to ``outputs``; a
    :class:`WaterCloudsResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    check_settings(params)
    labels = {p.name: p.label for p in declaration().parameters}
    check_output(outputs.output, labels["OUTPUT"])
    swir_band = params.swir_band
    water_count = cloud_count = 0
    with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
        product = stack.enter_context(open_input(
            inputs.input_product, bands={swir_band: inputs.swir},
            scale=params.reflectance_scale, offset=params.reflectance_offset, layer_labels=[labels["SWIR"]],
            feedback=feedback))
        product.require([option_band(product, swir_band)])
        if product.kind == "bands":
            grid, reference = layer_grid(product.file(swir_band)), labels["SWIR"]
        else:
            grid, reference = product_grid(product, params.resolution or CLOUD_RESOLUTION, feedback), product.name
        test = open_water_test(product, grid, params, inputs.water, stack, feedback, reference,
                               resample=params.resample, glint_everywhere=bool(outputs.output_glint))
        writer = stack.enter_context(raster.GeoTiffWriter(
            outputs.output, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=masks.MASK_NODATA))
        glint_writer = None
        if outputs.output_glint:
            glint_writer = stack.enter_context(raster.GeoTiffWriter(
                outputs.output_glint, grid.width, grid.height, grid.crs, grid.transform, "float32",
                nodata=float("nan")))
        for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
            checkpoint(feedback)
            found, no_data, glint, water = test(block.read)
            water_count += int(np.count_nonzero(water & ~no_data))
            cloud_count += int(np.count_nonzero(found))
            writer.write(masks.encode_mask(found, no_data), block.write)
            if glint_writer is not None:
                glint = glint.astype(np.float32, copy=True)
                glint[no_data] = np.nan
                glint_writer.write(glint, block.write)
            feedback.progress(100.0 * (block.index + 1) / block.count)
    return WaterCloudsResult(outputs=outputs,
                             water_cloud_percent=100.0 * cloud_count / water_count if water_count else 0.0)


def check_settings(settings):
    """An error for an option of ``settings`` that is not one of its choices."""
    for value, choices in ((settings.swir_band, SWIR_BANDS), (settings.sunglint, SUNGLINT_MODES),
                           (settings.water_kind, WATER_KINDS)):
        check_option(value, choices)


def open_water_test(product, grid, settings, water=None, stack=None, feedback=None, reference_name=None,
                    resample=False, glint_everywhere=False, nearest=False):
    """The :class:`WaterCloudTest` of ``settings`` (a :class:`WaterSettings`) on ``grid`` of the opened
    ``product``; ``water`` is the source of a water layer (None: the product's water), which must lie on
    ``grid`` (the grid of ``reference_name``, for messages) unless ``resample``; it is opened in
    ``stack``. ``nearest``: the SWIR band is read by nearest neighbour on a coarser grid (a preview)."""
    water_dataset = None
    if water:
        check_layer_grids({layer_name(water): water}, grid, reference_name, resample)
        water_dataset = stack.enter_context(raster.open_raster(water))
    elif product.kind == "bands" and not {"MG2", "SCL", "QA_PIXEL"} & set(product.masks):
        raise NeveError("no_water", QT_TR_NOOP("No water: give the water layer (or a product)."))
    band = option_band(product, settings.swir_band)
    mode = settings.sunglint
    if mode == "automatic":
        mode = automatic_sunglint(product, band, settings.sunglint_angle, feedback)
    return WaterCloudTest(product, grid, band, water_dataset, settings.water_kind, mode,
                          settings.threshold, settings.threshold_sunglint, settings.sunglint_angle,
                          glint_everywhere, feedback, nearest)


# --------------------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------------------

class GlintField:
    """The glint angle (degrees, float32) at the pixel centres of ``grid``, from a product's sun angle
    grids and the viewing grids of ``band``; a :class:`~..errors.NeveError` when the product lacks them."""

    def __init__(self, product, grid, band):
        sun = product.sun_angle_grids if product is not None else None
        view = (product.viewing_angle_grids or {}).get(band) if product is not None else None
        if sun is None or view is None:
            name = product.name if product is not None else tr("Band layers")
            raise NeveError("no_angle_grids", QT_TR_NOOP(
                "{product} has no sun and viewing angle grids ({band}) in its metadata, which per-pixel "
                "sunglint needs. Choose the product's scene flag, \"always\" or \"never\" for sunglint."),
                product=name, band=band)
        self.sun, self.view, self.grid = sun, view, grid

    def angles(self, row_start, row_stop, col_start, col_stop):
        """Glint angle on rows ``row_start:row_stop`` and columns ``col_start:col_stop`` of the grid."""
        t = self.grid.transform
        x = t.c + (np.arange(col_start, col_stop) + 0.5) * t.a
        y = t.f + (np.arange(row_start, row_stop) + 0.5) * t.e

        def on_pixels(angle_grid, values, azimuth):
            # AngleGrid rows go south by row_step: a north-up grid's step in y is -row_step.
            return cloud.angles_on_pixels(values, angle_grid.x0, angle_grid.y0, angle_grid.col_step,
                                          -angle_grid.row_step, x, y, azimuth=azimuth)

        return cloud.glint_angle(on_pixels(self.sun, self.sun.zenith, False),
                                 on_pixels(self.sun, self.sun.azimuth, True),
                                 on_pixels(self.view, self.view.zenith, False),
                                 on_pixels(self.view, self.view.azimuth, True))

    def at(self, rows, cols):
        """Glint angle (float32) at the pixels ``(rows, cols)`` of the grid (integer arrays)."""
        t = self.grid.transform
        x = t.c + (np.asarray(cols) + 0.5) * t.a
        y = t.f + (np.asarray(rows) + 0.5) * t.e

        def at_points(angle_grid, values, azimuth):
            return cloud.angles_at_points(values, angle_grid.x0, angle_grid.y0, angle_grid.col_step,
                                          -angle_grid.row_step, x, y, azimuth=azimuth).astype(np.float32)

        return cloud.glint_angle(at_points(self.sun, self.sun.zenith, False),
                                 at_points(self.sun, self.sun.azimuth, True),
                                 at_points(self.view, self.view.zenith, False),
                                 at_points(self.view, self.view.azimuth, True))


class SceneGlint:
    """The glint angle of a product's mean sun angles and a vertical view on every pixel (float32): the
    per-pixel field of a Landsat product, which looks at nadir and has no angle grids; the interface of
    :class:`GlintField`."""

    def __init__(self, product):
        sun = product.sun_angles
        self.value = np.float32(cloud.glint_angle(np.float64(sun.zenith), np.float64(sun.azimuth),
                                                  np.float64(0.0), np.float64(0.0)))

    def angles(self, row_start, row_stop, col_start, col_stop):
        return np.full((row_stop - row_start, col_stop - col_start), self.value, dtype=np.float32)

    def at(self, rows, cols):
        return np.full(np.shape(rows), self.value, dtype=np.float32)


def glint_field(product, grid, band, feedback=None):
    """The per-pixel glint angle of ``band`` on ``grid``: :class:`GlintField` from the product's angle grids,
    or for a Landsat product without them :class:`SceneGlint` (said to ``feedback``); the error of
    :class:`GlintField` otherwise."""
    from ..core import missions

    if product is not None and product.mission == missions.LANDSAT and product.sun_angles is not None and (
            product.sun_angle_grids is None or band not in (product.viewing_angle_grids or {})):
        field = SceneGlint(product)
        if feedback is not None:
            feedback.info(tr("{product} has no viewing angle grids: Landsat looks at nadir, so the glint angle of "
                             "the mean sun angles and a vertical view ({angle:.1f} degrees) is used on every "
                             "pixel.").format(product=product.name, angle=float(field.value)))
        return field
    return GlintField(product, grid, band)


def scene_sunglint_flag(product, sunglint_angle):
    """(flag, how it was found): MAJA's SunGlintDetected, else MAJA's rule on the mean angles."""
    if product is not None:
        flag = product.quality.get("SunGlintDetected")
        if isinstance(flag, bool):
            return flag, tr("the product's SunGlintDetected flag")
        sun = product.sun_angles
        views = mean_viewing_angles(product)
        if sun is not None and views:
            flag = cloud.scene_sunglint(sun.zenith, sun.azimuth, [v.zenith for v in views],
                                        [v.azimuth for v in views], sunglint_angle)
            return flag, tr("MAJA's rule on the mean sun and viewing angles")
    name = product.name if product is not None else tr("Band layers")
    raise NeveError("no_sunglint_flag", QT_TR_NOOP(
        "{product} has neither a sunglint flag nor mean sun and viewing angles, which the scene flag needs. "
        "Choose \"always\" or \"never\" for sunglint."), product=name)


def automatic_sunglint(product, band, sunglint_angle=SUNGLINT_ANGLE, feedback=None):
    """The sunglint mode "automatic" resolved for ``product``: per pixel ("pixel") where it has the sun angle
    grids and the viewing angle grids of ``band`` (or is a Landsat product with its mean sun angles: it looks at
    nadir, :func:`glint_field`), the scene flag ("scene") where it has the flag or mean angles, else "never"
    (the threshold without sunglint), said to ``feedback`` with a warning (layers without a product)."""
    from ..core import missions

    if product is not None and product.sun_angle_grids is not None and \
            (product.viewing_angle_grids or {}).get(band) is not None:
        if feedback is not None:
            feedback.info(tr("Sunglint: per pixel, from the product's angle grids."))
        return "pixel"
    if product is not None and getattr(product, "mission", None) == missions.LANDSAT and product.sun_angles is not None:
        return "pixel"
    try:
        scene_sunglint_flag(product, sunglint_angle)
        return "scene"
    except NeveError:
        pass
    if feedback is not None:
        feedback.warning(tr(
            "No sun and viewing angles tell where sunglint is likely ({product}): the threshold without sunglint "
            "is used on all water. Choose \"Always\" for sunglint if the water is glinting.").format(
            product=product.name if product is not None else tr("Band layers")))
    return "never"


def decode_water(values, kind, nodata):
    """(water, no data) of a water layer's values: ``kind`` one of :data:`~.algorithms.clouds.WATER_KINDS`."""
    if kind == "mg2":
        return masks.any_bit_set(values.astype(np.int64, copy=False), [masks.MG2_WATER]), \
            np.zeros(values.shape, bool)
    if kind == "scl":
        return values == masks.SCL_WATER, values == masks.SCL_NODATA
    if nodata is not None and nodata == nodata:
        no_data = values == nodata
    else:
        no_data = np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape, bool)
    return (values != 0) & ~no_data, no_data


@dataclass(frozen=True, eq=False)
class WaterData:
    """What the water test reads on a window: SWIR reflectance (NaN no data), water, no data (the product's,
    the SWIR band's, the water layer's) and the glint angle (degrees; None when no test needs it)."""

    swir: np.ndarray
    water: np.ndarray
    no_data: np.ndarray
    glint: object = None


class WaterCloudTest:
    """Clouds over water on windows of ``grid``: reads SWIR, water and no data, applies the test.

    ``water_layer``: an open rasterio dataset (a user's water layer, decoded as ``water_kind``) or None
    (the product's water: MG2 bit 0, SCL class 6). ``mode``: one of
    :data:`~.algorithms.clouds.SUNGLINT_MODES`. With ``glint_everywhere`` the glint angle is computed on
    every pixel (for an output), otherwise only around the water pixels. With ``nearest`` the SWIR band
    is read by nearest neighbour on a grid coarser than its own (the pixel under each centre: a coarse
    preview), otherwise by the product reader's cubic convolution.
    """

    def __init__(self, product, grid, swir_band, water_layer, water_kind, mode, threshold,
                 threshold_sunglint, sunglint_angle, glint_everywhere=False, feedback=None, nearest=False):
        self.product, self.grid, self.swir_band = product, grid, swir_band
        self.resampling = "nearest" if nearest else "cubic"
        self.water_layer, self.water_kind = water_layer, water_kind
        self.mode = mode
        self.threshold, self.threshold_sunglint = np.float32(threshold), np.float32(threshold_sunglint)
        self.sunglint_angle = sunglint_angle
        self.glint_everywhere = glint_everywhere
        self.field = glint_field(product, grid, swir_band, feedback) if mode == "pixel" or glint_everywhere else None
        self.scene_flag = None
        if mode == "scene":
            self.scene_flag, how = scene_sunglint_flag(product, sunglint_angle)
            if feedback is not None:
                feedback.info(tr("Sunglint for the whole scene: {flag} ({how}).").format(
                    flag=tr("yes") if self.scene_flag else tr("no"), how=how))
        elif mode in ("always", "never"):
            self.scene_flag = mode == "always"
        if water_layer is None and not {"MG2", "SCL", "QA_PIXEL"} & set(product.masks):
            raise NeveError("no_water_mask", QT_TR_NOOP(
                "{product} has no water mask (MAJA MG2 or Sen2Cor SCL): give a water layer."), product=product.name)

    def nodata(self, window):
        """The product's no data (EDG, SCL 0) on ``window``."""
        return product_nodata(self.product, self.grid, window)

    def water(self, window):
        """(water, no data of the water layer) on ``window``."""
        if self.water_layer is None:
            water = self.product.read_mask("water", self.grid, window)
            return water, np.zeros(water.shape, bool)
        values = raster.read_onto_grid(self.water_layer, self.grid.window_grid(window), resampling="nearest",
                                       fill=self.water_layer.nodata if self.water_layer.nodata is not None else 0)
        return decode_water(values, self.water_kind, self.water_layer.nodata)

    def __call__(self, window):
        """(clouds over water, no data, glint angle or None, water) on ``window`` of the grid."""
        data = self.read(window)
        found = self.decide(data, self.threshold, self.threshold_sunglint, self.sunglint_angle)
        return found, data.no_data, data.glint, data.water

    def read(self, window, every_water_pixel=False):
        """What the test reads on ``window``: :class:`WaterData` (SWIR, water, no data, glint angle). With
        ``every_water_pixel`` the glint angle is computed on every water pixel, so that :meth:`decide` can
        then try any thresholds (the tuning panel); otherwise only where this test's thresholds need it."""
        swir = read_band_pixels(self.product, self.swir_band, self.grid, window, self.resampling)
        water, water_nodata = self.water(window)
        no_data = self.nodata(window) | np.isnan(swir) | water_nodata
        water &= ~no_data
        glint = None
        if self.field is not None:
            glint = self.window_glint(window, water, swir, every_water_pixel)
        return WaterData(swir, water, no_data, glint)

    def decide(self, data, threshold, threshold_sunglint, sunglint_angle):
        """The clouds over water of ``data`` (:meth:`read`) with these thresholds (reflectance) and sunglint
        angle (degrees)."""
        sunglint = data.glint if self.mode == "pixel" else self.scene_flag
        found = cloud.water_clouds(data.swir, data.water, sunglint, np.float32(threshold),
                                   np.float32(threshold_sunglint), sunglint_angle)
        return found & ~data.no_data

    def window_glint(self, window, water, swir, every_water_pixel=False):
        """Glint angle on the window: everywhere when asked (an output), else only on the water pixels
        the two thresholds disagree on, or on every water pixel (NaN elsewhere, which counts as no
        sunglint; the other pixels are cloud, or not, whatever the sunglint)."""
        row0, col0 = int(window.row_off), int(window.col_off)
        height, width = water.shape
        if self.glint_everywhere:
            return self.field.angles(row0, row0 + height, col0, col0 + width)
        glint = np.full(water.shape, np.nan, dtype=np.float32)
        undecided = water if every_water_pixel else water & ((swir > self.threshold) != (swir > self.threshold_sunglint))
        rows, cols = np.nonzero(undecided)
        if rows.size:
            glint[rows, cols] = self.field.at(row0 + rows, col0 + cols)
        return glint
