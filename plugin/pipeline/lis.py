"""The LIS snow method, composed once: :func:`run_lis`, for the whole-product job and for the preview alike.

The steps are the functions of ``core/snow.py`` (DOMAIN.md section 5); this module puts them in LIS's
order over a *source* of strips and hands each output strip to a *sink*:

1. sweep 1, strip by strip: NDSI and red from the digital numbers, pass 1 (step 4); what pass 2 needs is
   kept (:class:`Scratch`: the 20 m digital numbers, one byte of flags, the DEM, the tree cover), in
   memory or in a temporary folder when the image is large;
2. between the sweeps, the global steps on what sweep 1 kept: the optional "pass 1.5" of LIS (snow
   objects inside the clouds go back to cloud: ``core.snow.snow_inside_cloud`` labels the kept pass-1
   flags of the whole image, the removed objects are written back into the flags), and the cast shadows
   of the relief for the shaded snow (``core.relief.cast_shadows`` on the kept DEM, by chunks of lines
   along the sun direction);
3. the snowline (step 5): the elevation histogram of the kept DEM and pass-1 snow, and the gate of
   pass 2 (:func:`snowline_decision`);
4. sweep 2, strip by strip with the halo of the 240 m red: dark-cloud test (2), back to cloud (3),
   pass 2 (6), the map (7) and the optional layers (bit field, NDSI, fractional snow cover, QC flags,
   the shaded area).

The options, all off by default (``params``): ``strict_cloud_mask`` (LIS: snow of the back-to-cloud mask is
not snow), ``remove_snow_inside_cloud`` with its ``..._dilation_radius``, ``..._threshold``, ``..._min_area``
(LIS pass 1.5), ``water_source`` other than "none" (water pixels are never snow; the source's ``water``, and
its ``water_source`` when it has one),
``shaded_snow`` (QC bit 6: snow in the cast shadow of the relief; the source's ``sun`` angles and DEM).

A *source* (``pipeline/snowmap.ProductSource`` reads a product or layers onto a grid; the preview uses the
same one on the visible window, or a decimated one for a coarse view) has:

- ``grid`` (the map's grid), ``dtypes`` (dtype of the digital numbers of "B3", "B4", "B11" it returns),
  ``radiometry`` (:class:`Radiometry`), ``has_dem``, ``has_tcd``, ``has_mg2``, ``has_water``, and for the
  shaded snow ``sun`` (``(zenith, azimuth)`` in degrees, or None) and ``pixel_size`` (metres);
- ``read(window)`` -> dict with ``green``, ``red``, ``swir`` (digital numbers), ``layers``
  (``core.snow.CloudLayers``), and when the source has them ``mg2``, ``water``, ``dem`` (float32, NaN no
  elevation), ``tcd`` (float32 percent, 255 unknown).

A *sink* has ``write(name, values, window)`` for each output strip (names of :data:`OUTPUT_LAYERS`, the map
always).
"""
import contextlib
import math
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ..core import snow
from ..i18n import tr
from ..io.raster import blocks
from .feedback import checkpoint
from .inputs import check_elevation_bands

#: Rows of the 20 m grid per strip. Strips of 128 rows keep the work arrays of a strip in the processor's
#: cache better than larger ones (measured: a fifth less CPU time than 512 on a full tile) and memory low;
#: the 240 m red needs 20 rows of halo on each side.
BLOCK_ROWS = 128
#: What is kept between the two sweeps stays in memory up to this size, else goes to a temporary folder.
SCRATCH_IN_MEMORY_MB = 768
#: Strips computed at once (numpy and GDAL work outside Python's lock: two cores share the work).
THREADS = 2

# Flags kept between the sweeps, one byte per pixel. FLAG_BACK_TO_CLOUD: pass-1 snow that pass 1.5 put back
# in the cloud mask (then no longer FLAG_SNOW1).
FLAG_SNOW1, FLAG_ALL_CLOUD, FLAG_SHADOW, FLAG_HIGH, FLAG_WATER, FLAG_MG2_BIT6, FLAG_MG2_BIT7 = (
    1, 2, 4, 8, 16, 32, 64)
FLAG_BACK_TO_CLOUD = 128
CLOUD_PASS1 = FLAG_ALL_CLOUD | FLAG_BACK_TO_CLOUD
#: Rows of the kept flags read at once by the global steps between the sweeps.
GLOBAL_STEP_ROWS = 1024

