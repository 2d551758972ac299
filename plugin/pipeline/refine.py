"""The Theia recipe (``refinecloudmask``): from a product to a refined MAJA-compatible cloud mask in one step.

::

    from neve.plugin.pipeline.refine import RefineInputs, RefineOutputs, RefineParams, refine_cloud_mask

    result = refine_cloud_mask(RefineInputs(input_product="SENTINEL2A_..._V1-4.zip"), RefineParams(),
                               RefineOutputs(output="clm.tif", output_classes="classes.tif"))
    print(result.cloud_percent, result.shadow_percent, result.buffer_percent)

The recipe of MAJA's February 2018 production change, on any product, with presets or custom values:

1. clouds over water (``waterclouds``): the SWIR test on water pixels, sunglint-aware;
2. cloud shadows (``cloudshadows``, optional): each cloud object (the product's clouds of the
   reflectance tests and the clouds over water) projected along the sun direction over the range of
   heights, kept where it best matches dark pixels;
3. buffer (``dilatemask``): the clouds MAJA masks (CLM bits 1, 2, 3, 7) and the clouds over water,
   buffered by the distance, with the parallax between the bands when asked;
4. ``core/cloud.refine_clm``: a bit mask compatible with MAJA's CLM, each bit keeping its meaning
   (clouds over water join bits 0, 1, 2; projected shadows bits 0 and 5; the buffer bits 0 and 1; no
   data 0 as in MAJA, whose no data is EDG), and a class raster (0 clear, 1 cloud, 2 cloud shadow,
   3 buffer, 255 no data).

A Sen2Cor SCL is first written as CLM bits (``cloudinputs.clm_from_scl``): classes 8 and 9 (clouds of
medium and high probability) as bits 0, 1, 2 (a cloud of the mono-temporal tests), class 10 (thin cirrus)
as bits 0, 1, 7, class 3 (cloud shadow) as bits 0, 5; class 0 is no data. A Landsat QA_PIXEL likewise
(``cloudinputs.clm_from_qa_pixel``): cloud as bits 0, 1, 2, cirrus as bits 0, 1, 7, cloud shadow as bits 0,
5, the dilated cloud as bit 0 alone; bit 0 (fill) is no data. Landsat products are refined on their 30 m
grid, with the band of the same role as the Sentinel-2 band chosen (B7 for B12, B6 for B11, B5 for B8A)
and the sun angles of their metadata, the view at nadir.

The composition is written once: :func:`read_strip` (the CLM with the clouds over water, and the no data,
of a window) and :func:`refine_strip` (buffer and ``refine_clm`` of a strip read with the buffer's halo).
The whole-product job (:func:`refine_cloud_mask`) calls them strip by strip; :func:`refined_classes`, for
the tuning panel's preview, calls them on one window in memory, without the shadow search.

Order of the work of the job, so that each input is read once at the output's resolution and memory
stays bounded (about 4 bytes a pixel of the output grid, plus the shadow search on a 20 m grid):

- pass 1, strips: CLM (or SCL), water, SWIR, no data (and the dark band when the shadows are searched on
  the output grid): the clouds over water, kept with the CLM and the no data for the whole raster;
- when the output is finer than 20 m (10 m), the shadows are searched on the product's 20 m grid
  (pass 1 again there, on the 20 m files) and brought back by nearest neighbour;
- the shadow search on the whole raster (``core/cloud.cloud_shadows``);
- pass 2, strips with the buffer's halo: buffer, ``refine_clm``, both outputs written.
"""
import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ..core import cloud, masks
from ..core.defaults import CLOUD_PRESETS, CLOUD_RESOLUTION, DEFAULT_CLOUD_PRESET, PARALLAX_HEIGHT, SUNGLINT_ANGLE
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, number, tr
from ..io import raster
from .algorithms.clouds import DEFAULT_SUNGLINT, SWIR_BANDS, WATER_KINDS
from .algorithms.common import DEFAULT_OFFSET, DEFAULT_SCALE
from .algorithms.refinecloudmask import PRESET_KEYS, RECIPE_THRESHOLDS, preset_options, recipe_presets
from .algorithms.refinecloudmask import spec as declaration
from .cloudinputs import (PRODUCT_CLOUD_BITS, check_cloud_mask, check_option, check_output, grid_factor,
                          layer_grid, option_band, parallax_needs_product, product_grid, product_parallax_shifts,
                          read_band_pixels, read_clm, repeat_pixels)
