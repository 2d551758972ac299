"""Loading a whole product (``loadproduct``): reflectance stacks, decoded masks and a summary.

::

    from neve.plugin.pipeline.product import LoadProductInputs, LoadProductOutputs, load_product

    result = load_product(LoadProductInputs(input_product="SENTINEL2A_..._V1-4.zip"),
                          outputs=LoadProductOutputs(output_r2="r2.vrt", output_cloud="cloud.tif"))
    print(result.acquisition_date, result.tile, result.cloud_percent, result.sunglint)

- ``output_r1`` and ``output_r2``: GDAL virtual rasters (VRT, ``io/vrt.py``) stacking the 10 m bands (B2,
  B3, B4, B8) and the 20 m bands (B5, B6, B7, B8A, B11, B12). They reference the product's band files
  where they are (``/vsizip/`` inside a zip: nothing is extracted or copied) and hold the digital numbers
  as stored, with GDAL scale and offset so that QGIS, and any GDAL reader that unscales, shows
  reflectance = (DN + offset) / scale (Sen2Cor from processing baseline 04.00: offset -1000), the
  product's no-data value, and each band's name and nominal central wavelength.
- ``output_xs``: for a Landsat product, the VRT of its 30 m bands B1 to B7 (the Sentinel-2 stacks are not
  written for a Landsat product, nor this one for a Sentinel-2 product: a warning says so).
- ``output_cloud``, ``output_shadow``, ``output_water``, ``output_snow``: the product's masks decoded at
  20 m (Landsat: 30 m) by the product reader (CLM, MG2 bits for Theia, SCL classes for Sen2Cor, QA_PIXEL bits
  for USGS), uint8 1/0, 255 no data; ``output_nodata``: 1 where the product has no data (EDG, SCL 0,
  QA_PIXEL bit 0), 0 elsewhere. They are written strip by strip, and the pixels of every mask the product
  can give are counted on the way.
- ``output_html`` and the log: mission, date, tile, Landsat path and row or site, platform, version, sun
  angles, cloud and snow percent,
  sunglint and the product's other quality flags, warnings (``pipeline/product_report.py``); the same
  numbers in the :class:`LoadProductResult`.

Everything that can be checked is checked before anything is written; every file is written under a
temporary name and renamed at the end, so an error or a cancel leaves nothing behind.
"""
import contextlib
import dataclasses
from dataclasses import dataclass, field

import numpy as np

from ..core import masks, missions
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io.products import MASK_KINDS as MASK_SOURCES
from ..io.products import THEIA
from ..io.raster import (DEFAULT_BLOCK_ROWS, GeoTiffWriter, RasterReadError, WriteBehind, blocks,
                         bounded_gdal_cache, check_geotiff_complete, open_raster, read_ahead)
from ..io.vrt import BandFile, VrtBand, stack_vrt
from . import report
from .algorithms.loadproduct import (ALL_STACKS, COMPOSITES, DEFAULT_REFLECTANCE, MASKS, REFLECTANCES, STACK_MISSIONS,
                                     no_product_error)
from .algorithms.loadproduct import spec as declaration
from .eras import era_of_product
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import open_input
from .product_report import MASK_ORDER, ProductSummary, summary_lines, summary_page
from .spec import from_values, not_a_result, results_of

#: The masks are decoded and written on the product's 20 m grid (Landsat: its 30 m grid, :func:`mask_resolution`).
MASK_RESOLUTION = 20
#: GDAL's block cache during the job: small, so that the masks' blocks are compressed and written as they
#: come (by GDAL's threads, while the next strip is read and decoded) instead of all at once when the files
#: are closed (a third of the time with a cache holding them all).
GDAL_CACHE_MB = 48
#: Nominal central wavelengths of the Sentinel-2 MSI bands, nanometres (the platforms differ by a few nm).
CENTRAL_WAVELENGTH_NM = missions.CENTRAL_WAVELENGTH_NM[missions.SENTINEL2]


@dataclass(frozen=True)
class LoadProductInputs:
    """The product: its folder, its .zip or its metadata file."""

    input_product: str = None


@dataclass(frozen=True)
class LoadProductParams:
    """``reflectance``: Theia's flat ("fre", as the Theia Snow collection) or slope-less ("sre")
    reflectance of the stacks; Sen2Cor products have one."""

    reflectance: str = DEFAULT_REFLECTANCE


@dataclass(frozen=True)
class LoadProductOutputs:
    """Paths of the outputs to write (None: not written)."""

    output_r1: str = None
    output_r2: str = None
    output_xs: str = None
    output_cloud: str = None
    output_shadow: str = None
    output_water: str = None
    output_snow: str = None
    output_nodata: str = None
    output_html: str = None


