"""Cloud shadows from the sun geometry (``cloudshadows``), and the shadow search ``refinecloudmask`` reuses
(:class:`ShadowSettings`).

::

    from neve.plugin.pipeline.shadows import (CloudShadowsInputs, CloudShadowsOutputs, CloudShadowsParams,
                                              cloud_shadows)

    result = cloud_shadows(CloudShadowsInputs(input_product="SENTINEL2A_..._V1-4.zip"),
                           CloudShadowsParams(height_max=6000), CloudShadowsOutputs(output="shadows.tif"))
    print(result.cloud_objects, result.shadow_objects)

Each cloud object (8-connected) is moved along the sun direction for every cloud height from
``height_min`` to ``height_max`` by ``height_step`` metres, corrected for the viewing parallax (the image
shows the cloud itself displaced away from the satellite): ``core/cloud.shadow_shift``. Each object
keeps the height whose projection holds the largest fraction of dark pixels (NIR B8A or SWIR B11, on
Landsat B5 or B6, strictly below a threshold, ``core/cloud.dark_pixels``) among the clear pixels it covers, if that
fraction is above ``min_dark_fraction``; its shadow is the projected object there. With ``swept`` the
shadow is the whole area swept by the objects over the range of heights instead.

Angles (degrees, the metadata's conventions: azimuths of the directions of the sun and of the satellite
seen from the ground): from the product, each object taking the angles of its centroid from the 5 km
sun grids and the viewing grids averaged over the bands (``core/cloud.angles_at_points``), or from the
mean angles when the product has no grids (:func:`product_angles`; a Landsat product looks at nadir); or
given as numbers.

The whole raster is processed at once (``core/cloud.cloud_shadows``: about 10 bytes a pixel), at 20 m
with a product by default: 300 MB on a tile.

``shadow_method`` "matched" (``core/shadows.py``, after Fmask) replaces the dark pixels by a potential-shadow
layer (pixels darker than their surroundings in the NIR B8A and the SWIR B11 by their flood fill, or below the
NIR dark threshold) and keeps, for each cloud object, the potential-shadow objects its projections touch at
every height whose match is within ``match_tolerance`` of its best: it beats the dark test alone on every
labelled crop (docs/BENCHMARKS.md). With layers its bands are ``nir_band`` (B8A or B8) and ``swir_band``
(B11). Either method's shadows are then buffered by ``shadow_buffer`` metres (0: none). Memory: the NIR and
SWIR of the whole raster besides (8 bytes a pixel), the flood fill on at most 2 million pixels.
"""
import contextlib
from dataclasses import dataclass, field

import numpy as np

from ..core import cloud, masks
from ..core.defaults import CLOUD_RESOLUTION, MATCHED_SHADOW_DEFAULTS, SHADOW_DEFAULTS
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io import raster
from .algorithms.clouds import ANGLE_SOURCES, DARK_BANDS, DARK_TESTS, DEFAULT_ANGLES, SHADOW_METHODS
from .algorithms.cloudshadows import spec as declaration
from .algorithms.common import DEFAULT_OFFSET, DEFAULT_SCALE
from .cloudinputs import (check_cloud_mask, check_option, check_output, layer_grid, layer_values_mask,
                          mean_viewing_angles, option_band, product_clouds, product_grid, read_band_pixels)
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import check_layer_grids, layer_name, metric_pixel_size, open_input
from .spec import from_values, not_a_result, results_of

# The clouds that cast the shadows searched for: MAJA CLM bits 2 and 3 (clouds of the mono- and
# multi-temporal reflectance tests), not the thinnest clouds (4) nor the cirrus seen in the 1.38 um band
# (7); Sen2Cor SCL classes 8 and 9 (clouds of medium and high probability), not thin cirrus (10).
CASTER_BITS = (2, 3)
CASTER_CLASSES = (8, 9)
# On a Landsat QA_PIXEL: bit 3 (cloud), not cirrus (2).
CASTER_QA_PIXEL_BITS = (3,)
MAX_HEIGHTS = 10000  # heights tried at most
#: The bands of the potential-shadow layer of the matched method.
POTENTIAL_BANDS = ("B8A", "B11")


