"""Inputs of the Névé algorithms: a product or layers, resolved by one piece of code for all of them.

Every algorithm that reads Sentinel-2 data offers ``INPUT_PRODUCT`` (a Theia/MAJA or Sen2Cor L2A
product: its folder, its .zip or its metadata file) and, for the modeler and batch mode, the same data
as layers. :func:`open_input` turns either into a :class:`~..io.products.Product`, so an algorithm
reads a product and layers with the same calls (``read_reflectance``, ``read_raw``, ``read_mask``).
With layers, reflectance = (DN + ``REFLECTANCE_OFFSET``) / ``REFLECTANCE_SCALE``.

Checks of the inputs shared by the algorithms, each failing with a translated message:
:func:`metric_pixel_size` (distances and areas in metres need a projected CRS in metres, north up) and
:func:`check_layer_grids` (layers given one by one on one grid, unless resampling is asked; with
:func:`same_grid` and :func:`describe_grid`).
"""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterNumber

from ..i18n import tr

INPUT_PRODUCT = "INPUT_PRODUCT"
REFLECTANCE_SCALE = "REFLECTANCE_SCALE"
REFLECTANCE_OFFSET = "REFLECTANCE_OFFSET"


def add_product_parameter(algorithm):
    """Declare ``INPUT_PRODUCT`` on ``algorithm`` (optional: layers may be given instead)."""
    algorithm.add_parameter(
        QgsProcessingParameterFile(
            INPUT_PRODUCT, tr("Sentinel-2 L2A product (folder, .zip or metadata file)"),
            behavior=QgsProcessingParameterFile.File, optional=True,
            # "All files (*)" also lets through folder names without a dot (Theia product folders)
            fileFilter=tr("Sentinel-2 L2A products (*.zip *.xml);;All files (*)")),
        tr("A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read "
           "without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). "
           "Scale, offset and no-data come from its metadata. Leave empty to give layers instead."))


def add_scale_parameters(algorithm):
    """Declare how layers' digital numbers become reflectance (used only with layers)."""
    algorithm.add_parameter(
        QgsProcessingParameterNumber(REFLECTANCE_SCALE, tr("Reflectance scale of the layers"),
                                     QgsProcessingParameterNumber.Double, defaultValue=10000.0,
                                     minValue=1e-9),
        tr("With layers: reflectance = (value + offset) / scale. 10000 for Theia FRE/SRE and Sen2Cor."),
        advanced=True)
    algorithm.add_parameter(
        QgsProcessingParameterNumber(REFLECTANCE_OFFSET, tr("Reflectance offset of the layers"),
                                     QgsProcessingParameterNumber.Double, defaultValue=0.0),
        tr("With layers: reflectance = (value + offset) / scale. Sen2Cor from processing baseline 04.00 "
           "(January 2022): -1000; before, and Theia: 0."),
        advanced=True)


def open_input(algorithm, parameters, context, feedback, bands=None, masks=None, required=(),
               reflectance="FRE"):
    """The product of ``INPUT_PRODUCT``, or a product made of the layers given.

    ``bands`` and ``masks`` map band names ("B3") and mask names ("CLM", "SCL", ...) to the names of
    the layer parameters that can provide them; ``required`` lists the bands and masks the algorithm
    cannot do without; ``reflectance`` chooses Theia's flat ("FRE", as LIS) or slope-less ("SRE")
    reflectance (Sen2Cor products have one). Every problem becomes a :class:`QgsProcessingException` with a translated
    message; the product's own warnings go to the log.
    """
    from ..io.products import ProductError, open_bands, open_product

    bands, masks = bands or {}, masks or {}
    path = algorithm.parameterAsFile(parameters, INPUT_PRODUCT, context)
    try:
        if path:
            product = open_product(path, reflectance=reflectance)
        else:
            def sources(names):
                found = {}
                for name, parameter in names.items():
                    layer = algorithm.parameterAsRasterLayer(parameters, parameter, context)
                    if layer is not None:
                        found[name] = layer.source()
                return found

            band_sources, mask_sources = sources(bands), sources(masks)
            if not band_sources and not mask_sources:
                layer_names = [algorithm.parameterDefinition(p).description()
                               for p in list(bands.values()) + list(masks.values())]
                raise QgsProcessingException(tr(
                    "No input: give a Sentinel-2 L2A product, or the layers ({layers}).").format(
                    layers=", ".join(layer_names)))
            scale = algorithm.parameterAsDouble(parameters, REFLECTANCE_SCALE, context) or 10000.0
            offset = algorithm.parameterAsDouble(parameters, REFLECTANCE_OFFSET, context) or 0.0
            product = open_bands(band_sources, masks=mask_sources, scale=scale, offset=offset)
        product.require(required)
    except ProductError as error:
        raise QgsProcessingException(str(error))
    for warning in product.warnings:
        feedback.pushWarning(warning)
    return product


