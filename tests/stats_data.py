"""Generated snow maps with known content for neve:snowstats: two tiles in two UTM zones (31 and 32, on
either side of 6 degrees east) overlapping on one date, zones across them, DEMs; and the brute-force
hand count the statistics must equal."""
import json
import os

import numpy as np
import rasterio
from osgeo import ogr, osr
from rasterio.transform import from_origin
from rasterio.warp import transform as transform_points

UTM31, UTM32, WGS84 = "EPSG:32631", "EPSG:32632", "EPSG:4326"
PIXEL = 20.0
#: Tile A (UTM 31) and tile B (UTM 32): upper-left corners and sizes (rows, cols). B's upper-left corner
#: is A's point (741400, 4990400) in UTM 32, rounded: the tiles overlap by about a kilometre.
A_ORIGIN, A_SHAPE = (740000.0, 4990400.0), (100, 120)
B_SHAPE = (100, 110)
#: The zone across both tiles, a rectangle in UTM 31 written in WGS 84 (densified).
ZONE_31 = (740533.0, 4988437.0, 743517.0, 4989963.0)


def b_origin():
    (x,), (y,) = transform_points(UTM31, UTM32, [741400.0], [4990400.0])
    return round(x / PIXEL) * PIXEL, round(y / PIXEL) * PIXEL


def write_map(path, codes, crs, origin, nodata=None, tags=None, pixel=PIXEL):
    with rasterio.open(path, "w", driver="GTiff", width=codes.shape[1], height=codes.shape[0], count=1,
                       dtype=codes.dtype, crs=crs, transform=from_origin(origin[0], origin[1], pixel, pixel),
                       nodata=nodata) as dst:
        dst.write(codes, 1)
        if tags:
            dst.update_tags(**tags)
    return str(path)