#: The output layers a sink can receive: the map, the LIS bit field, the NDSI, the fractional snow cover on
#: top of canopy and on ground, the QC flags, the cast shadows of the relief (bool, with ``shaded_snow``).
MAP, BITS, NDSI, FSC, FSC_OG, QC, SHADE = "map", "bits", "ndsi", "fsc", "fsc_og", "qc", "shade"
OUTPUT_LAYERS = (MAP, BITS, NDSI, FSC, FSC_OG, QC, SHADE)


@dataclass(frozen=True)
class Radiometry:
    """How the digital numbers of the bands become reflectance: (DN + offset) / scale, and which DN is
    no data (``nodata``: band -> value or None)."""

    scale: float
    offsets: dict
    nodata: dict

    def reflectance(self, dn, band):
        """(DN + offset) / scale, by division (exact at the thresholds, see core/snow.py)."""
        offset = self.offsets.get(band, 0.0)
        values = np.add(dn, offset, dtype=np.float64) if offset else dn.astype(np.float64)
        values /= self.scale
        return values

    def ndsi(self, green, swir):
        """NDSI on the digital numbers plus their offsets (exact, scale-free)."""
        offsets = (self.offsets.get("B3", 0.0), self.offsets.get("B11", 0.0))
        if offsets == (0.0, 0.0):
            return snow.ndsi(green, swir)
        if all(float(o).is_integer() for o in offsets) and green.dtype.kind in "iu" and swir.dtype.kind in "iu":
            return snow.ndsi(green.astype("int64") + int(offsets[0]), swir.astype("int64") + int(offsets[1]))
        return snow.ndsi(green + offsets[0], swir + offsets[1])

    def missing(self, dn, band):
        """Missing pixels of a band's DN (its nodata value, NaN)."""
        nodata = self.nodata.get(band)
        missing = np.isnan(dn) if dn.dtype.kind == "f" else np.zeros(dn.shape, dtype=bool)
        if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
            missing |= dn == nodata
        return missing

    def coarse_red_quantification(self, dtype):
        return self.scale if np.dtype(dtype).kind in "iu" else None

    def coarse_red_on_dn(self, dtype, band="B4"):
        """Whether the coarse red is averaged on the digital numbers (see :meth:`coarse_red`)."""
        return not (float(self.offsets.get(band, 0.0)).is_integer() or np.dtype(dtype).kind not in "iu")

    def coarse_red_sums(self, width, height, dtype, resize_factor):
        """A ``core.snow.CoarseRed`` (``core.snow.coarse_red`` given strip after strip) of a whole image of
        ``width`` x ``height`` red digital numbers of ``dtype``: strips go in by :meth:`add_coarse_red`, the
        coarse red of rows comes out by :meth:`coarse_red_rows`, in reflectance, NaN where the coarse pixel
        has no data.

        The average is rounded to a whole DN as GDAL writes an integer band (LIS warps the band's DN): on
        reflectance with the quantification when the offset is a whole number of DN (Theia, Sen2Cor: the
        same rounding), else on the DN themselves, then turned into reflectance (USGS Landsat, whose offset
        -0.2 / 2.75e-05 is not a whole DN)."""
        on_dn = self.coarse_red_on_dn(dtype)
        return snow.CoarseRed(width, height, resize_factor,
                              quantification=1 if on_dn else self.coarse_red_quantification(dtype))

    def add_coarse_red(self, sums, red_dn, first_row, red=None, band="B4"):
        """The rows ``first_row ..`` of the red digital numbers ``red_dn`` into ``sums``
        (:meth:`coarse_red_sums`); ``red``: their reflectance when already computed."""
        missing = self.missing(red_dn, band)
        if self.coarse_red_on_dn(red_dn.dtype, band):
            sums.add(red_dn.astype(np.float64), missing, first_row)
        else:
            sums.add(self.reflectance(red_dn, band) if red is None else red, missing, first_row)

    def coarse_red_rows(self, sums, rows, dtype, band="B4"):
        """The coarse red (reflectance, NaN no data) of image ``rows`` from ``sums`` once finished, for red
        digital numbers of ``dtype``."""
        coarse = sums.rows(rows)
        if self.coarse_red_on_dn(dtype, band):
            return (coarse + float(self.offsets.get(band, 0.0))) / self.scale
        return coarse