from .feedback import Feedback, as_feedback, checkpoint
from .jobs import job
from .inputs import check_layer_grids, layer_name, metric_pixel_size, open_input
from .shadows import CASTER_BITS, POTENTIAL_BANDS, ShadowSettings
from .spec import from_values, not_a_result, results_of
from .waterclouds import WaterSettings, check_settings, open_water_test

SHADOW_RESOLUTION = 20  # metres: the shadow search on a finer output runs on this grid
#: GDAL's block cache during the job: small enough that the outputs' blocks are compressed and written as
#: they come (pass 2 writes behind), not all of them when the files are closed.
GDAL_CACHE_MB = 64
#: The first step of refine_clm, made while reading so that one array holds the CLM and the clouds over water.
WATER_CLOUD_BITS = np.uint8(masks.bit_value(cloud.CLM_WATER_CLOUD_BITS))
_THEIA_2018 = CLOUD_PRESETS[DEFAULT_CLOUD_PRESET]


@dataclass(frozen=True)
class RefineInputs:
    """A product (``input_product``), or layers: a MAJA CLM (``clm``) or a Sen2Cor SCL (``scl``), whose
    grid the output takes, the SWIR band of the water test (``swir``), the water (``water``: needed with a
    CLM; with a product or an SCL it replaces their water) and, for the shadows, the dark-test band."""

    input_product: str = None
    clm: str = None
    scl: str = None
    swir: str = None
    water: str = None
    dark_band: str = None


@dataclass(frozen=True)
class RefineParams(ShadowSettings):
    """The recipe: ``preset`` (one of :data:`~.algorithms.refinecloudmask.PRESET_KEYS`), the buffer distance
    in metres and the water test's thresholds and sunglint angle (with a named preset, those that differ
    from their defaults win over the preset's: the rule of ``pipeline/presets.py``), the water test's band,
    sunglint mode and kind of water layer, the parallax height (m, 0: off), whether shadows are searched
    (the search itself: :class:`~.shadows.ShadowSettings`), the resolution with a product (m), whether
    layers on other grids are resampled, and how layers' digital numbers become reflectance."""

    preset: str = DEFAULT_CLOUD_PRESET
    distance: float = _THEIA_2018["distance"]
    threshold: float = _THEIA_2018["threshold"]
    threshold_sunglint: float = _THEIA_2018["threshold_sunglint"]
    sunglint_angle: float = SUNGLINT_ANGLE
    swir_band: str = SWIR_BANDS[0]
    sunglint: str = DEFAULT_SUNGLINT
    water_kind: str = WATER_KINDS[0]
    parallax_height: float = PARALLAX_HEIGHT
    shadows: bool = True
    resolution: int = CLOUD_RESOLUTION
    resample: bool = False
    reflectance_scale: float = DEFAULT_SCALE
    reflectance_offset: float = DEFAULT_OFFSET

    @classmethod
    def custom(cls, values, **changes):
        """The recipe with the preset "custom" and the thresholds ``values`` (parameter name -> number:
        DISTANCE, THRESHOLD, THRESHOLD_SUNGLINT, SUNGLINT_ANGLE, as the tuning panel holds them; those
        missing keep their defaults); ``changes`` set other fields (``sunglint="scene"``, ...)."""
        thresholds = {name.lower(): float(values[name]) for name in RECIPE_THRESHOLDS if name in values}
        return cls(preset="custom", **dict(thresholds, **changes))

    def preset_resolution(self):
        """The :class:`~.presets.Resolution` of the preset and the values of this recipe."""
        check_option(self.preset, PRESET_KEYS)
        given = {name: float(getattr(self, name.lower())) for name in RECIPE_THRESHOLDS}
        defaults = {name: float(getattr(RefineParams, name.lower())) for name in RECIPE_THRESHOLDS}
        return recipe_presets().resolve(self.preset, given, defaults)

    def recipe(self):
        """{DISTANCE, THRESHOLD, THRESHOLD_SUNGLINT, SUNGLINT_ANGLE} used: the preset's, or the custom
        values, or the values given that differ from their defaults with a named preset."""
        return {name: float(value) for name, value in self.preset_resolution().values.items()}

    def water_settings(self):
        """The :class:`~.waterclouds.WaterSettings` of the recipe."""
        values = self.recipe()
        return WaterSettings(swir_band=self.swir_band, threshold=values["THRESHOLD"],
                             threshold_sunglint=values["THRESHOLD_SUNGLINT"], sunglint_angle=values["SUNGLINT_ANGLE"],
                             sunglint=self.sunglint, water_kind=self.water_kind)


