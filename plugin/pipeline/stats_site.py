"""The site series of ``snowstats``' report: the dated maps cropped to one zone, sampled while the maps are
counted (``pipeline/stats.py``), merged as the counts are."""
import math

import numpy as np

from ..i18n import tr
from ..io import vectors
from ..io.raster import Grid

#: Long side of the site series' pictures, in pixels.
SITE_PIXELS = 120


class SiteSeries:
    """Pictures of one zone on each date (codes on a small grid in the first map's CRS; 255 where no
    map has a pixel), merged as the counts are (a clear observation first, then the map listed first);
    ``inside``: the pixels of the picture in the zone."""

    def __init__(self, name, grid, inside, n_dates):
        self.name, self.grid, self.inside = name, grid, inside
        size = grid.width * grid.height
        self.codes = np.full((n_dates, size), 255, dtype=np.uint8)
        self.rank = np.zeros((n_dates, size), dtype=np.int8)
        self.order = np.full((n_dates, size), np.iinfo(np.int32).max, dtype=np.int32)
        self.samples = {}

    @classmethod
    def make(cls, maps, zones, params, dates, warnings):
        """The series of SITE_ZONE (the first zone when empty), or None when it cannot be placed."""
        crs_wkt = maps[0].crs_wkt
        if zones is not None:
            number = zones.index_of(params.site_zone) if params.site_zone else 0
            if number is None:
                warnings.append(tr("No zone is named {name}: the site series shows the first zone, {first}.").format(
                    name=params.site_zone, first=zones.names[0]))
                number = 0
            name = zones.names[number]
            shape = vectors.transformed(zones.geometries[number], zones.srs, crs_wkt)
        else:
            name = tr("whole extent")
            shape = None
            for item in maps:
                outline = vectors.footprint(item.grid.bounds, item.crs_wkt, crs_wkt)
                shape = outline if shape is None else shape.Union(outline)
        minx, maxx, miny, maxy = shape.GetEnvelope()
        if not (maxx > minx and maxy > miny):
            return None
        finest = min(m.grid.resolution for m in maps if m.crs_wkt == crs_wkt)
        size = max((maxx - minx) / SITE_PIXELS, (maxy - miny) / SITE_PIXELS, finest)
        from affine import Affine

        width, height = max(1, int(math.ceil((maxx - minx) / size))), max(1, int(math.ceil((maxy - miny) / size)))
        grid = Grid(maps[0].dataset.crs, Affine(size, 0.0, minx, 0.0, -size, maxy), width, height)
        inside = burn_shape(shape, grid, crs_wkt)
        return cls(name, grid, inside, len(dates))

    def positions(self, item, group):
        """Rows and columns of the map's grid under the centres of the picture's pixels, the picture
        pixels they fill, sorted by row."""
        if group.number not in self.samples:
            from rasterio.warp import transform as transform_points

            cols, rows = np.meshgrid(np.arange(self.grid.width) + 0.5, np.arange(self.grid.height) + 0.5)
            xs, ys = self.grid.transform * (cols.ravel(), rows.ravel())
            if item.crs_wkt != self.grid.crs.to_wkt():
                xs, ys = transform_points(self.grid.crs, item.dataset.crs, xs, ys)
            inverse = ~group.grid.transform
            c, r = inverse * (np.asarray(xs), np.asarray(ys))
            c, r = np.floor(c).astype(np.int64), np.floor(r).astype(np.int64)
            pixel = np.arange(c.size)
            keep = (c >= 0) & (r >= 0) & (c < group.grid.width) & (r < group.grid.height) & self.inside.ravel()
            order = np.argsort(r[keep], kind="stable")
            self.samples[group.number] = (r[keep][order], c[keep][order], pixel[keep][order])
        return self.samples[group.number]

    def sample(self, item, group, window, codes):
        rows, cols, pixels = self.positions(item, group)
        top, left = int(window.row_off), int(window.col_off)
        start, stop = np.searchsorted(rows, [top, top + int(window.height)])
        r, c, p = rows[start:stop] - top, cols[start:stop] - left, pixels[start:stop]
        keep = (c >= 0) & (c < int(window.width))
        r, c, p = r[keep], c[keep], p[keep]
        if not p.size:
            return
        values = codes[r, c]
        rank = item.ranks[values]
        slot = item.slot
        better = (rank > self.rank[slot, p]) | ((rank == self.rank[slot, p]) & (item.index < self.order[slot, p]))
        p, values, rank = p[better], values[better], rank[better]
        self.codes[slot, p] = values
        self.rank[slot, p] = rank
        self.order[slot, p] = item.index

    def pictures(self):
        """The codes of each date as (height, width) arrays (255 no map; outside the zone too)."""
        shape = (self.grid.height, self.grid.width)
        return [np.where(self.inside, self.codes[slot].reshape(shape), 255) for slot in range(self.codes.shape[0])]


def burn_shape(shape, grid, crs_wkt):
    """Whether the centre of each pixel of ``grid`` is inside the OGR polygon ``shape`` (of ``grid``'s
    CRS)."""
    from osgeo import gdal, ogr

    driver = ogr.GetDriverByName("Memory")
    source = driver.CreateDataSource("")
    layer = source.CreateLayer("shape", vectors.spatial_reference(crs_wkt), ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(shape)
    layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    target.SetGeoTransform(grid.transform.to_gdal())
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.GetRasterBand(1).ReadAsArray().astype(bool)