@dataclass
class LisResult:
    """What :func:`run_lis` found: the snowline ``zs`` (m, None when pass 2 did not run), the snowline
    search (``line``, ``counts``, ``edges``: None without DEM), the pass-1 snow fraction, the pixel counts
    of the map (no snow, snow, cloud, no data), the percentages, the values present in the bit field and
    the QC flags, the pass-1.5 counts (snow objects and pixels put back to cloud), the pixels in the cast
    shadow of the relief (None when not computed), and the warnings (translated)."""

    zs: float = None
    line: object = None
    counts: object = None
    edges: object = None
    snow1_fraction: float = 0.0
    map_counts: object = None
    snow_percent: float = 0.0
    cloud_percent: float = 0.0
    bits_present: set = field(default_factory=set)
    qc_present: set = field(default_factory=set)
    removed_objects: int = 0
    removed_pixels: int = 0
    shaded_pixels: int = None
    warnings: list = field(default_factory=list)


class Scratch:
    """Arrays of the whole image kept between the two sweeps: in memory, or as files of a temporary folder
    (removed when the run ends, whatever happens) when they would take more than
    :data:`SCRATCH_IN_MEMORY_MB`. The folder's name carries the process id, so that a later run can tell
    a folder left by a killed process (``io.raster.remove_stale``)."""

    def __init__(self, shape, fields, stack, folder=None, in_memory_mb=SCRATCH_IN_MEMORY_MB):
        self.arrays = {}
        total = sum(np.dtype(dtype).itemsize for dtype in fields.values()) * shape[0] * shape[1]
        scratch = None
        if total > in_memory_mb * 2 ** 20:
            from ..io.raster import scratch_array, scratch_folder

            scratch = stack.enter_context(scratch_folder("snowmap", folder))
            stack.callback(self.close)      # runs first: files still mapped cannot be removed on Windows
        for name, dtype in fields.items():
            if scratch is None:
                self.arrays[name] = np.empty(shape, dtype=dtype)
            else:
                self.arrays[name] = scratch_array(os.path.join(scratch, name + ".dat"), dtype, shape)

    def close(self):
        """Unmap the files (the run is over: nothing reads them any more)."""
        for array in self.arrays.values():
            mapping = getattr(array, "_mmap", None)
            if mapping is not None:
                with contextlib.suppress(Exception):
                    mapping.close()
        self.arrays.clear()

    def __getitem__(self, name):
        return self.arrays[name]

    def __contains__(self, name):
        return name in self.arrays


def in_pool(function, items, threads=THREADS):
    """``(item, function(item))`` for every item, in order; ``threads`` items are computed at once by a
    pool (numpy works outside Python's lock) while this thread takes the results."""
    if threads <= 1:
        for item in items:
            yield item, function(item)
        return
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="neve-lis") as pool:
        pending = deque()
        for item in items:
            pending.append((item, pool.submit(function, item)))
            if len(pending) >= threads:
                done, task = pending.popleft()
                yield done, task.result()
        while pending:
            done, task = pending.popleft()
            yield done, task.result()


def rows_of(window):
    return slice(int(window.row_off), int(window.row_off + window.height))


def run_lis(source, params, wanted, sink, feedback, stack, block_rows=None, scratch_dir=None, threads=None,
            in_memory_mb=None):
    """The LIS method over ``source``, its outputs to ``sink``; returns a :class:`LisResult`.

    ``params`` holds the thresholds and options (``pipeline.snowmap.SnowMapParams``: ndsi_pass1, red_pass1,
    ndsi_pass2, red_pass2, red_darkcloud, red_backtocloud, dz, fsnow_lim, fclear_lim, fsnow_total_lim,
    resize_factor, nodata_code, snowline_count_nodata, fsc_formula); ``wanted`` the names of
    :data:`OUTPUT_LAYERS` to compute besides the map. Progress goes to ``feedback`` (0..55 sweep 1, 55..60
    the snowline, 60..95 sweep 2); a cancel raises ``Cancelled`` at the next strip. ``stack`` (an
    ``ExitStack``) owns the scratch files. ``block_rows``, ``threads`` and ``in_memory_mb`` default to
    :data:`BLOCK_ROWS`, :data:`THREADS` and :data:`SCRATCH_IN_MEMORY_MB`.
    """
    block_rows = BLOCK_ROWS if block_rows is None else block_rows
    threads = THREADS if threads is None else threads
    in_memory_mb = SCRATCH_IN_MEMORY_MB if in_memory_mb is None else in_memory_mb
    run = _LisRun(source, params, set(wanted) | {MAP}, sink, feedback, stack, block_rows, scratch_dir, threads,
                  in_memory_mb)
    run.first_sweep()
    run.global_steps()
    run.snowline()
    run.second_sweep()
    return run.result