@dataclass(frozen=True)
class RefineOutputs:
    """The refined CLM bits and the class raster (both required)."""

    output: str = None
    output_classes: str = None


@dataclass(frozen=True)
class RefineResult:
    """The outputs written and the cloud, cloud shadow and buffer classes in percent of the valid pixels."""

    outputs: RefineOutputs = field(metadata=not_a_result())
    cloud_percent: float = 0.0
    shadow_percent: float = 0.0
    buffer_percent: float = 0.0


def run(values, feedback=None):
    """The ``refinecloudmask`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = refine_cloud_mask(from_values(RefineInputs, values), from_values(RefineParams, values),
                               from_values(RefineOutputs, values), feedback)
    return results_of(result.outputs, result)


# --------------------------------------------------------------------------------------------------
# The composition, once for the job and the preview
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class BufferPlan:
    """The recipe's buffer on a grid: distance (m), pixel size (m) and the parallax shifts (None: a disk)."""

    distance: float
    pixel_size: tuple
    shifts: object = None
    water_distance: float = None    # "to_current": the clouds over water the recipe adds get this buffer

    @property
    def active(self):
        return self.distance > 0 or self.shifts is not None or bool(self.water_distance)

    @property
    def halo(self):
        """Rows a strip needs above and below (:func:`refine_strip`)."""
        if not self.active:
            return 0
        return max(cloud.dilation_halo(self.distance, self.pixel_size, self.shifts),
                   cloud.dilation_halo(self.water_distance or 0.0, self.pixel_size, self.shifts))


def plan_buffer(product, grid, source_name, distance, parallax_height, water_distance=None):
    """The :class:`BufferPlan` on ``grid`` (in metres: named ``source_name`` in errors); the parallax needs a
    product's viewing angles."""
    pixel_size = metric_pixel_size(grid, source_name)
    if parallax_height > 0 and product.kind == "bands":
        raise parallax_needs_product()
    shifts = product_parallax_shifts(product, parallax_height) if parallax_height > 0 else None
    return BufferPlan(float(distance), pixel_size, shifts,
                      None if water_distance is None else float(water_distance))


def read_strip(product, water_test, grid, window, shadow_settings=None, added=None, pool=None):
    """What the recipe reads on ``window`` of ``grid``: (the CLM bits with the clouds over water joined to
    bits 0, 1, 2 (the first step of ``refine_clm``), no data, and with ``shadow_settings`` the dark pixels
    and the dark band's no data (else None, None)). ``added``: an array of the window's shape to receive the
    clouds over water that the product's cloud mask did not have. ``pool``: an executor whose thread reads
    the dark band meanwhile (its own file: no file is read by two threads at once)."""
    def dark_test():
        reflectance = read_band_pixels(product, shadow_settings.dark_band_of(product), grid, window)
        return cloud.dark_pixels(reflectance, shadow_settings.dark_threshold), np.isnan(reflectance)

    dark_part = None
    if shadow_settings is not None and pool is not None:
        dark_part = pool.submit(dark_test)
    try:
        clm = read_clm(product, grid, window)
        water_clouds, no_data, _glint, _water = water_test(window)
    finally:
        dark = dark_part.result() if dark_part is not None else None
    if added is not None:
        added[...] = water_clouds & ~masks.any_bit_set(clm, PRODUCT_CLOUD_BITS)
    join_water_clouds(clm, water_clouds)
    if shadow_settings is None:
        return clm, no_data, None, None
    dark, missing = dark if dark is not None else dark_test()
    return clm, no_data, dark, missing


def join_water_clouds(clm, water_clouds):
    """The clouds over water join CLM bits 0, 1 and 2 (the first step of ``refine_clm``, made while reading
    so that one array holds both); ``clm`` is changed in place and returned (an OR with the bits times 0 or
    1: no selection of the pixels)."""
    clm |= np.asarray(water_clouds, dtype=bool).view(np.uint8) * WATER_CLOUD_BITS
    return clm