@dataclass(frozen=True)
class ShadowSettings:
    """The shadow search: the dark test ("nir": B8A, "swir": B11) and its thresholds (reflectance,
    strict), the heights tried (m), the minimum dark fraction, the swept area instead of the best
    heights, and where the angles come from ("product", or "numbers": the four angles in degrees); the
    method ("projection": the best projection over dark pixels; "matched": potential shadows matched per
    object, ``core/shadows.py``), its relative darkness and height tolerance, and the buffer (m)."""

    dark_test: str = DARK_TESTS[0]
    dark_threshold_nir: float = SHADOW_DEFAULTS["DARK_THRESHOLD_NIR"]
    dark_threshold_swir: float = SHADOW_DEFAULTS["DARK_THRESHOLD_SWIR"]
    height_min: float = SHADOW_DEFAULTS["HEIGHT_MIN"]
    height_max: float = SHADOW_DEFAULTS["HEIGHT_MAX"]
    height_step: float = SHADOW_DEFAULTS["HEIGHT_STEP"]
    min_dark_fraction: float = SHADOW_DEFAULTS["MIN_DARK_FRACTION"]
    swept: bool = False
    angles: str = DEFAULT_ANGLES
    sun_zenith: float = SHADOW_DEFAULTS["SUN_ZENITH"]
    sun_azimuth: float = SHADOW_DEFAULTS["SUN_AZIMUTH"]
    view_zenith: float = SHADOW_DEFAULTS["VIEW_ZENITH"]
    view_azimuth: float = SHADOW_DEFAULTS["VIEW_AZIMUTH"]
    shadow_method: str = SHADOW_METHODS[0]
    shadow_buffer: float = MATCHED_SHADOW_DEFAULTS["BUFFER"]
    match_darker: float = MATCHED_SHADOW_DEFAULTS["DARKER"]
    match_tolerance: float = MATCHED_SHADOW_DEFAULTS["TOLERANCE"]

    @property
    def matched(self):
        return self.shadow_method == "matched"

    @property
    def dark_band(self):
        """The band of the dark test under its Sentinel-2 name (B8A, B11): the name of its layer; a product's
        band of the same role: :meth:`dark_band_of`."""
        return DARK_BANDS[self.dark_test]

    def dark_band_of(self, product):
        """The product's band of the dark test (Sentinel-2 B8A or B11; Landsat B5 or B6)."""
        return option_band(product, self.dark_band)

    @property
    def dark_threshold(self):
        return self.dark_threshold_nir if self.dark_test == "nir" else self.dark_threshold_swir

    def check(self):
        """Errors for settings the search cannot run with."""
        check_option(self.dark_test, DARK_TESTS)
        check_option(self.angles, ANGLE_SOURCES)
        check_option(self.shadow_method, SHADOW_METHODS)
        if self.height_min > self.height_max:
            raise NeveError("heights_reversed", QT_TR_NOOP(
                "The lowest cloud height ({low:g} m) is above the highest ({high:g} m)."),
                low=self.height_min, high=self.height_max)
        if (self.height_max - self.height_min) / self.height_step > MAX_HEIGHTS:
            raise NeveError("too_many_heights", QT_TR_NOOP(
                "{count:.0f} heights to try: take a larger height step."),
                count=(self.height_max - self.height_min) / self.height_step)

    def angle_values(self, product, grid, feedback=None):
        """The four angles for ``core/cloud.cloud_shadows``: the numbers, or functions of the pixel position
        on ``grid`` from the product's grids, or the product's mean angles (``product`` None for layers).
        "automatic": the product's when it has them, else the numbers, with a warning."""
        numbers = [float(self.sun_zenith), float(self.sun_azimuth), float(self.view_zenith), float(self.view_azimuth)]
        if self.angles == "numbers":
            return numbers
        if self.angles == "automatic":
            try:
                if product is not None:
                    return product_angles(product, grid, feedback)
            except NeveError:
                pass
            if feedback is not None:
                feedback.warning(tr(
                    "No sun and viewing angles from a product ({product}): the shadows are searched with the "
                    "angles given as numbers (sun zenith {sun_zenith:g}, azimuth {sun_azimuth:g} degrees; view "
                    "zenith {view_zenith:g}, azimuth {view_azimuth:g} degrees). Give the scene's angles.").format(
                    product=product.name if product is not None else tr("Band layers"), sun_zenith=numbers[0],
                    sun_azimuth=numbers[1], view_zenith=numbers[2], view_azimuth=numbers[3]))
            return numbers
        return product_angles(product, grid, feedback)

    def find(self, clouds, dark, no_data, pixel_size, angles, nir=None, swir=None):
        """The shadows of the clouds with these settings: ``core/cloud.cloud_shadows`` over the ``dark`` pixels,
        or with the matched method ``core/shadows.matched_shadows`` over the potential shadows of ``nir`` and
        ``swir`` (reflectance, NaN no data); buffered by ``shadow_buffer`` metres. The result has ``mask``,
        ``labels`` and ``heights``."""
        heights = dict(height_min=self.height_min, height_max=self.height_max, height_step=self.height_step)
        if self.matched:
            from ..core import shadows

            potential = shadows.potential_shadows(nir, swir, self.match_darker, self.dark_threshold_nir, clouds,
                                                  no_data)
            return shadows.matched_shadows(clouds, potential, pixel_size, *angles, nodata=no_data,
                                           tolerance=self.match_tolerance, buffer=self.shadow_buffer, **heights)
        found = cloud.cloud_shadows(clouds, dark, pixel_size, *angles, swept=self.swept, nodata=no_data,
                                    min_dark_fraction=self.min_dark_fraction, **heights)
        if self.shadow_buffer and self.shadow_buffer > 0:
            found.mask = cloud.dilate(found.mask, self.shadow_buffer, pixel_size) & ~clouds
        return found