def metric_pixel_size(grid, source_name):
    """``(pixel width, pixel height)`` in metres of ``grid``; a translated error when its CRS is
    geographic, not in metres, or the grid is rotated: distances and areas in metres need it."""
    crs, transform = grid.crs, grid.transform
    if crs is None:
        raise QgsProcessingException(tr(
            "{name} has no coordinate reference system: distances in metres need a projected CRS in metres "
            "(the products' UTM zone).").format(name=source_name))
    if crs.is_geographic:
        raise QgsProcessingException(tr(
            "{name} is in a geographic CRS ({crs}), in degrees: distances in metres need a projected CRS in "
            "metres. Reproject it first (for Sentinel-2, to the tile's UTM zone).").format(
            name=source_name, crs=crs.to_string()))
    units = (crs.linear_units or "").lower()
    if units not in ("metre", "meter", "metres", "meters", "m"):
        raise QgsProcessingException(tr(
            "{name} is in a CRS whose unit is {unit}, not metres: distances in metres need a projected CRS "
            "in metres. Reproject it first.").format(name=source_name, unit=crs.linear_units))
    if transform.b or transform.d:
        raise QgsProcessingException(tr(
            "{name} is rotated: distances need a north-up raster. Warp it to a north-up grid first.").format(
            name=source_name))
    return abs(transform.a), abs(transform.e)


def describe_grid(grid):
    return tr("{width} x {height} pixels of {px:g} x {py:g}, origin ({x:.2f}, {y:.2f}), {crs}").format(
        width=grid.width, height=grid.height, px=abs(grid.transform.a), py=abs(grid.transform.e),
        x=grid.transform.c, y=grid.transform.f, crs=grid.crs.to_string() if grid.crs else "?")


def same_grid(a, b, tolerance=1e-6):
    """Whether two grids have the same pixels (CRS, size, transform within ``tolerance`` of a pixel)."""
    if a.crs != b.crs or a.width != b.width or a.height != b.height:
        return False
    ta, tb = a.transform, b.transform
    size = max(abs(ta.a), abs(ta.e))
    return all(abs(u - v) <= tolerance * size for u, v in zip(ta[:6], tb[:6]))


def check_layer_grids(layers, grid, reference_name, resample):
    """Layers given one by one must lie on ``grid`` (the reference layer's), unless ``resample``:
    ``layers`` maps a name for messages to a GDAL source. A translated error names both grids."""
    import rasterio

    from ..io.raster import Grid

    if resample:
        return
    for name, source in layers.items():
        with rasterio.open(source) as dataset:
            other = Grid.of(dataset)
        if not same_grid(other, grid):
            raise QgsProcessingException(tr(
                "{name} is not on the grid of {reference}: {name} has {grid}, {reference} has {reference_grid}. "
                "Give layers on the same grid, or ask for resampling (\"Resample layers on other grids\")."
            ).format(name=name, reference=reference_name, grid=describe_grid(other),
                     reference_grid=describe_grid(grid)))