@dataclass(frozen=True)
class LoadProductResult:
    """What a run gives: the outputs written, the product's description (the algorithm's outputs:
    ``acquisition_date`` in ISO 8601 UTC with milliseconds, percentages of the valid 20 m pixels, mean sun
    angles in degrees, ``sunglint`` True, False or None when unknown), and for the report and styling the
    whole :class:`~.product_report.ProductSummary` and the acquisition as a datetime."""

    outputs: LoadProductOutputs = field(metadata=not_a_result())
    product_name: str = None
    acquisition_date: str = None
    tile: str = None
    platform: str = None
    product_version: str = None
    cloud_percent: float = None
    snow_percent: float = None
    sun_zenith: float = None
    sun_azimuth: float = None
    sunglint: bool = None
    mission: str = None
    path_row: str = None
    maja_era: str = None
    maja_cloud_buffer: float = None
    acquisition: object = field(default=None, metadata=not_a_result())
    summary: ProductSummary = field(default=None, metadata=not_a_result())
    warnings: tuple = field(default=(), metadata=not_a_result())


def run(values, feedback=None):
    """The ``loadproduct`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary, in
    which every file output is a key (None when it was not written)."""
    result = load_product(from_values(LoadProductInputs, values), from_values(LoadProductParams, values),
                          from_values(LoadProductOutputs, values), feedback)
    results = results_of(result.outputs, result)
    for parameter in declaration().destinations:
        results.setdefault(parameter.name, None)
    return results


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@job(declaration)
def load_product(inputs, params=LoadProductParams(), outputs=LoadProductOutputs(), feedback=None,
                 block_rows=None):
    """The stacks, masks and summary of ``inputs.input_product`` written to ``outputs``; a
    :class:`LoadProductResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either).
    """
    feedback = as_feedback(feedback)
    if not inputs.input_product:
        raise no_product_error()
    if str(params.reflectance).lower() not in REFLECTANCES:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a Theia reflectance ({choices})."),
                        value=params.reflectance, choices=", ".join(REFLECTANCES))
    reflectance = params.reflectance.upper()    # the product reader's name, and the summary's
    stack_paths = {name: getattr(outputs, name.lower()) for name in ALL_STACKS}
    stack_paths = {name: path for name, path in stack_paths.items() if path}
    mask_paths = {kind: getattr(outputs, name.lower()) for name, kind in MASKS.items()}
    mask_paths = {kind: path for kind, path in mask_paths.items() if path}
    labels = {p.name: p.label for p in declaration().parameters}

    with bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
        product = stack.enter_context(open_input(inputs.input_product, reflectance=reflectance,
                                                 feedback=feedback))
        if reflectance != "FRE" and product.kind != THEIA:
            feedback.info(tr("{product} is a Sen2Cor product: it has one reflectance, used as it is (SRE exists "
                             "in Theia products only).").format(product=product.name))
        warnings = list(product.warnings)
        # 1. Everything is checked before anything is written.
        for name in [n for n in stack_paths if STACK_MISSIONS[n] != product.mission]:
            del stack_paths[name]
            outputs = dataclasses.replace(outputs, **{name.lower(): None})
            warnings.append(tr("{product} is a {mission} product: it has no {stack}, which is not written.").format(
                product=product.name, mission=mission_label(product.mission), stack=labels[name]))
            feedback.warning(warnings[-1])
        vrts = {}
        for name in stack_paths:
            resolution, bands = ALL_STACKS[name]
            sources = stack_sources(product, bands, resolution, labels[name], feedback, warnings)
            vrts[name] = product_stack_vrt(product, product.grid(resolution), sources, COMPOSITES[name][0])
        decodable = mask_sources(product)
        missing = [name for name, kind in MASKS.items() if kind in mask_paths and kind not in decodable]
        if missing:
            raise NeveError("no_mask", QT_TR_NOOP(
                "{product} has no mask to make {outputs} from (Theia products need CLM, MG2 and EDG, "
                "Sen2Cor products SCL, USGS Landsat products QA_PIXEL). Skip those outputs to load the rest."),
                product=product.name, outputs=", ".join(labels[name] for name in missing))
        checkpoint(feedback)

        # 2. The masks, strip by strip, counted on the way.
        counts = write_masks(product, decodable, mask_paths, stack, feedback, block_rows)

        # 3. The stacks and the summary, still before the masks are renamed into place.
        for name, text in vrts.items():
            checkpoint(feedback)
            report.write_text(stack_paths[name], text, stack)
        summary = product_summary(product, reflectance, counts, decodable)
        for line in summary_lines(summary):
            feedback.info(line)
        if outputs.output_html:
            files = dict(stack_paths)
            files.update({name: mask_paths[kind] for name, kind in MASKS.items() if kind in mask_paths})
            report.write_text(outputs.output_html, summary_page(summary, files), stack)
        checkpoint(feedback)    # a cancel asked during the last strip is honoured too
    feedback.progress(100)
    return LoadProductResult(
        outputs=outputs, product_name=summary.name, acquisition_date=iso_utc(summary.acquisition),
        tile=summary.tile, platform=summary.platform, product_version=summary.version,
        cloud_percent=summary.percents["cloud"], snow_percent=summary.percents["snow"],
        sun_zenith=summary.sun_zenith, sun_azimuth=summary.sun_azimuth, sunglint=summary.sunglint,
        mission=mission_label(product.mission), path_row=product.path_row,
        maja_era=summary.maja_era.key if summary.maja_era else None,
        maja_cloud_buffer=summary.maja_era.distance if summary.maja_era else None,
        acquisition=summary.acquisition, summary=summary, warnings=tuple(warnings))


