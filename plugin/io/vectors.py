"""Vector files: zones read with OGR and burnt onto raster grids in the grids' own CRS, and the tables
and polygon layers the statistics write (GeoPackage, CSV).

- :func:`read_zones`: the polygons of a layer, one zone per value of a field (features sharing a value
  make one zone), or one per feature; :attr:`Zones.groups` splits them into sets of zones that do not
  overlap, so that nested zones (a basin and its sub-basins) are each counted whole.
- :class:`ZoneBurner`: the zones transformed to a grid's CRS, burnt onto windows of that grid (a pixel
  belongs to a zone when its centre is inside, GDAL's rasterization rule).
- :func:`footprint`: the outline of a grid in another CRS; :func:`write_table`, :func:`write_polygons`:
  outputs written through :func:`~.raster.output_file` (a temporary file renamed when all went well).
"""
import csv
import datetime
import os

import numpy as np

from ..errors import NeveError
from ..i18n import QT_TR_NOOP

#: Field types of :func:`write_table` and :func:`write_polygons`.
TEXT, REAL, INTEGER, DATE = "text", "real", "integer", "date"
POLYGON_TYPES = ("POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE")


def _ogr():
    from osgeo import ogr, osr

    return ogr, osr


def spatial_reference(wkt):
    """An OSR spatial reference of ``wkt`` in the x = easting (longitude) axis order of rasters."""
    _ogr_module, osr = _ogr()
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def split_source(source):
    """``(path, layer name or None, layer index or None)`` of a QGIS vector source
    (``/data/basins.gpkg|layername=basins``, ``...|layerid=0``)."""
    parts = str(source).split("|")
    name = index = None
    for option in parts[1:]:
        key, _sep, value = option.partition("=")
        if key == "layername":
            name = value
        elif key == "layerid" and value.isdigit():
            index = int(value)
    return parts[0], name, index


class Zones:
    """Polygons to count in: ``names`` (text, in the layer's order), ``geometries`` (OGR, the layer's
    CRS, one per zone), ``srs`` (OSR, or None), ``field`` (the field that named them, or None), and
    ``groups``: lists of zone numbers whose zones do not overlap (usually one list)."""

    def __init__(self, names, geometries, srs, field, source=""):
        self.names = list(names)
        self.geometries = list(geometries)
        self.srs = srs
        self.field = field
        self.source = source
        self.groups = non_overlapping_groups(self.geometries)

    def __len__(self):
        return len(self.names)

    def index_of(self, name):
        """The number of the zone named ``name`` (None if there is none)."""
        try:
            return self.names.index(str(name))
        except ValueError:
            return None