def refine_strip(clm, no_data, inner, plan, shadow=None, added=None):
    """(bits, classes) of the rows ``inner`` of a strip: ``clm`` and ``no_data`` as :func:`read_strip`
    gives them, read with ``plan.halo`` rows above and below (where the raster has them); ``shadow`` the
    projected shadows of the inner rows (None: none); ``added``: the clouds over water the product's mask did
    not have, buffered by ``plan.water_distance`` (the other clouds by ``plan.distance``)."""
    buffer = None
    if plan.active:
        # the clouds MAJA masks, the clouds over water (joined to bits 0, 1, 2) among them
        clouds = masks.any_bit_set(clm, PRODUCT_CLOUD_BITS) & ~no_data
        buffer = cloud.dilate(clouds, plan.distance, plan.pixel_size, plan.shifts)[inner]
        if plan.water_distance and added is not None:
            buffer |= cloud.dilate(added & ~no_data, plan.water_distance, plan.pixel_size, plan.shifts)[inner]
    return cloud.refine_clm(clm[inner], None, shadow, buffer, no_data[inner])


@dataclass(frozen=True, eq=False)
class RefineView:
    """What the recipe reads on one grid, once, for the tuning panel: the product's CLM bits, the inputs of
    the water test (a :class:`~.waterclouds.WaterData`, glint angles on every water pixel) and the test
    itself, the pixel size and the parallax shifts of the buffer."""

    grid: object
    clm: np.ndarray
    water: object
    test: object
    pixel_size: tuple
    shifts: object = None


def read_refine_view(product, grid, params=RefineParams(), water=None, feedback=None, nearest=False):
    """Read what :func:`refine_view_classes` needs on ``grid`` (any grid in the product's CRS, in metres: the
    product's, a window of it) of the opened ``product``, as the job reads it onto its grid (masks by
    nearest neighbour, the SWIR band's own pixels or the reader's resampling); ``params`` gives the SWIR
    band, the sunglint mode, the kind of water layer and the parallax height; ``water`` the source of a
    water layer on ``grid`` (None: the product's water); ``nearest``: the SWIR band too is read by nearest
    neighbour (a preview coarser than 20 m). Raises :class:`~..errors.NeveError` as the job does (no cloud
    mask, no water, per-pixel sunglint without angle grids, parallax without angles)."""
    from rasterio.windows import Window

    feedback = as_feedback(feedback)
    settings = params.water_settings()
    check_settings(settings)
    check_cloud_mask(product)
    window = Window(0, 0, grid.width, grid.height)
    with contextlib.ExitStack() as stack:
        plan = plan_buffer(product, grid, product.name, 0.0, float(params.parallax_height))
        test = open_water_test(product, grid, settings, water, stack, feedback, product.name, resample=params.resample,
                               nearest=nearest)
        clm = read_clm(product, grid, window)
        data = test.read(window, every_water_pixel=True)
    # the test keeps no open file once read: its layer was closed with the stack
    return RefineView(grid=grid, clm=clm, water=data, test=test, pixel_size=plan.pixel_size, shifts=plan.shifts)


def refine_view_classes(view, recipe):
    """``(classes, clouds over water)`` of a :class:`RefineView` with the recipe's values ``recipe``
    (DISTANCE, THRESHOLD, THRESHOLD_SUNGLINT, SUNGLINT_ANGLE: :meth:`RefineParams.recipe`, or the panel's
    values): the water test, :func:`join_water_clouds` and :func:`refine_strip` on the whole view, as the job
    composes them strip by strip. Classes (uint8): 0 clear, 1 cloud, 2 cloud shadow, 3 buffer, 255 no
    data."""
    found = view.test.decide(view.water, recipe["THRESHOLD"], recipe["THRESHOLD_SUNGLINT"], recipe["SUNGLINT_ANGLE"])
    clm = join_water_clouds(view.clm.copy(), found)
    plan = BufferPlan(float(recipe["DISTANCE"]), view.pixel_size, view.shifts)
    _bits, classes = refine_strip(clm, view.water.no_data, slice(0, view.grid.height), plan)
    return classes, found