def mission_label(mission):
    """"Sentinel-2" or "Landsat"."""
    return {missions.SENTINEL2: "Sentinel-2", missions.LANDSAT: "Landsat"}.get(mission, mission)


def mask_resolution(product):
    """The pixel size of the masks written: 20 m (Sentinel-2), the product's own 30 m grid (Landsat)."""
    return product.native_resolution if product.mission == missions.LANDSAT else MASK_RESOLUTION


def write_masks(product, decodable, mask_paths, stack, feedback, block_rows=None):
    """Write the masks of ``mask_paths`` (kind -> path) on the product's 20 m grid (Landsat: 30 m,
    :func:`mask_resolution`), strip by strip, to
    temporary files renamed when ``stack`` closes; count the pixels of every kind the product can give
    (``decodable``) on the way. Returns the counts: kind -> pixels in the mask and valid, ``"nodata"`` ->
    pixels without data, ``"valid"`` and ``"pixels"``.

    Three strips at once: the next one read and decoded by a thread (``io/raster.read_ahead``; the product's
    files are read by that thread only), this one counted and encoded, the previous one written by a thread
    per mask (``io/raster.WriteBehind``)."""
    grid = product.grid(mask_resolution(product))
    wanted = [kind for kind in MASK_ORDER if kind in decodable]  # all of them, for the summary
    writers = {kind: stack.enter_context(WriteBehind(stack.enter_context(GeoTiffWriter(
        path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
        nodata=None if kind == "nodata" else masks.MASK_NODATA)))) for kind, path in mask_paths.items()}
    counts = dict.fromkeys(MASK_ORDER + ("valid", "pixels"), 0)
    strips = list(blocks(grid.width, grid.height, block_rows or DEFAULT_BLOCK_ROWS))
    for block, decoded in read_ahead(lambda strip: product.read_masks(wanted, grid, strip.read), strips):
        checkpoint(feedback)
        no_data = decoded.get("nodata")
        if no_data is None:
            no_data = np.zeros((int(block.read.height), int(block.read.width)), bool)
        valid = ~no_data
        counts["pixels"] += no_data.size
        counts["valid"] += int(np.count_nonzero(valid))
        for kind, mask in decoded.items():
            if kind != "nodata":
                mask &= valid           # the decoded mask is this loop's own
            counts[kind] += int(np.count_nonzero(mask))
            if kind in writers:
                if kind == "nodata":
                    writers[kind].write(mask.astype(np.uint8), block.write)
                else:
                    writers[kind].write(masks.encode_mask(mask, no_data), block.write)
        feedback.progress(95.0 * (block.index + 1) / block.count)
    return counts


def mask_sources(product):
    """Mask kind -> the product's mask file it is decoded from, for the kinds the product can give."""
    found = {}
    for kind in MASK_ORDER:
        name = next((mask for mask, _how, _values in MASK_SOURCES[kind] if mask in product.masks), None)
        if name:
            found[kind] = name
    return found