def read_zones(source, field=None):
    """The zones of the polygon layer ``source`` (an OGR source, optionally ``|layername=``): one zone
    per distinct value of ``field`` (the features sharing it make one zone, in the order of their
    first feature), or one per feature named by its feature id when ``field`` is empty. Raises a
    :class:`~..errors.NeveError` for a layer that cannot be read, has no polygons, or lacks the field."""
    ogr, _osr = _ogr()
    path, layer_name, layer_index = split_source(source)
    dataset = ogr.Open(path)
    if dataset is None:
        raise NeveError("zones_unreadable", QT_TR_NOOP("Could not read the zones {file}."), file=source)
    if layer_name is not None:
        layer = dataset.GetLayerByName(layer_name)
    else:
        layer = dataset.GetLayer(layer_index or 0)
    if layer is None:
        raise NeveError("zones_unreadable", QT_TR_NOOP("Could not read the zones {file}."), file=source)
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if field and field not in fields:
        raise NeveError("no_zone_field", QT_TR_NOOP(
            "The zones {file} have no field {field}; their fields are: {fields}."),
            file=os.path.basename(path), field=field, fields=", ".join(fields) or "-")
    srs = layer.GetSpatialRef()
    if srs is not None:
        srs = srs.Clone()
        srs.SetAxisMappingStrategy(_osr.OAMS_TRADITIONAL_GIS_ORDER)
    names, geometries, index_of = [], [], {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        kind = ogr.GeometryTypeToName(ogr.GT_Flatten(geometry.GetGeometryType())).upper().replace(" ", "")
        if kind not in POLYGON_TYPES:
            raise NeveError("zones_not_polygons", QT_TR_NOOP(
                "The zones {file} hold {kind} geometries: zones are polygons (basins, areas)."),
                file=os.path.basename(path), kind=kind.lower())
        geometry = geometry.GetLinearGeometry() if kind in ("CURVEPOLYGON", "MULTISURFACE") else geometry.Clone()
        if field:
            value = feature.GetField(field)
            name = "" if value is None else str(value)
        else:
            name = str(feature.GetFID())
        if name in index_of:
            geometries[index_of[name]] = geometries[index_of[name]].Union(geometry)
        else:
            index_of[name] = len(names)
            names.append(name)
            geometries.append(geometry)
    if not names:
        raise NeveError("no_zones", QT_TR_NOOP("The zones {file} hold no polygon."), file=os.path.basename(path))
    return Zones(names, geometries, srs, field or None, source)


def non_overlapping_groups(geometries):
    """Lists of indexes of ``geometries`` whose members do not overlap (they may touch), found greedily
    in order: one list when no two polygons overlap."""
    envelopes = [g.GetEnvelope() for g in geometries]   # (minx, maxx, miny, maxy)
    groups = []
    for i, geometry in enumerate(geometries):
        for group in groups:
            if not any(_overlap(geometry, envelopes[i], geometries[j], envelopes[j]) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def _overlap(a, ea, b, eb):
    if ea[1] <= eb[0] or eb[1] <= ea[0] or ea[3] <= eb[2] or eb[3] <= ea[2]:
        return False
    # interiors meet: the polygons cross, or one holds the other (touching along an edge is no overlap)
    return bool(a.Overlaps(b) or a.Contains(b) or a.Within(b))


def transformed(geometry, source_srs, target_wkt):
    """A copy of ``geometry`` in the CRS ``target_wkt`` (unchanged without a source CRS)."""
    ogr, osr = _ogr()
    copy = geometry.Clone()
    if source_srs is None or not target_wkt:
        return copy
    target = spatial_reference(target_wkt)
    if not source_srs.IsSame(target):
        copy.Transform(osr.CoordinateTransformation(source_srs, target))
    return copy


class ZoneBurner:
    """The zones transformed to the CRS of a grid, burnt onto windows of grids of that CRS: one array
    per group of :attr:`Zones.groups`, 0 outside the group's zones, ``z + 1`` in zone ``z`` (uint16, or
    uint32 past 65534 zones)."""

    def __init__(self, zones, crs_wkt):
        ogr, _osr = _ogr()
        self.dtype = np.uint16 if len(zones) < 65535 else np.uint32
        self.datasets, self.layers = [], []
        self.envelope = None
        srs = spatial_reference(crs_wkt) if crs_wkt else None
        driver = ogr.GetDriverByName("Memory")
        for group in zones.groups:
            dataset = driver.CreateDataSource("")
            layer = dataset.CreateLayer("zones", srs, ogr.wkbMultiPolygon)
            layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
            for index in group:
                geometry = transformed(zones.geometries[index], zones.srs, crs_wkt)
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField("zid", index + 1)
                feature.SetGeometry(geometry)
                layer.CreateFeature(feature)
                minx, maxx, miny, maxy = geometry.GetEnvelope()
                if self.envelope is None:
                    self.envelope = [minx, miny, maxx, maxy]
                else:
                    e = self.envelope
                    self.envelope = [min(e[0], minx), min(e[1], miny), max(e[2], maxx), max(e[3], maxy)]
            self.datasets.append(dataset)
            self.layers.append(layer)

    def burn(self, grid):
        """One array per group on ``grid`` (an :class:`~.raster.Grid` of this CRS)."""
        from osgeo import gdal

        arrays = []
        gdal_type = gdal.GDT_UInt16 if self.dtype == np.uint16 else gdal.GDT_UInt32
        for layer in self.layers:
            target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal_type)
            target.SetGeoTransform(grid.transform.to_gdal())
            if gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=zid"]) != 0:
                raise NeveError("rasterize_failed", QT_TR_NOOP("Could not burn the zones onto the grid."),
                                kind="failure")
            arrays.append(target.GetRasterBand(1).ReadAsArray())
            target = None
        return arrays


def footprint(bounds, source_wkt, target_wkt, densify=32):
    """The rectangle ``bounds`` (left, bottom, right, top) of CRS ``source_wkt`` as an OGR polygon in CRS
    ``target_wkt``, its sides cut in ``densify`` segments so that it follows a change of projection."""
    ogr, _osr = _ogr()
    left, bottom, right, top = bounds
    ring = ogr.Geometry(ogr.wkbLinearRing)
    corners = [(left, top), (right, top), (right, bottom), (left, bottom), (left, top)]
    for (x0, y0), (x1, y1) in zip(corners[:-1], corners[1:]):
        for k in range(densify):
            ring.AddPoint_2D(x0 + (x1 - x0) * k / densify, y0 + (y1 - y0) * k / densify)
    ring.AddPoint_2D(left, top)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return transformed(polygon, spatial_reference(source_wkt) if source_wkt else None, target_wkt)


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

def _field_type(kind):
    ogr, _osr = _ogr()
    return {TEXT: ogr.OFTString, REAL: ogr.OFTReal, INTEGER: ogr.OFTInteger64, DATE: ogr.OFTDate}[kind]


def _set(feature, index, kind, value):
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        feature.SetFieldNull(index)
    elif kind == DATE:
        feature.SetField(index, value.year, value.month, value.day, 0, 0, 0, 0)
    elif kind == REAL:
        feature.SetField(index, float(value))
    elif kind == INTEGER:
        feature.SetField(index, int(value))
    else:
        feature.SetField(index, str(value))


def table_format(path):
    """"csv" for a path ending in .csv, else "gpkg"."""
    return "csv" if str(path).lower().endswith(".csv") else "gpkg"


def write_table(path, fields, rows, layer_name, stack, plain=False):
    """The table ``rows`` (sequences of values in the order of ``fields``, a list of (name, kind); dates as
    ``datetime.date``, None for a missing value; ``plain``: the rows hold only str, int, float and None,
    dates as ISO text, and go to SQLite as they are) at
    ``path``: a GeoPackage table without geometry (layer ``layer_name``), or CSV when ``path`` ends in
    .csv (UTF-8, a header line, ISO dates, empty for None). Written to a temporary file renamed when
    ``stack`` (a ``contextlib.ExitStack``) closes without an error."""
    from .raster import gdal_write_errors_raised, output_file

    temporary = stack.enter_context(output_file(path))
    with gdal_write_errors_raised(path):     # a full disk, a read-only folder: one sentence
        _write_table(path, temporary, fields, rows, layer_name, plain)


def _write_table(path, temporary, fields, rows, layer_name, plain):
    if table_format(path) == "csv":
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([name for name, _kind in fields])
            for row in rows:
                writer.writerow([_csv_value(value) for value in row])
        return
    ogr, _osr = _ogr()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
    if dataset is None:
        raise NeveError("not_writable", QT_TR_NOOP("Could not create {path}."), path=path, kind="failure")
    layer = dataset.CreateLayer(layer_name, None, ogr.wkbNone)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, _field_type(kind)))
    dataset = None
    # the rows themselves through SQLite in one transaction: a hundred times faster than feature by feature
    import sqlite3

    connection = sqlite3.connect(temporary)
    try:
        with connection:
            columns = ", ".join("\"{}\"".format(name) for name, _kind in fields)
            marks = ", ".join("?" for _field in fields)
            count = connection.executemany(
                "INSERT INTO \"{}\" ({}) VALUES ({})".format(layer_name, columns, marks),
                rows if plain else ([_sql_value(value) for value in row] for row in rows)).rowcount
            connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                               (count, layer_name))
    except sqlite3.Error as error:
        from .raster import write_error

        raise write_error(path, str(error)) from None
    finally:
        connection.close()