def refined_classes(product, grid, params=RefineParams(), water=None, feedback=None):
    """The refined cloud classes of ``refinecloudmask`` (uint8: 0 clear, 1 cloud, 2 cloud shadow, 3 buffer,
    255 no data) of the opened ``product`` on ``grid``, in memory, without the shadow search:
    :func:`read_refine_view` then :func:`refine_view_classes` with ``params.recipe()``. Equals the job's
    class raster when the job's grid is ``grid`` (a run on the product, or on its layers cut to ``grid``).
    ``feedback.is_cancelled()`` is checked between the reading and the computing (``Cancelled`` raised)."""
    feedback = as_feedback(feedback)
    view = read_refine_view(product, grid, params, water, feedback)
    checkpoint(feedback)
    return refine_view_classes(view, params.recipe())[0]


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@job(declaration)
def refine_cloud_mask(inputs, params=RefineParams(), outputs=RefineOutputs(), feedback=None):
    """Write the refined CLM and class raster of ``inputs`` to ``outputs``; a :class:`RefineResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    labels = {p.name: p.label for p in declaration().parameters}
    check_output(outputs.output, labels["OUTPUT"])
    check_output(outputs.output_classes, labels["OUTPUT_CLASSES"])
    water_distance = None
    if params.preset == "to_current":
        for line in computed_preset_warnings(params, labels):
            feedback.warning(line)
        params, water_distance = to_current(inputs, params, feedback)
    resolution = params.preset_resolution()
    values = {name: float(value) for name, value in resolution.values.items()}
    water_settings = params.water_settings()
    check_settings(water_settings)
    shadows_on = bool(params.shadows)
    settings = params if shadows_on else None
    if shadows_on:
        params.check()
    preset_labels = dict(preset_options())
    feedback.info(tr(
        "Recipe: {preset}; buffer {distance:g} m, SWIR thresholds over water {threshold:g} and {sunglint:g} with "
        "sunglint (below {angle:g} degrees).").format(
        preset=preset_labels[params.preset], distance=values["DISTANCE"], threshold=values["THRESHOLD"],
        sunglint=values["THRESHOLD_SUNGLINT"], angle=values["SUNGLINT_ANGLE"]))
    infos, warnings = resolution.log_lines(labels, preset_labels, recipe_value_text)
    for line in warnings:
        feedback.warning(line)
    for line in infos:
        feedback.info(line)

    with raster.bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
        product, grid, source_name = open_recipe_input(inputs, params, labels, shadows_on, stack, feedback)
        plan = plan_buffer(product, grid, source_name, values["DISTANCE"], float(params.parallax_height),
                           water_distance)
        water_test = open_water_test(product, grid, water_settings, inputs.water, stack, feedback, source_name,
                                     resample=params.resample)
        shadow_grid, factor = coarser_grid(product, grid) if shadows_on else (grid, 1)
        angles = None
        # a second thread: the dark band of each strip (shadows on the output grid), or the whole shadow
        # search on the 20 m grid while pass 1 reads the 10 m files (shadows on a coarser grid)
        helper = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="neve-refine"))
        stop = threading.Event()
        stack.callback(stop.set)        # leaving early: the helper stops at its next check
        searching = None
        if shadows_on:
            angles = settings.angle_values(product if product.kind != "bands" else None, shadow_grid, feedback)
            if factor != 1:
                # files of its own for the helper (a file is never read by two threads at once)
                search_product, _grid, _name = open_recipe_input(inputs, params, labels, shadows_on, stack,
                                                                 as_feedback(None))
                shadow_test = open_water_test(search_product, shadow_grid, water_settings, inputs.water, stack,
                                              feedback, resample=True)
                searching = helper.submit(search_shadows, search_product, shadow_grid, shadow_test, settings,
                                          angles, source_name, Stoppable(feedback, stop))

        # Pass 1: the CLM with the clouds over water, and the no data, of the whole raster.
        clm = np.zeros(grid.shape, np.uint8)
        no_data = np.zeros(grid.shape, bool)
        added = np.zeros(grid.shape, bool) if plan.water_distance is not None else None
        same_grid_shadows = shadows_on and factor == 1
        # the dark band read by the helper unless it is the water test's SWIR band (B11 for both: one file)
        dark_aside = same_grid_shadows and (product.file(settings.dark_band_of(product))
                                            != product.file(water_test.swir_band))
        if same_grid_shadows:
            dark = np.zeros(grid.shape, bool)
            search_nodata = np.zeros(grid.shape, bool)
        for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
            checkpoint(feedback)
            rows = rows_of(block.write)
            clm[rows], no_data[rows], dark_part, missing = read_strip(
                product, water_test, grid, block.read, settings if same_grid_shadows else None,
                added=None if added is None else added[rows], pool=helper if dark_aside else None)
            if same_grid_shadows:
                dark[rows] = dark_part
                search_nodata[rows] = no_data[rows] | missing
            feedback.progress(35.0 * (block.index + 1) / block.count)

        # The shadows, on the output grid or on the 20 m grid.
        shadow = None
        if shadows_on:
            if factor == 1:
                casters = masks.any_bit_set(clm, CASTER_BITS) & ~no_data
                shadow = search_shadows(product, shadow_grid, None, settings, angles, source_name, feedback,
                                        (casters, dark, search_nodata))
                del casters, dark, search_nodata
            else:
                shadow = searching.result()
            checkpoint(feedback)
            feedback.info(tr("Shadows searched on a {resolution:g} m grid.").format(
                resolution=abs(shadow_grid.transform.a)))
        feedback.progress(65.0)

        # Pass 2: buffer and refined CLM, by strips with the buffer's halo, written behind by two threads.
        writer = stack.enter_context(raster.WriteBehind(stack.enter_context(raster.GeoTiffWriter(
            outputs.output, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=None))))
        class_writer = stack.enter_context(raster.WriteBehind(stack.enter_context(raster.GeoTiffWriter(
            outputs.output_classes, grid.width, grid.height, grid.crs, grid.transform, "uint8",
            nodata=cloud.CLASS_NODATA))))
        counts = np.zeros(256, np.int64)   # of the classes the percentages need, and of all the pixels
        counted = (cloud.CLASS_CLOUD, cloud.CLASS_SHADOW, cloud.CLASS_BUFFER, cloud.CLASS_NODATA)
        pixels = 0
        for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS, plan.halo):
            checkpoint(feedback)
            read_rows, rows = rows_of(block.read), rows_of(block.write)
            shadow_part = None
            if shadow is not None:
                shadow_part = shadow[rows] if factor == 1 else upsample(shadow, factor, rows, grid.width)
            bits, classes = refine_strip(clm[read_rows], no_data[read_rows], block.inner, plan, shadow_part,
                                         None if added is None else added[read_rows])
            writer.write(bits, block.write)
            class_writer.write(classes, block.write)
            for value in counted:     # a comparison each: six times faster than a bincount of the strip
                counts[value] += np.count_nonzero(classes == value)
            pixels += classes.size
            feedback.progress(65.0 + 35.0 * (block.index + 1) / block.count)

    valid = int(pixels - counts[cloud.CLASS_NODATA])

    def percent(value):  # a Python float: qgis_process cannot write numpy numbers
        return 100.0 * int(counts[value]) / valid if valid else 0.0

    return RefineResult(outputs=outputs, cloud_percent=percent(cloud.CLASS_CLOUD),
                        shadow_percent=percent(cloud.CLASS_SHADOW), buffer_percent=percent(cloud.CLASS_BUFFER))


def computed_preset_warnings(params, labels):
    """Warnings for the values given that a preset computed from the product ("to_current") does not use."""
    preset_labels = dict(preset_options())
    warnings = []
    for name in RECIPE_THRESHOLDS:
        value, default = float(getattr(params, name.lower())), float(getattr(RefineParams, name.lower()))
        if abs(value - default) > 1e-6 * max(1.0, abs(default)):
            warnings.append(tr("{parameter}: the value given, {value}, is not used: the preset \"{preset}\" sets "
                               "it from the product.").format(parameter=labels.get(name, name),
                                                              value=recipe_value_text(name, value),
                                                              preset=preset_labels[params.preset]))
    return warnings


def recipe_value_text(name, value):
    """A value of the recipe with its unit, for the log."""
    if name == "DISTANCE":
        return tr("{distance:g} m").format(distance=value)
    if name == "SUNGLINT_ANGLE":
        return tr("{angle:g} degrees").format(angle=value)
    return number(value)


def rows_of(window):
    return slice(window.row_off, window.row_off + window.height)


def open_recipe_input(inputs, params, labels, shadows, stack, feedback):
    """The product of ``input_product`` or of the layers, the output grid (checked) and the name of what
    gives that grid."""
    swir_band = params.swir_band
    dark_band = params.dark_band if shadows else None
    bands = {swir_band: inputs.swir}
    layer_labels = [labels["SWIR"]]
    if shadows:
        bands[dark_band] = inputs.dark_band
        layer_labels.append(labels["DARK_BAND"])
    required = [swir_band] + ([dark_band] if shadows else [])
    if shadows and params.matched:
        if not inputs.input_product:
            raise NeveError("matched_needs_product", QT_TR_NOOP(
                "The matched shadow method of the recipe reads the NIR (B8A) and SWIR (B11) bands of a product: "
                "give a product, or search the shadows of layers with neve:cloudshadows."))
        required += [band for band in POTENTIAL_BANDS if band not in required]
    if not inputs.input_product and not inputs.clm and not inputs.scl:
        raise NeveError("no_input", QT_TR_NOOP(
            "No input: give a Sentinel-2 L2A product, or the layers (a MAJA CLM or a Sen2Cor SCL, the SWIR band, "
            "the water and, for the shadows, the dark-test band)."))
    product = stack.enter_context(open_input(
        inputs.input_product, bands=bands, masks={"CLM": inputs.clm, "SCL": inputs.scl},
        scale=params.reflectance_scale, offset=params.reflectance_offset,
        layer_labels=layer_labels + [labels["CLM"], labels["SCL"]], feedback=feedback))
    product.require([option_band(product, band) for band in required])
    check_cloud_mask(product)
    if product.kind != "bands":
        return product, product_grid(product, params.resolution or CLOUD_RESOLUTION, feedback), product.name
    reference = "CLM" if "CLM" in product.masks else "SCL"
    reference_source = inputs.clm if reference == "CLM" else inputs.scl
    grid = layer_grid(reference_source)
    others = {labels["SWIR"]: product.file(swir_band)}
    if shadows:
        others[labels["DARK_BAND"]] = product.file(dark_band)
    if reference == "CLM" and "SCL" in product.masks:
        others[labels["SCL"]] = product.file("SCL")
    check_layer_grids(others, grid, layer_name(reference_source), params.resample)
    return product, grid, layer_name(reference_source)


def coarser_grid(product, grid):
    """(the 20 m grid for the shadow search, its factor) when ``grid`` is finer by a whole factor and
    shares its corner; else (``grid``, 1)."""
    if abs(grid.transform.a) >= SHADOW_RESOLUTION:
        return grid, 1
    coarse = product.grid(SHADOW_RESOLUTION) if product.kind != "bands" else grid.with_resolution(SHADOW_RESOLUTION)
    factor = grid_factor(grid, coarse)
    return (coarse, factor) if factor else (grid, 1)


def search_shadows(product, shadow_grid, shadow_test, settings, angles, source_name, feedback, inputs=None):
    """The shadow mask of the search on ``shadow_grid``: its inputs (casters, dark pixels, no data) read
    there with ``shadow_test`` (:func:`coarse_inputs`) unless given as ``inputs``, the NIR and SWIR of the
    matched method, then ``settings.find``."""
    casters, dark, search_nodata = inputs if inputs is not None else coarse_inputs(
        product, shadow_grid, shadow_test, settings, feedback)
    checkpoint(feedback)
    nir = swir = None
    if settings.matched:
        nir, swir = potential_inputs(product, shadow_grid, feedback)
        search_nodata = search_nodata | np.isnan(nir) | np.isnan(swir)
    return settings.find(casters, dark, search_nodata, metric_pixel_size(shadow_grid, source_name), angles,
                         nir, swir).mask


class Stoppable(Feedback):
    """The feedback of a helper thread: the job's cancel, or ``stop`` (the job left early), stop it; its
    progress is the main thread's to tell."""

    def __init__(self, feedback, stop):
        self.feedback, self.stop = feedback, stop

    def is_cancelled(self):
        return self.stop.is_set() or self.feedback.is_cancelled()