def iso_utc(moment):
    """2021-06-15T10:56:31.024Z (milliseconds), or None."""
    if moment is None:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(moment.microsecond // 1000)


# --------------------------------------------------------------------------------------------------
# Band files and VRT stacks
# --------------------------------------------------------------------------------------------------

def stack_sources(product, bands, resolution, label, feedback, warnings):
    """``(band, io.vrt.BandFile)`` of each band of the stack ``label``, every file opened and checked
    complete. Raises a :class:`~..errors.NeveError` when a band is missing or a file damaged; warns (to
    ``feedback`` and the list ``warnings``) when a band is only found at a coarser resolution (a product
    cut down for tests, or damaged)."""
    missing = [band for band in bands if band not in product.bands]
    if missing:
        raise NeveError("missing_bands", QT_TR_NOOP(
            "{product} lacks {bands}, needed for the {stack}. Skip that output to load the rest, or "
            "download the product again."), product=product.name, bands=", ".join(missing), stack=label)
    sources = []
    grid = product.grid(resolution)
    for band in bands:
        path = product.file(band, resolution)
        try:
            dataset = open_raster(path)
            try:
                if dataset.driver == "GTiff":
                    check_geotiff_complete(path)
                source = BandFile.of(path, dataset)
            finally:
                dataset.close()
        except RasterReadError as error:
            raise NeveError("damaged_file", QT_TR_NOOP(
                "Could not read {file}: the file is damaged or truncated (GDAL: {error}). Download the "
                "product again."), file=path, error=error.detail) from None
        if source.crs != grid.crs:
            raise NeveError("band_crs", QT_TR_NOOP(
                "{file} is not in the coordinate reference system of the product ({crs})."),
                file=path, crs=grid.crs)
        sources.append((band, source))
    coarse = [band for band, source in sources if source.resolution > resolution + 1e-6]
    if coarse:
        warnings.append(tr(
            "{product} has {bands} only at a coarser resolution than {resolution} m: in the {stack} each of "
            "their pixels is repeated (nearest neighbour), values unchanged.").format(
            product=product.name, bands=", ".join(coarse), resolution=resolution, stack=label))
        feedback.warning(warnings[-1])
    return sources


def product_stack_vrt(product, grid, sources, composite=()):
    """The XML text of the VRT stacking ``sources`` (``(band, BandFile)``) on ``grid``: each band named
    with its central wavelength, the product's no-data, scale and offset (unscaled values are
    reflectance), the bands of ``composite`` (red, green, blue) with that colour interpretation, the
    product's name, platform, tile, date and version as metadata."""
    metadata = (("PRODUCT", product.name), ("PLATFORM", product.platform), ("TILE", product.tile),
                ("ACQUISITION_DATE", iso_utc(product.acquisition)), ("PRODUCT_VERSION", product.version))
    bands = []
    wavelengths = missions.CENTRAL_WAVELENGTH_NM[product.mission]
    for band, source in sources:
        wavelength = wavelengths[band]
        bands.append(VrtBand(
            source, "{} ({} nm)".format(band, wavelength),
            metadata=(("BAND", band), ("CENTRAL_WAVELENGTH_NM", str(wavelength))),
            imagery=(("CENTRAL_WAVELENGTH_UM", repr(wavelength / 1000.0)),),
            nodata=product.reflectance_nodata, scale=product.reflectance_scale,
            offset=float(product.reflectance_offsets.get(band, 0.0)),
            color_interp=dict(zip(composite, ("Red", "Green", "Blue"))).get(band)))
    return stack_vrt(grid, bands, metadata)


# --------------------------------------------------------------------------------------------------
# The summary
# --------------------------------------------------------------------------------------------------

def product_summary(product, reflectance, counts, decodable):
    """The :class:`~.product_report.ProductSummary` of ``product``: its description, the percentages of
    the mask ``counts`` and the sunglint verdict."""
    def percent(kind):
        # of the valid 20 m pixels (no data: of all pixels); None when the product cannot tell or has no
        # valid pixel
        if kind not in decodable:
            return None
        total = counts["pixels"] if kind == "nodata" else counts["valid"]
        return 100.0 * counts[kind] / total if total else None

    sunglint, sunglint_source = product_sunglint(product)
    sun = product.sun_angles
    return ProductSummary(
        name=product.name, kind=product.kind, platform=product.platform, tile=product.tile,
        mission=mission_label(product.mission), path_row=product.path_row, site=product.site,
        mask_resolution=mask_resolution(product),
        acquisition=product.acquisition, production=product.production, version=product.version,
        reflectance=reflectance, reflectance_scale=product.reflectance_scale,
        reflectance_offsets=tuple(sorted({float(product.reflectance_offsets.get(b, 0.0))
                                          for b in missions.CENTRAL_WAVELENGTH_NM[product.mission]})),
        reflectance_nodata=product.reflectance_nodata,
        sun_zenith=sun.zenith if sun else None, sun_azimuth=sun.azimuth if sun else None,
        sunglint=sunglint, sunglint_source=sunglint_source, maja_era=era_of_product(product),
        percents={kind: percent(kind) for kind in MASK_ORDER},
        quality=dict(product.quality), warnings=tuple(product.warnings))


def product_sunglint(product):
    """(sunglint likely: True, False or None, where the verdict comes from: ``"flag"`` MAJA's flag in the
    metadata, ``"rule"`` MAJA's rule on the mean angles, None unknown)."""
    from ..core.cloud import scene_sunglint
    from .cloudinputs import mean_viewing_angles

    flag = product.quality.get("SunGlintDetected")
    if isinstance(flag, bool):
        return flag, "flag"
    views = mean_viewing_angles(product)   # Landsat: at nadir
    if product.sun_angles is not None and views:
        flag = scene_sunglint(product.sun_angles.zenith, product.sun_angles.azimuth,
                              [v.zenith for v in views], [v.azimuth for v in views])
        return flag, "rule"
    return None, None