def _sql_value(value):
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    return value


def write_polygons(path, srs_wkt, fields, features, layer_name, stack):
    """Polygons with attributes in a GeoPackage at ``path``: ``features`` are (OGR geometry, values in
    the order of ``fields``). Written like :func:`write_table`."""
    from .raster import gdal_write_errors_raised, output_file

    temporary = stack.enter_context(output_file(path))
    with gdal_write_errors_raised(path):     # a full disk, a read-only folder: one sentence
        _write_polygons(path, temporary, srs_wkt, fields, features, layer_name)


def _write_polygons(path, temporary, srs_wkt, fields, features, layer_name):
    ogr, _osr = _ogr()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
    if dataset is None:
        raise NeveError("not_writable", QT_TR_NOOP("Could not create {path}."), path=path, kind="failure")
    srs = spatial_reference(srs_wkt) if srs_wkt else None
    layer = dataset.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon)
    _write_features(layer, fields, ((ogr.ForceToMultiPolygon(g.Clone()) if g is not None else None, v)
                                    for g, v in features))
    dataset = None


def _write_features(layer, fields, features):
    ogr, _osr = _ogr()
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, _field_type(kind)))
    kinds = [kind for _name, kind in fields]
    layer.StartTransaction()
    definition = layer.GetLayerDefn()
    for geometry, values in features:
        feature = ogr.Feature(definition)
        for index, (kind, value) in enumerate(zip(kinds, values)):
            _set(feature, index, kind, value)
        if geometry is not None:
            feature.SetGeometry(geometry)
        if layer.CreateFeature(feature) != 0:
            layer.RollbackTransaction()
            raise NeveError("not_writable", QT_TR_NOOP("Could not write the features of {layer}."),
                            layer=layer.GetName(), kind="failure")
    layer.CommitTransaction()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if not np.isfinite(value) else repr(round(value, 9))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