def coarse_inputs(product, shadow_grid, shadow_test, settings, feedback):
    """Shadow casters, dark pixels and no data on the 20 m grid (read from the product there)."""
    casters = np.zeros(shadow_grid.shape, bool)
    dark = np.zeros(shadow_grid.shape, bool)
    search_nodata = np.zeros(shadow_grid.shape, bool)
    for block in raster.blocks(shadow_grid.width, shadow_grid.height, raster.DEFAULT_BLOCK_ROWS):
        checkpoint(feedback)
        rows = rows_of(block.write)
        clm, no_data, dark_part, missing = read_strip(product, shadow_test, shadow_grid, block.read, settings)
        casters[rows] = masks.any_bit_set(clm, CASTER_BITS) & ~no_data
        dark[rows] = dark_part
        search_nodata[rows] = no_data | missing
        feedback.progress(35.0 + 15.0 * (block.index + 1) / block.count)
    return casters, dark, search_nodata


def to_current(inputs, params, feedback):
    """The preset "to_current" made concrete for the product of ``inputs``: ``(params, water distance)``
    with the custom values that bring the product from the MAJA parameters of its production era
    (``core/maja.py``) to today's: the missing buffer (today's distance minus the era's: 240 m for the 240 m
    era, a buffer of a then b being one of a + b) for the product's clouds, today's thresholds for the clouds
    over water, which get today's whole buffer; a product of today's era is left as it is (no buffer, no
    water test, no shadows)."""
    import dataclasses

    from ..core import maja
    from ..io.readers import open_product
    from .eras import era_labels

    if not inputs.input_product:
        raise NeveError("to_current_needs_product", QT_TR_NOOP(
            "Bringing a product to the current Theia parameters needs the Theia product itself (its production "
            "date tells which parameters made it)."))
    with open_product(inputs.input_product) as product:
        kind, production, name = product.kind, product.production, product.name
    era = maja.era_of(production) if kind == "theia" else None
    if era is None:
        raise NeveError("no_maja_era", QT_TR_NOOP(
            "{product} is not a Theia product with a production date: which MAJA parameters made it is not "
            "known, so it cannot be brought to the current ones."), product=name)
    current = maja.era_by_key(maja.CURRENT)
    if era.key == current.key:
        feedback.info(tr("{product} was made with the current Theia parameters ({era}): nothing to change, the "
                         "cloud mask is written as it is.").format(product=name, era=era_labels()[era.key]))
        return dataclasses.replace(params, preset="custom", distance=0.0, threshold=float("inf"),
                                   threshold_sunglint=float("inf"), shadows=False), None
    extra = max(current.distance - era.distance, 0.0)
    feedback.info(tr("{product} was made with the parameters \"{era}\": {extra:g} m of buffer more (to "
                     "{distance:g} m) and the clouds over water of today's thresholds ({threshold:g}, "
                     "{sunglint:g} with sunglint), buffered by {distance:g} m.").format(
        product=name, era=era_labels()[era.key], extra=extra, distance=current.distance,
        threshold=current.threshold, sunglint=current.threshold_sunglint))
    if era.uncertain:
        feedback.warning(tr("{product} was produced in May 2017, when the buffer went from 480 m to 240 m on a day "
                            "the source does not give: it is taken as made with 240 m.").format(product=name))
    return dataclasses.replace(params, preset="custom", distance=extra, threshold=current.threshold,
                               threshold_sunglint=current.threshold_sunglint), current.distance