def product_angles(product, grid, feedback=None):
    """Sun zenith, sun azimuth, viewing zenith and viewing azimuth of ``product`` for the shadow search:
    functions of the position (row, column of ``grid``) from the 5 km grids, the viewing grids averaged
    over the bands; the mean angles when the grids are missing; an error when both are."""
    name = product.name if product is not None else tr("Band layers")
    sun = product.sun_angle_grids if product is not None else None
    views = [g for g in (product.viewing_angle_grids or {}).values()
             if g is not None and sun is not None and g.zenith.shape == sun.zenith.shape] \
        if product is not None else []
    if sun is not None and views:
        view_zenith = cloud.merge_detector_grids([g.zenith for g in views])
        view_azimuth = cloud.merge_detector_grids([g.azimuth for g in views], azimuth=True)
        t = grid.transform

        def at(values, azimuth):
            def angle(rows, cols):
                x = t.c + (np.asarray(cols) + 0.5) * t.a
                y = t.f + (np.asarray(rows) + 0.5) * t.e
                return cloud.angles_at_points(values, sun.x0, sun.y0, sun.col_step, -sun.row_step, x, y,
                                              azimuth=azimuth)
            return angle

        return [at(sun.zenith, False), at(sun.azimuth, True), at(view_zenith, False), at(view_azimuth, True)]
    mean_views = mean_viewing_angles(product) if product else []
    if product is not None and product.sun_angles is not None and mean_views:
        if feedback is not None:
            feedback.warning(tr("{product} has no angle grids: the mean sun and viewing angles are used.").format(
                product=name))
        view_zenith = float(np.mean([a.zenith for a in mean_views]))
        radians = np.radians([a.azimuth for a in mean_views])
        view_azimuth = float(np.degrees(np.arctan2(np.sin(radians).mean(), np.cos(radians).mean())) % 360)
        return [product.sun_angles.zenith, product.sun_angles.azimuth, view_zenith, view_azimuth]
    raise NeveError("no_angles", QT_TR_NOOP(
        "{product} has no sun and viewing angles: give the angles as numbers (\"Sun and viewing angles\")."),
        product=name)


def product_casters(product, grid, window):
    """(shadow-casting clouds, no data) of a product on a window: CLM bits 2, 3, SCL 8, 9 or QA_PIXEL bit 3."""
    return product_clouds(product, grid, window, CASTER_BITS, CASTER_CLASSES, CASTER_QA_PIXEL_BITS)


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CloudShadowsInputs:
    """A product (``input_product``), or a cloud mask raster (``clouds``: non-zero values except no data;
    its grid is the output's) with the dark-test band as a raster (``dark_band``), or for the matched method
    the NIR (``nir_band``, B8A or B8) and SWIR (``swir_band``, B11) rasters."""

    input_product: str = None
    clouds: str = None
    dark_band: str = None
    nir_band: str = None
    swir_band: str = None


@dataclass(frozen=True)
class CloudShadowsParams(ShadowSettings):
    """The shadow search, the resolution with a product (m), whether layers on other grids are
    resampled, and how layers' digital numbers become reflectance."""

    resolution: int = CLOUD_RESOLUTION
    resample: bool = False
    reflectance_scale: float = DEFAULT_SCALE
    reflectance_offset: float = DEFAULT_OFFSET


@dataclass(frozen=True)
class CloudShadowsOutputs:
    """The shadow mask (required) and each cloud's height (m, float32; None: not written)."""

    output: str = None
    output_height: str = None


@dataclass(frozen=True)
class CloudShadowsResult:
    outputs: CloudShadowsOutputs = field(metadata=not_a_result())
    cloud_objects: int = 0
    shadow_objects: int = 0