def option(params, name):
    """An option of ``params`` (off when the parameters object does not have it)."""
    return getattr(params, name, None) or False


class _LisRun:
    def __init__(self, source, params, wanted, sink, feedback, stack, block_rows, scratch_dir, threads,
                 in_memory_mb):
        self.source, self.p, self.wanted, self.sink, self.feedback = source, params, wanted, sink, feedback
        self.grid, self.radiometry = source.grid, source.radiometry
        self.block_rows, self.threads = max(1, int(block_rows)), threads
        fields = {"green": source.dtypes["B3"], "red": source.dtypes["B4"], "swir": source.dtypes["B11"],
                  "flags": np.uint8}
        if source.has_dem:
            fields["dem"] = np.float32
        if source.has_tcd:
            fields["tcd"] = np.float32
        self.strict = bool(option(params, "strict_cloud_mask"))
        self.pass1_5 = bool(option(params, "remove_snow_inside_cloud"))
        # the source of water as the source resolved it (a water layer given chooses it), else the parameter
        water_source = getattr(source, "water_source", None) or option(params, "water_source")
        self.water_not_snow = water_source not in (False, "none") and source.has_water
        sun = getattr(source, "sun", None)
        self.shade = (bool(option(params, "shaded_snow")) and source.has_dem and sun is not None
                      and bool({QC, SHADE} & wanted))
        if self.pass1_5:
            fields["labels"] = np.int32
        if self.shade:
            fields["shade"] = np.bool_
        self.scratch = Scratch(self.grid.shape, fields, stack, scratch_dir, in_memory_mb)
        # the horizontal pass of the 240 m red, made by sweep 1 as the strips come (step 2)
        self.coarse_red = self.radiometry.coarse_red_sums(self.grid.width, self.grid.height, fields["red"],
                                                          params.resize_factor)
        self.dem_range = [math.inf, -math.inf]
        self.snow1_pixels = 0
        self.counted_pixels = 0
        self.result = LisResult(map_counts=np.zeros(4, dtype=np.int64))

    def blocks(self, halo=0):
        return blocks(self.grid.width, self.grid.height, self.block_rows, halo)

    def progress(self, start, span, block):
        checkpoint(self.feedback)
        self.feedback.progress(start + span * (block.index + 1) / block.count)

    # sweep 1 -----------------------------------------------------------------------------------------
    def first_sweep(self):
        """Read every strip once, run pass 1, keep what the snowline and pass 2 need. The next strip is
        read while this one is computed; a file is never read by two tasks at once."""
        p, source, scratch, radiometry = self.p, self.source, self.scratch, self.radiometry
        strips = list(self.blocks())
        # a source that reads in two threads may start the second one's part a strip further ahead
        prepare = getattr(source, "prepare", lambda window: None)
        with ThreadPoolExecutor(max_workers=max(1, self.threads), thread_name_prefix="neve-lis-read") as pool:
            for block in strips[:2]:
                prepare(block.write)
            pending = pool.submit(source.read, strips[0].write)
            for index, block in enumerate(strips):
                rows = rows_of(block.write)
                data = pending.result()
                pending = pool.submit(source.read, strips[index + 1].write) if index + 1 < len(strips) else None
                if index + 2 < len(strips):
                    prepare(strips[index + 2].write)
                green, red_dn, swir, layers = data["green"], data["red"], data["swir"], data["layers"]
                ndsi = radiometry.ndsi(green, swir)
                red = radiometry.reflectance(red_dn, "B4")
                snow1 = snow.first_pass(ndsi, red, layers.all_cloud, p.ndsi_pass1, p.red_pass1)
                if self.water_not_snow:
                    snow1 &= ~data["water"]

                flags = (snow1 * np.uint8(FLAG_SNOW1)) | (layers.all_cloud * np.uint8(FLAG_ALL_CLOUD))
                flags |= (layers.shadow * np.uint8(FLAG_SHADOW)) | (layers.high * np.uint8(FLAG_HIGH))
                if "mg2" in data:   # bits 6 (sun too low) and 7 (sun tangent) of MG2
                    flags |= ((data["mg2"] >> 6) & 3).astype(np.uint8) * np.uint8(FLAG_MG2_BIT6)
                if "water" in data:
                    flags |= data["water"] * np.uint8(FLAG_WATER)
                scratch["green"][rows], scratch["red"][rows], scratch["swir"][rows] = green, red_dn, swir
                scratch["flags"][rows] = flags
                red_kept = scratch["red"][rows]
                radiometry.add_coarse_red(self.coarse_red, red_kept, rows.start,
                                          red=red if red_kept.dtype == red_dn.dtype else None)
                if "dem" in data:
                    dem = data["dem"]
                    scratch["dem"][rows] = dem
                    if np.isfinite(dem).any():
                        self.dem_range = [min(self.dem_range[0], float(np.nanmin(dem))),
                                          max(self.dem_range[1], float(np.nanmax(dem)))]
                if "tcd" in data:
                    scratch["tcd"][rows] = data["tcd"]
                # the total snow fraction of pass 1 (LIS compute_percent over the image, no data included)
                counted = None if p.snowline_count_nodata else ~radiometry.missing(swir, "B11")
                self.snow1_pixels += int(np.count_nonzero(snow1 if counted is None else snow1 & counted))
                self.counted_pixels += snow1.size if counted is None else int(np.count_nonzero(counted))
                self.progress(0, 55, block)
        self.coarse_red.finish()
        self.result.snow1_fraction = self.snow1_pixels / self.counted_pixels if self.counted_pixels else 0.0

    # between the sweeps ------------------------------------------------------------------------------
    def global_steps(self):
        """Pass 1.5 and the cast shadows of the relief, on the whole image kept by sweep 1."""
        if self.pass1_5:
            self.snow_inside_cloud()
        if self.shade:
            from ..core import relief

            zenith, azimuth = self.source.sun
            relief.cast_shadows(self.scratch["dem"], self.source.pixel_size, zenith, azimuth,
                                out=self.scratch["shade"], origin=relief.lattice_origin(self.grid.transform))
        checkpoint(self.feedback)

    def snow_inside_cloud(self):
        """LIS pass 1.5 (``core.snow.snow_inside_cloud``) on the kept flags; the objects removed leave
        FLAG_SNOW1 for FLAG_BACK_TO_CLOUD, and the pass-1 snow fraction is counted again."""
        p, scratch, radiometry = self.p, self.scratch, self.radiometry
        flags = scratch["flags"]
        snow1, cloud = np.empty(flags.shape, dtype=bool), np.empty(flags.shape, dtype=bool)
        for top in range(0, flags.shape[0], GLOBAL_STEP_ROWS):
            part = flags[top:top + GLOBAL_STEP_ROWS]
            snow1[top:top + GLOBAL_STEP_ROWS] = (part & FLAG_SNOW1) != 0
            cloud[top:top + GLOBAL_STEP_ROWS] = (part & FLAG_ALL_CLOUD) != 0
        found = snow.snow_inside_cloud(snow1, cloud, int(p.remove_snow_inside_cloud_dilation_radius),
                                       float(p.remove_snow_inside_cloud_threshold),
                                       float(p.remove_snow_inside_cloud_min_area), labels=scratch["labels"])
        del snow1, cloud
        self.result.removed_objects = int(found.removed.size)
        if not found.removed.size:
            return
        for top in range(0, flags.shape[0], GLOBAL_STEP_ROWS):
            rows = slice(top, top + GLOBAL_STEP_ROWS)
            removed = snow.removed_snow(found.labels[rows], found.removed)
            part = flags[rows]
            part[removed] = (part[removed] & np.uint8(~FLAG_SNOW1 & 0xFF)) | np.uint8(FLAG_BACK_TO_CLOUD)
            flags[rows] = part
            self.result.removed_pixels += int(np.count_nonzero(removed))
            if not p.snowline_count_nodata:
                removed &= ~radiometry.missing(scratch["swir"][rows], "B11")
            self.snow1_pixels -= int(np.count_nonzero(removed))
        self.result.snow1_fraction = self.snow1_pixels / self.counted_pixels if self.counted_pixels else 0.0

    # snowline ----------------------------------------------------------------------------------------
    def snowline(self):
        """The elevation histogram of the kept DEM and pass-1 snow, and the snowline zs."""
        p, result, scratch = self.p, self.result, self.scratch
        if not self.source.has_dem or not self.dem_range[0] <= self.dem_range[1]:
            if self.source.has_dem and getattr(self.source, "dem_covers", True):
                result.warnings.append(tr("The DEM has no elevation over the scene: pass 2 is skipped."))
            return
        check_elevation_bands(self.dem_range[0], self.dem_range[1], p.dz, "DZ")
        result.edges = snow.dem_bin_edges(self.dem_range[0], self.dem_range[1], p.dz)
        if result.edges is None:
            result.warnings.append(tr(
                "The DEM spans less than one elevation band ({low:.0f} to {high:.0f} m, bands of {dz:g} m): "
                "no snowline, pass 2 is skipped.").format(low=self.dem_range[0], high=self.dem_range[1], dz=p.dz))
            return

        def histogram(block):
            rows = rows_of(block.write)
            flags = scratch["flags"][rows]
            # the cloud of the histogram: LIS's cloud_pass1, the original mask with what pass 1.5 added
            return snow.snowline_histogram(scratch["dem"][rows], (flags & CLOUD_PASS1) != 0,
                                           (flags & FLAG_SNOW1) != 0, result.edges,
                                           nodata=None if p.snowline_count_nodata else
                                           self.radiometry.missing(scratch["swir"][rows], "B11"),
                                           include_nodata=p.snowline_count_nodata)

        counts = np.zeros((len(result.edges) - 1, 2, 2), dtype=np.int64)
        for block, strip_counts in in_pool(histogram, self.blocks(), self.threads):
            counts += strip_counts
            self.progress(55, 5, block)
        result.counts = counts
        result.line, result.zs, warning = snowline_decision(counts, result.edges, result.snow1_fraction, p)
        if warning:
            result.warnings.append(warning)

    # sweep 2 -----------------------------------------------------------------------------------------
    def second_sweep(self):
        """Dark-cloud test, back to cloud, pass 2 and the map, strip by strip, to the sink."""
        result = self.result
        for block, strip in in_pool(self.second_pass_strip, self.blocks(), self.threads):
            for name, values in strip.items():
                self.sink.write(name, values, block.write)
            result.map_counts += snow.map_counts(strip[MAP], self.p.nodata_code)
            for name, present in ((BITS, result.bits_present), (QC, result.qc_present)):
                if name in strip:
                    present.update(np.flatnonzero(np.bincount(strip[name].ravel(), minlength=256)).tolist())
            if self.shade:
                result.shaded_pixels = (result.shaded_pixels or 0) + int(np.count_nonzero(
                    self.scratch["shade"][rows_of(block.write)]))
            self.progress(60, 35, block)
        result.snow_percent, result.cloud_percent = snow.snow_cloud_percent(result.map_counts)

    def second_pass_strip(self, block):
        """Steps 2, 3, 6 and 7 of the method on one strip from what the first sweep kept; returns the strip
        of each wanted output (the map always)."""
        p, scratch, radiometry, wanted = self.p, self.scratch, self.radiometry, self.wanted
        rows = rows_of(block.write)
        red_coarse = radiometry.coarse_red_rows(self.coarse_red, range(rows.start, rows.stop),
                                                scratch["red"].dtype)
        flags = scratch["flags"][rows]
        all_cloud = (flags & FLAG_ALL_CLOUD) != 0
        shadow, high = (flags & FLAG_SHADOW) != 0, (flags & FLAG_HIGH) != 0
        snow1 = (flags & FLAG_SNOW1) != 0
        ndsi = radiometry.ndsi(scratch["green"][rows], scratch["swir"][rows])
        red = radiometry.reflectance(scratch["red"][rows], "B4")
        nodata = radiometry.missing(scratch["swir"][rows], "B11")

        cloud_refined = snow.dark_cloud_test(all_cloud, shadow, high, red_coarse, p.red_darkcloud)
        cloud_pass1 = all_cloud
        if self.pass1_5:    # LIS: "(cloud_pass1 != all_cloud)" joins the refined cloud mask
            back_to_cloud = (flags & FLAG_BACK_TO_CLOUD) != 0
            cloud_pass1 = all_cloud | back_to_cloud
            cloud_refined |= back_to_cloud
        back = snow.back_to_cloud(all_cloud, red, p.red_backtocloud)
        dem = scratch["dem"][rows] if "dem" in scratch else None
        snow2 = snow.second_pass(ndsi, red, dem, cloud_refined, self.result.zs, p.ndsi_pass2, p.red_pass2)
        if self.water_not_snow:
            snow2 &= (flags & FLAG_WATER) == 0
        snow_map = snow.snow_map(snow1, snow2, cloud_refined, back, nodata, p.nodata_code,
                                 strict_cloud_mask=self.strict)
        out = {MAP: snow_map}
        shade = scratch["shade"][rows] if self.shade else None
        if SHADE in wanted and shade is not None:
            out[SHADE] = shade.copy()

        mg2 = None          # MG2 bits 6 and 7, as kept
        if self.source.has_mg2:
            mg2 = ((flags & np.uint8(FLAG_MG2_BIT6 | FLAG_MG2_BIT7)) // np.uint8(FLAG_MG2_BIT6)) << np.uint8(6)
        if BITS in wanted:
            slope = snow.slope_flag(mg2) if mg2 is not None else None
            out[BITS] = snow.snow_bits(snow1, snow2, cloud_pass1, cloud_refined, all_cloud, slope)
        if NDSI in wanted:   # within [-1, 1] even for negative reflectances (offsets, a bad layer)
            values = np.clip(ndsi, -1.0, 1.0).astype(np.float32)
            values[nodata] = np.nan
            out[NDSI] = values
        if FSC in wanted or FSC_OG in wanted:
            fsc = snow.fsc_toc(ndsi, p.fsc_formula)
            if FSC in wanted:
                out[FSC] = snow.fsc_codes(snow_map, fsc)
            if FSC_OG in wanted:
                out[FSC_OG] = snow.fsc_codes(snow_map, snow.fsc_og(fsc, scratch["tcd"][rows]))
        if QC in wanted:
            water = (flags & FLAG_WATER) != 0 if self.source.has_water else None
            tcd = scratch["tcd"][rows] if "tcd" in scratch else None
            shaded_snow = shade & (snow_map == snow.SNOW) if shade is not None else None
            out[QC] = snow.qc_flags(snow_map, all_cloud, mg2, water, tcd, shaded_snow)
        return out


def snowline_decision(counts, edges, snow1_fraction, params):
    """``(line, zs, warning)``: the snowline search of ``core.snow.snowline_elevation`` on the histogram
    ``counts``, and the zs of pass 2 (None when it is skipped, with the translated reason). Pass 2 needs a
    snowy band and pass-1 snow on more than ``fsnow_total_lim`` of the image (LIS ``compute_percent`` over
    the whole pass-1 image, pixels without DEM included)."""
    p = params
    line = snow.snowline_elevation(counts, edges, p.dz, p.fsnow_lim, p.fclear_lim, p.fsnow_total_lim)
    if line.zs is None:
        return line, None, tr("No elevation band is snowy: no snowline, pass 2 is skipped.")
    if not snow1_fraction > p.fsnow_total_lim:
        return line, None, tr(
            "Pass 1 found snow on {percent:.3f} % of the image, not more than {limit:g} %: pass 2 is "
            "skipped.").format(percent=100.0 * snow1_fraction, limit=100.0 * p.fsnow_total_lim)
    return line, line.zs, None


class ArraySink:
    """A sink that keeps whole output arrays in memory (the preview, tests)."""

    def __init__(self, grid, nodata_code):
        self.grid, self.nodata_code = grid, nodata_code
        self.arrays = {}

    def write(self, name, values, window):
        if name not in self.arrays:
            self.arrays[name] = np.empty(self.grid.shape, dtype=values.dtype)
        self.arrays[name][rows_of(window)] = values