def blocky_codes(shape, rng, values=(0, 100, 205, 255), noise=0.08, fractional=False):
    """Codes in 16 x 16 pixel patches (whole blocks) with ragged pixels (and fractional cover)."""
    patches = rng.choice(np.array(values, np.uint8), size=(shape[0] // 16 + 1, shape[1] // 16 + 1))
    codes = np.repeat(np.repeat(patches, 16, axis=0), 16, axis=1)[:shape[0], :shape[1]].copy()
    ragged = rng.random(shape) < noise
    extra = (0, 100, 205, 255, 37, 80) if fractional else (0, 100, 205, 255)
    codes[ragged] = rng.choice(np.array(extra, np.uint8), size=int(ragged.sum()))
    return codes


def rectangle_ring(bounds, crs, target, points=20):
    """The rectangle ``bounds`` of ``crs`` as a closed ring of ``target`` coordinates, ``points`` per side."""
    left, bottom, right, top = bounds
    corners = [(left, top), (right, top), (right, bottom), (left, bottom), (left, top)]
    xs, ys = [], []
    for (x0, y0), (x1, y1) in zip(corners[:-1], corners[1:]):
        for k in range(points):
            xs.append(x0 + (x1 - x0) * k / points)
            ys.append(y0 + (y1 - y0) * k / points)
    xs.append(left)
    ys.append(top)
    tx, ty = transform_points(crs, target, xs, ys)
    return [[x, y] for x, y in zip(tx, ty)]


def write_zones(path, zones, crs=WGS84):
    """A GeoJSON of polygons ``zones`` (name -> ring of coordinates of ``crs``; or a list of rings, one
    feature each) with the field ``name`` (WGS 84 has no crs member, as RFC 7946)."""
    features = []
    for name, rings in zones.items():
        rings = rings if isinstance(rings[0][0], list) else [rings]
        for ring in rings:
            features.append({"type": "Feature", "properties": {"name": name},
                             "geometry": {"type": "Polygon", "coordinates": [ring]}})
    collection = {"type": "FeatureCollection", "features": features}
    if crs != WGS84:
        collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:" + crs.replace(":", "::")}}
    with open(path, "w") as f:
        json.dump(collection, f)
    return str(path)


def pixel_centres(shape, origin, pixel=PIXEL):
    rows, cols = np.indices(shape)
    return origin[0] + (cols + 0.5) * pixel, origin[1] - (rows + 0.5) * pixel


def inside_zone(ring, ring_crs, xs, ys, crs):
    """Whether each point (``xs``, ``ys`` of ``crs``) is inside the polygon ``ring`` (of ``ring_crs``),
    tested by OGR in the ring's CRS."""
    tx, ty = transform_points(crs, ring_crs, xs.ravel().tolist(), ys.ravel().tolist())
    polygon = ogr.CreateGeometryFromJson(json.dumps({"type": "Polygon", "coordinates": [ring]}))
    point = ogr.Geometry(ogr.wkbPoint)
    inside = np.zeros(xs.size, dtype=bool)
    for k, (x, y) in enumerate(zip(tx, ty)):
        point.SetPoint_2D(0, x, y)
        inside[k] = polygon.Contains(point)
    return inside.reshape(xs.shape)


RANK = {"clear": 3, "cloud": 2, "nodata": 1}


def rank_of(code):
    return 3 if code <= 100 else 2 if code == 205 else 1


def hand_count(maps, ring, ring_crs=WGS84):
    """Areas in km2 of snow (fractional cover as its fraction), no snow, cloud and no data of the zone
    ``ring`` on one date, from the maps of that date ``maps`` (list of (codes, crs, origin), in the order
    given), each ground pixel counted once: pixel by pixel, each pixel centre looked up in the other
    maps (their pixel under it), the best observation winning, then the map listed first."""
    totals = {"snow": 0.0, "no_snow": 0.0, "cloud": 0.0, "nodata": 0.0}
    area = PIXEL * PIXEL * 1e-6
    for k, (codes, crs, origin) in enumerate(maps):
        xs, ys = pixel_centres(codes.shape, origin)
        inside = inside_zone(ring, ring_crs, xs, ys, crs)
        lose = np.zeros(codes.shape, dtype=bool)
        mine = np.vectorize(rank_of)(codes)
        for j, (other, other_crs, other_origin) in enumerate(maps):
            if j == k:
                continue
            ox, oy = transform_points(crs, other_crs, xs.ravel().tolist(), ys.ravel().tolist())
            col = np.floor((np.array(ox) - other_origin[0]) / PIXEL).astype(int).reshape(codes.shape)
            row = np.floor((other_origin[1] - np.array(oy)) / PIXEL).astype(int).reshape(codes.shape)
            there = (row >= 0) & (col >= 0) & (row < other.shape[0]) & (col < other.shape[1])
            theirs = np.zeros(codes.shape, dtype=int)
            theirs[there] = np.vectorize(rank_of)(other[row[there], col[there]])
            lose |= (theirs > mine) | ((theirs == mine) & there & (j < k))
        counted = inside & ~lose
        c = codes[counted].astype(int)
        totals["snow"] += area * float(np.sum(np.where((c >= 1) & (c <= 100), c, 0))) / 100.0
        totals["no_snow"] += area * float(np.sum(c == 0) + np.sum(np.where((c >= 1) & (c <= 100), 100 - c, 0)) / 100.0)
        totals["cloud"] += area * float(np.sum(c == 205))
        totals["nodata"] += area * float(np.sum((c > 100) & (c != 205)))
    return totals


def footprint_area_in_zone(ring, footprints):
    """Area (km2, in UTM 31) of the zone ``ring`` (WGS 84) inside the union of ``footprints`` ((bounds,
    crs) of the maps)."""
    target = osr.SpatialReference()
    target.ImportFromEPSG(32631)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    zone = ogr.CreateGeometryFromJson(json.dumps({"type": "Polygon", "coordinates": [
        [list(p) for p in zip(*transform_points(WGS84, UTM31, [p[0] for p in ring], [p[1] for p in ring]))]]}))
    union = None
    for bounds, crs in footprints:
        polygon = ogr.CreateGeometryFromJson(json.dumps({"type": "Polygon", "coordinates": [
            rectangle_ring(bounds, crs, UTM31, points=50)]}))
        union = polygon if union is None else union.Union(polygon)
    return zone.Intersection(union).GetArea() * 1e-6, zone.Intersection(union).Boundary().Length()


def bounds_of(origin, shape, pixel=PIXEL):
    return origin[0], origin[1] - shape[0] * pixel, origin[0] + shape[1] * pixel, origin[1]


def two_tiles(folder, seed=14):
    """Maps of tiles A (UTM 31) and B (UTM 32): 2018-01-05 both (A listed first), 2018-01-12 A only,
    2018-01-20 both with B listed first; the zone across them (WGS 84). Returns (paths, maps by date
    in the order listed: lists of (codes, crs, origin), zones path, zone ring)."""
    rng = np.random.default_rng(seed)
    origin_b = b_origin()
    a1 = blocky_codes(A_SHAPE, rng, fractional=True)
    b1 = blocky_codes(B_SHAPE, rng)
    a2 = blocky_codes(A_SHAPE, rng)
    a3 = blocky_codes(A_SHAPE, rng, values=(0, 100, 205))
    b3 = blocky_codes(B_SHAPE, rng, values=(0, 100, 205))
    paths = [write_map(os.path.join(folder, "A_20180105.tif"), a1, UTM31, A_ORIGIN, nodata=255),
             write_map(os.path.join(folder, "B_20180105.tif"), b1, UTM32, origin_b, nodata=255),
             write_map(os.path.join(folder, "A_20180112.tif"), a2, UTM31, A_ORIGIN, nodata=255),
             write_map(os.path.join(folder, "B_20180120.tif"), b3, UTM32, origin_b),
             write_map(os.path.join(folder, "A_20180120.tif"), a3, UTM31, A_ORIGIN)]
    by_date = {"2018-01-05": [(a1, UTM31, A_ORIGIN), (b1, UTM32, origin_b)],
               "2018-01-12": [(a2, UTM31, A_ORIGIN)],
               "2018-01-20": [(b3, UTM32, origin_b), (a3, UTM31, A_ORIGIN)]}
    ring = rectangle_ring(ZONE_31, UTM31, WGS84)
    zones = write_zones(os.path.join(folder, "zones.geojson"), {"across": ring})
    return paths, by_date, zones, ring