def run(values, feedback=None):
    """The ``cloudshadows`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = cloud_shadows(from_values(CloudShadowsInputs, values), from_values(CloudShadowsParams, values),
                           from_values(CloudShadowsOutputs, values), feedback)
    return results_of(result.outputs, result)


@job(declaration)
def cloud_shadows(inputs, params=CloudShadowsParams(), outputs=CloudShadowsOutputs(), feedback=None):
    """Write the shadows of the clouds of ``inputs`` (and the clouds' heights) to ``outputs``; a
    :class:`CloudShadowsResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    params.check()
    labels = {p.name: p.label for p in declaration().parameters}
    check_output(outputs.output, labels["OUTPUT"])
    dark_band = params.dark_band
    bands = list(POTENTIAL_BANDS) if params.matched else [dark_band]
    with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
        if not inputs.input_product and not inputs.clouds:
            raise NeveError("no_input", QT_TR_NOOP(
                "No input: give a Sentinel-2 L2A product, or the cloud mask and dark-test band layers."))
        if inputs.input_product:
            product = stack.enter_context(open_input(inputs.input_product, feedback=feedback))
            dark_band = params.dark_band_of(product)
            product.require([option_band(product, band) for band in bands])
            check_cloud_mask(product)
            grid = product_grid(product, params.resolution or CLOUD_RESOLUTION, feedback)
            source_name = product.name

            def read_clouds(window):
                return product_casters(product, grid, window)
        else:
            if params.matched:
                layers = {"B8A": inputs.nir_band, "B11": inputs.swir_band}
                layer_labels = {"B8A": labels["NIR_BAND"], "B11": labels["SWIR_BAND"]}
            else:
                layers, layer_labels = {dark_band: inputs.dark_band}, {dark_band: labels["DARK_BAND"]}
            product = stack.enter_context(open_input(
                None, bands=layers, required=bands, scale=params.reflectance_scale,
                offset=params.reflectance_offset, layer_labels=list(layer_labels.values()), feedback=feedback))
            grid = layer_grid(inputs.clouds)
            source_name = layer_name(inputs.clouds)
            check_layer_grids({layer_labels[band]: product.file(band) for band in bands}, grid, source_name,
                              params.resample)
            dataset = stack.enter_context(raster.open_raster(inputs.clouds))

            def read_clouds(window):
                return layer_values_mask(dataset.read(1, window=window), dataset.nodata, [])
        pixel_size = metric_pixel_size(grid, source_name)
        angles = params.angle_values(product if product.kind != "bands" else None, grid, feedback)

        clouds = np.zeros(grid.shape, bool)
        no_data = np.zeros(grid.shape, bool)
        if params.matched:
            dark = None
            nir, swir = (np.empty(grid.shape, np.float32) for _band in POTENTIAL_BANDS)
        else:
            dark, nir, swir = np.zeros(grid.shape, bool), None, None
        for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
            checkpoint(feedback)
            casters, missing = read_clouds(block.read)
            rows = slice(block.write.row_off, block.write.row_off + block.write.height)
            if params.matched:
                # the product's NIR and SWIR (Sentinel-2 B8A and B11, Landsat B5 and B6)
                nir[rows] = read_band_pixels(product, option_band(product, "B8A"), grid, block.read)
                swir[rows] = read_band_pixels(product, option_band(product, "B11"), grid, block.read)
                no_data[rows] = missing | np.isnan(nir[rows]) | np.isnan(swir[rows])
            else:
                reflectance = read_band_pixels(product, dark_band, grid, block.read)
                no_data[rows] = missing | np.isnan(reflectance)
                dark[rows] = cloud.dark_pixels(reflectance, params.dark_threshold)
            clouds[rows] = casters & ~no_data[rows]
            feedback.progress(40.0 * (block.index + 1) / block.count)
        checkpoint(feedback)
        found = params.find(clouds, dark, no_data, pixel_size, angles, nir, swir)
        del dark, nir, swir
        feedback.progress(80.0)
        checkpoint(feedback)
        count = int(found.heights.size)
        with_shadow = int(np.count_nonzero(np.isfinite(found.heights)))
        feedback.info(tr("{count} clouds, {found} with a shadow.").format(count=count, found=with_shadow))

        writer = stack.enter_context(raster.GeoTiffWriter(
            outputs.output, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=masks.MASK_NODATA))
        height_writer = None
        if outputs.output_height:
            height_writer = stack.enter_context(raster.GeoTiffWriter(
                outputs.output_height, grid.width, grid.height, grid.crs, grid.transform, "float32",
                nodata=float("nan")))
            lookup = np.concatenate([[np.nan], found.heights]).astype(np.float32)
        for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
            checkpoint(feedback)
            rows = slice(block.write.row_off, block.write.row_off + block.write.height)
            writer.write(masks.encode_mask(found.mask[rows] & ~no_data[rows], no_data[rows]), block.write)
            if height_writer is not None:
                height_writer.write(lookup[found.labels[rows]], block.write)
            feedback.progress(80.0 + 20.0 * (block.index + 1) / block.count)
    return CloudShadowsResult(outputs=outputs, cloud_objects=count, shadow_objects=with_shadow)