def potential_inputs(product, shadow_grid, feedback):
    """The NIR (B8A, Landsat B5) and SWIR (B11, Landsat B6) reflectance of the shadow grid, for the matched
    shadow method."""
    from .cloudinputs import read_band_pixels

    nir, swir = (np.empty(shadow_grid.shape, np.float32) for _band in POTENTIAL_BANDS)
    for block in raster.blocks(shadow_grid.width, shadow_grid.height, raster.DEFAULT_BLOCK_ROWS):
        checkpoint(feedback)
        rows = rows_of(block.write)
        nir[rows] = read_band_pixels(product, option_band(product, "B8A"), shadow_grid, block.read)
        swir[rows] = read_band_pixels(product, option_band(product, "B11"), shadow_grid, block.read)
    return nir, swir


def upsample(coarse, factor, rows, width):
    """Rows ``rows`` of the fine grid (``factor`` times finer, same corner) from the boolean ``coarse``
    raster, by nearest neighbour: each coarse pixel repeated ``factor`` times along both axes
    (:func:`~.cloudinputs.repeat_pixels`)."""
    first, last = rows.start // factor, (rows.stop - 1) // factor + 1
    fine = repeat_pixels(coarse[first:last], factor)
    offset = rows.start - first * factor
    return fine[offset:offset + rows.stop - rows.start, :width]
