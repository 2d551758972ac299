"""neve:loadproduct, "Load a Sentinel-2 L2A product": reflectance stacks, decoded masks and a summary.

- ``OUTPUT_R1`` and ``OUTPUT_R2``: GDAL virtual rasters (VRT) stacking the 10 m bands (B2, B3, B4, B8)
  and the 20 m bands (B5, B6, B7, B8A, B11, B12). They reference the product's band files where they
  are (``/vsizip/`` inside a zip: nothing is extracted or copied) and hold the digital numbers as
  stored, with GDAL scale and offset so that QGIS, and any GDAL reader that unscales, shows
  reflectance = (DN + offset) / scale (Sen2Cor from processing baseline 04.00: offset -1000), the
  product's no-data value, and each band's name and nominal central wavelength.
- ``OUTPUT_CLOUD``, ``OUTPUT_SHADOW``, ``OUTPUT_WATER``, ``OUTPUT_SNOW``: the product's masks decoded at
  20 m by the product reader (CLM, MG2 bits for Theia, SCL classes for Sen2Cor), uint8 1/0, 255 no data;
  ``OUTPUT_NODATA``: 1 where the product has no data (EDG, SCL 0), 0 elsewhere.
- ``OUTPUT_HTML`` and the log: date, tile, platform, version, sun angles, cloud and snow percent,
  sunglint and the product's other quality flags, warnings; the same numbers as outputs for the modeler.

Everything that can be checked is checked before anything is written; every file is written under a
temporary name and renamed at the end, so an error or a cancel leaves nothing behind.
"""
import contextlib

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingUtils,
)

from ..i18n import I18N_DIR, qgis_language, tr
from .legacy import NeveAlgorithm, cancelled_error
from .inputs import INPUT_PRODUCT, add_product_parameter, open_input
from .styles import (
    CompositeStyle,
    cloud_mask_legend,
    nodata_mask_legend,
    shadow_mask_legend,
    snow_mask_legend,
    style_output,
    water_mask_legend,
)

REFLECTANCES = ("FRE", "SRE")
MASK_RESOLUTION = 20
# stack key -> (resolution in metres, bands, bands of the colour composite shown when loaded)
STACKS = {
    "R1": (10, ("B2", "B3", "B4", "B8"), ("B4", "B3", "B2")),
    "R2": (20, ("B5", "B6", "B7", "B8A", "B11", "B12"), ("B11", "B8A", "B5")),
}
# Nominal central wavelengths of the Sentinel-2 MSI bands, nanometres (the platforms differ by a few nm).
CENTRAL_WAVELENGTH_NM = {"B2": 490, "B3": 560, "B4": 665, "B5": 705, "B6": 740, "B7": 783, "B8": 842,
                         "B8A": 865, "B11": 1610, "B12": 2190}
MASK_KINDS = ("cloud", "shadow", "water", "snow", "nodata")
GDAL_TYPES = {"uint8": "Byte", "int8": "Int8", "uint16": "UInt16", "int16": "Int16", "uint32": "UInt32",
              "int32": "Int32", "float32": "Float32", "float64": "Float64"}


def stack_labels():
    return {"R1": tr("10 m reflectance stack (B2, B3, B4, B8)"),
            "R2": tr("20 m reflectance stack (B5, B6, B7, B8A, B11, B12)")}


def mask_labels():
    return {"cloud": tr("Cloud mask"), "shadow": tr("Cloud shadow mask"), "water": tr("Water mask"),
            "snow": tr("Snow mask"), "nodata": tr("No-data mask")}


def mask_legends():
    return {"cloud": cloud_mask_legend(), "shadow": shadow_mask_legend(), "water": water_mask_legend(),
            "snow": snow_mask_legend(), "nodata": nodata_mask_legend()}


def reflectance_labels():
    return [tr("FRE: flat reflectance (slope-corrected), as the Theia Snow collection uses"),
            tr("SRE: surface reflectance without slope correction")]


def no_product_message():
    return tr("No product: give a Sentinel-2 L2A product (its folder, its .zip or its metadata file). "
              "This algorithm loads whole products, not single layers.")


class LoadProductAlgorithm(NeveAlgorithm):
    REFLECTANCE = "REFLECTANCE"
    OUTPUT_R1 = "OUTPUT_R1"
    OUTPUT_R2 = "OUTPUT_R2"
    OUTPUT_CLOUD = "OUTPUT_CLOUD"
    OUTPUT_SHADOW = "OUTPUT_SHADOW"
    OUTPUT_WATER = "OUTPUT_WATER"
    OUTPUT_SNOW = "OUTPUT_SNOW"
    OUTPUT_NODATA = "OUTPUT_NODATA"
    OUTPUT_HTML = "OUTPUT_HTML"
    PRODUCT_NAME = "PRODUCT_NAME"
    ACQUISITION_DATE = "ACQUISITION_DATE"
    TILE = "TILE"
    PLATFORM = "PLATFORM"
    PRODUCT_VERSION = "PRODUCT_VERSION"
    CLOUD_PERCENT = "CLOUD_PERCENT"
    SNOW_PERCENT = "SNOW_PERCENT"
    SUN_ZENITH = "SUN_ZENITH"
    SUN_AZIMUTH = "SUN_AZIMUTH"
    SUNGLINT = "SUNGLINT"

    STACK_OUTPUTS = {"R1": OUTPUT_R1, "R2": OUTPUT_R2}
    MASK_OUTPUTS = {"cloud": OUTPUT_CLOUD, "shadow": OUTPUT_SHADOW, "water": OUTPUT_WATER,
                    "snow": OUTPUT_SNOW, "nodata": OUTPUT_NODATA}

    GROUP = "products"

    def name(self):
        return "loadproduct"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Load a Sentinel-2 L2A product")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("Reflectance stacks at 10 and 20 m, the decoded cloud, shadow, water, snow and no-data "
                  "masks, and a summary of a Theia/MAJA or Sen2Cor product.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Loads a Sentinel-2 L2A product, Theia/MUSCATE (MAJA) or ESA Sen2Cor, from its folder, its "
            ".zip (read without unzipping) or its metadata file.</p>"
            "<p><b>Reflectance stacks</b>: two virtual rasters (VRT), the 10 m bands B2, B3, B4, B8 and the "
            "20 m bands B5, B6, B7, B8A, B11, B12. They point to the product's own band files, so they are "
            "written at once and take no room; keep the product where it is. The values are the digital "
            "numbers of the product, with the product's scale and offset recorded in the VRT: QGIS shows "
            "surface reflectance (0 to 1), Sen2Cor's offset of processing baseline 04.00 and later "
            "included. Bands are named with their central wavelength. A band the product holds only at a "
            "coarser resolution is shown with its pixels repeated.</p>"
            "<p><b>Masks</b> at 20 m, decoded from the product: cloud (the choice of the Theia Snow "
            "collection: any CLM bit, or SCL classes 3, 8, 9, 10, cloud shadows included), cloud shadow "
            "(CLM bits 5 and 6, or SCL 3), water (MG2 bit 0, or SCL 6), snow (MG2 bit 2, or SCL 11): "
            "1 in the mask, 0 outside, 255 no data. The no-data mask is 1 outside the swath (EDG, or SCL "
            "0). Skip the outputs you do not need.</p>"
            "<p><b>Summary</b>: acquisition and production dates, tile, platform, product version or "
            "processing baseline, mean sun angles, cloud and snow percent of the valid pixels (counted on "
            "the masks above), the sunglint flag (MAJA's flag, or MAJA's rule on the mean angles for "
            "Sen2Cor) and the product's other quality indicators, in the log and as an HTML page. The "
            "same values are outputs that a model can pass on.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        product = self.parameterDefinition(INPUT_PRODUCT)
        product.setFlags(product.flags() & ~QgsProcessingParameterDefinition.FlagOptional)
        product.setHelp(tr(
            "A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read "
            "without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml)."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.REFLECTANCE, tr("Theia reflectance"), options=reflectance_labels(),
                                       defaultValue=0),
            tr("Theia products carry two reflectances: FRE, corrected for the slopes' illumination (used by "
               "the Theia Snow collection), and SRE, without that correction. Sen2Cor products have one."),
            advanced=True)
        vrt_filter = tr("GDAL virtual rasters (*.vrt)")
        for key, label in stack_labels().items():
            self.add_parameter(
                QgsProcessingParameterFileDestination(self.STACK_OUTPUTS[key], label, fileFilter=vrt_filter,
                                                      optional=True, createByDefault=True),
                tr("A small VRT file pointing to the product's band files (keep the product where it is)."))
        for kind, label in mask_labels().items():
            self.add_parameter(QgsProcessingParameterRasterDestination(self.MASK_OUTPUTS[kind], label,
                                                                       optional=True, createByDefault=True))
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML, tr("Summary"),
                                                  fileFilter=tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=True))
        self.addOutput(QgsProcessingOutputString(self.PRODUCT_NAME, tr("Product name")))
        self.addOutput(QgsProcessingOutputString(self.ACQUISITION_DATE,
                                                 tr("Acquisition date and time (UTC, ISO 8601)")))
        self.addOutput(QgsProcessingOutputString(self.TILE, tr("Tile")))
        self.addOutput(QgsProcessingOutputString(self.PLATFORM, tr("Platform")))
        self.addOutput(QgsProcessingOutputString(self.PRODUCT_VERSION,
                                                 tr("Product version (Theia) or processing baseline (Sen2Cor)")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_PERCENT, tr("Cloud percent of the valid pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.SNOW_PERCENT, tr("Snow percent of the valid pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.SUN_ZENITH, tr("Mean sun zenith angle (degrees)")))
        self.addOutput(QgsProcessingOutputNumber(self.SUN_AZIMUTH, tr("Mean sun azimuth angle (degrees)")))
        self.addOutput(QgsProcessingOutputBoolean(self.SUNGLINT, tr("Sunglint likely")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        if not self.parameterAsFile(parameters, INPUT_PRODUCT, context):
            return False, no_product_message()
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import masks
        from ..io.products import ProductError
        from ..io.raster import GeoTiffWriter, blocks, bounded_gdal_cache
        from ..pipeline import report

        if not self.parameterAsFile(parameters, INPUT_PRODUCT, context):
            raise QgsProcessingException(no_product_message())
        reflectance = REFLECTANCES[self.parameterAsEnum(parameters, self.REFLECTANCE, context)]
        stack_paths = {key: self.parameterAsFileOutput(parameters, name, context)
                       for key, name in self.STACK_OUTPUTS.items()}
        stack_paths = {key: path for key, path in stack_paths.items() if path}
        mask_paths = {kind: self.parameterAsOutputLayer(parameters, name, context)
                      for kind, name in self.MASK_OUTPUTS.items()}
        mask_paths = {kind: path for kind, path in mask_paths.items() if path}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)

        with bounded_gdal_cache(), contextlib.ExitStack() as stack:
            product = stack.enter_context(self.open_product(parameters, context, feedback, reflectance))
            # 1. Everything is checked before anything is written.
            vrts = {}
            for key in stack_paths:
                resolution, bands, _composite = STACKS[key]
                band_sources = stack_sources(product, key, bands, resolution, feedback)
                vrts[key] = stack_vrt(product, product.grid(resolution), band_sources)
            decodable = mask_sources(product)
            missing = [kind for kind in mask_paths if kind not in decodable]
            if missing:
                raise QgsProcessingException(tr(
                    "{product} has no mask to make {outputs} from (Theia products need CLM, MG2 and EDG, "
                    "Sen2Cor products SCL). Skip those outputs to load the rest.").format(
                    product=product.name, outputs=", ".join(mask_labels()[k] for k in missing)))
            if feedback.isCanceled():
                raise cancelled_error()

            # 2. The masks, block by block, counted on the way.
            grid = product.grid(MASK_RESOLUTION)
            wanted = [kind for kind in MASK_KINDS if kind in decodable]  # all of them, for the summary
            writers = {kind: stack.enter_context(GeoTiffWriter(
                path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=None if kind == "nodata" else masks.MASK_NODATA)) for kind, path in mask_paths.items()}
            counts = dict.fromkeys(MASK_KINDS + ("valid", "pixels"), 0)
            for block in blocks(grid.width, grid.height):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    decoded = product.read_masks(wanted, grid, block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                no_data = decoded.get("nodata")
                if no_data is None:
                    no_data = np.zeros((int(block.read.height), int(block.read.width)), bool)
                valid = ~no_data
                counts["pixels"] += no_data.size
                counts["valid"] += int(valid.sum())
                for kind, mask in decoded.items():
                    counts[kind] += int((mask & valid).sum()) if kind != "nodata" else int(mask.sum())
                    if kind in writers:
                        if kind == "nodata":
                            writers[kind].write(mask.astype(np.uint8), block.write)
                        else:
                            writers[kind].write(masks.encode_mask(mask & valid, no_data), block.write)
                feedback.setProgress(95.0 * (block.index + 1) / block.count)

            # 3. The stacks and the summary, still before the masks are renamed into place.
            for key, text in vrts.items():
                if feedback.isCanceled():
                    raise cancelled_error()
                report.write_text(stack_paths[key], text, stack)
            summary = Summary(product, reflectance, counts, decodable)
            for line in summary.lines():
                feedback.pushInfo(line)
            if html_path:
                report.write_text(html_path, summary.html(
                    dict({self.STACK_OUTPUTS[k]: p for k, p in stack_paths.items()},
                         **{self.MASK_OUTPUTS[k]: p for k, p in mask_paths.items()})), stack)

        labels, legends = mask_labels(), mask_legends()
        prefix = summary.layer_prefix()
        for kind, path in mask_paths.items():
            style_output(context, path, legends[kind], prefix + labels[kind])
        self.load_stacks(parameters, context, stack_paths, mask_paths, prefix)
        feedback.setProgress(100.0)

        results = {self.STACK_OUTPUTS[k]: stack_paths.get(k) for k in self.STACK_OUTPUTS}
        results.update({self.MASK_OUTPUTS[k]: mask_paths.get(k) for k in self.MASK_OUTPUTS})
        results.update({
            self.OUTPUT_HTML: html_path or None,
            self.PRODUCT_NAME: product.name,
            self.ACQUISITION_DATE: iso_utc(product.acquisition),
            self.TILE: product.tile,
            self.PLATFORM: product.platform,
            self.PRODUCT_VERSION: product.version,
            self.CLOUD_PERCENT: summary.percent("cloud"),
            self.SNOW_PERCENT: summary.percent("snow"),
            self.SUN_ZENITH: product.sun_angles.zenith if product.sun_angles else None,
            self.SUN_AZIMUTH: product.sun_angles.azimuth if product.sun_angles else None,
            self.SUNGLINT: summary.sunglint,
        })
        return results

    def open_product(self, parameters, context, feedback, reflectance):
        """The product of INPUT_PRODUCT (the shared resolution), with Theia's FRE or SRE files."""
        from ..io.products import THEIA

        product = open_input(self, parameters, context, feedback, reflectance=reflectance)
        if reflectance != "FRE" and product.kind != THEIA:
            feedback.pushInfo(tr("{product} is a Sen2Cor product: it has one reflectance, used as it is "
                                 "(SRE exists in Theia products only).").format(product=product.name))
        return product

    def load_stacks(self, parameters, context, stack_paths, mask_paths, prefix):
        """Open the VRT stacks on completion in the project that receives the masks (or that a caller
        gave with a QgsProcessingOutputLayerDefinition): a file output has no "open" check box of its
        own, and batch runs or models that load nothing must not get layers."""
        project = None
        for path in mask_paths.values():
            if context.willLoadLayerOnCompletion(path):
                project = context.layerToLoadOnCompletionDetails(path).project
                break
        labels = stack_labels()
        for key, path in stack_paths.items():
            value = parameters.get(self.STACK_OUTPUTS[key])
            target = value.destinationProject if isinstance(value, QgsProcessingOutputLayerDefinition) else None
            target = target or project
            if target is None:
                continue
            _resolution, bands, composite = STACKS[key]
            details = QgsProcessingContext.LayerDetails(prefix + labels[key], target, self.STACK_OUTPUTS[key],
                                                        QgsProcessingUtils.LayerHint.Raster)
            details.setPostProcessor(CompositeStyle(*(bands.index(b) + 1 for b in composite),
                                                    layer_name=prefix + labels[key]))
            context.addLayerToLoadOnCompletion(path, details)


# --- band files and VRT stacks ----------------------------------------------------------------------

class Source:
    """One band file of a stack: its GDAL path and what the VRT needs to know about it."""

    def __init__(self, band, path, dataset):
        self.band, self.path = band, path
        self.width, self.height = dataset.width, dataset.height
        self.dtype = dataset.dtypes[0]
        self.transform, self.crs = dataset.transform, dataset.crs
        self.block = dataset.block_shapes[0]

    @property
    def resolution(self):
        return abs(self.transform.a)


def stack_sources(product, key, bands, resolution, feedback):
    """The :class:`Source` of each band of a stack, every file opened and checked complete. Raises
    QgsProcessingException when a band is missing or a file damaged; warns when a band is only found at
    a coarser resolution (a product cut down for tests, or damaged)."""
    from ..io.raster import RasterReadError, open_raster

    missing = [band for band in bands if band not in product.bands]
    if missing:
        raise QgsProcessingException(tr(
            "{product} lacks {bands}, needed for the {stack}. Skip that output to load the rest, or "
            "download the product again.").format(product=product.name, bands=", ".join(missing),
                                                  stack=stack_labels()[key]))
    sources = []
    grid = product.grid(resolution)
    for band in bands:
        path = product.file(band, resolution)
        try:
            dataset = open_raster(path)
            try:
                if dataset.driver == "GTiff":
                    check_geotiff_complete(path)
                source = Source(band, path, dataset)
            finally:
                dataset.close()
        except RasterReadError as error:
            raise QgsProcessingException(tr(
                "Could not read {file}: the file is damaged or truncated (GDAL: {error}). Download the "
                "product again.").format(file=path, error=error.detail))
        if source.crs != grid.crs:
            raise QgsProcessingException(tr(
                "{file} is not in the coordinate reference system of the product ({crs}).").format(
                file=path, crs=grid.crs))
        sources.append(source)
    coarse = [s.band for s in sources if s.resolution > resolution + 1e-6]
    if coarse:
        feedback.pushWarning(tr(
            "{product} has {bands} only at a coarser resolution than {resolution} m: in the {stack} each of "
            "their pixels is repeated (nearest neighbour), values unchanged.").format(
            product=product.name, bands=", ".join(coarse), resolution=resolution, stack=stack_labels()[key]))
    return sources


def check_geotiff_complete(path):
    """Raise :class:`~..io.raster.RasterReadError` when a GeoTIFF (any GDAL path) is truncated.

    A GeoTIFF written by GDAL holds its directory at the start, so a file cut short still opens and only
    fails when the missing blocks are read: a VRT pointing to it would fail later, in QGIS. The blocks'
    offsets and sizes (GDAL's TIFF metadata) must fit in the file. (Like io.raster's JPEG2000 check;
    its place is there.)
    """
    from osgeo import gdal

    from ..io.raster import RasterReadError, gdal_errors_raised

    stat = gdal.VSIStatL(path)
    try:
        with gdal_errors_raised(path):
            dataset = gdal.Open(path)
    except RuntimeError as error:  # when osgeo.gdal exceptions are on
        raise RasterReadError(path, str(error)) from None
    if stat is None or dataset is None:
        raise RasterReadError(path, "the file cannot be opened")
    band = dataset.GetRasterBand(1)
    block_x, block_y = band.GetBlockSize()
    for row in range(-(-dataset.RasterYSize // block_y)):
        for col in range(-(-dataset.RasterXSize // block_x)):
            offset = band.GetMetadataItem("BLOCK_OFFSET_{}_{}".format(col, row), "TIFF")
            size = band.GetMetadataItem("BLOCK_SIZE_{}_{}".format(col, row), "TIFF")
            if offset and size and int(offset) + int(size) > stat.size:
                raise RasterReadError(path, "truncated file: block ({}, {}) ends at byte {} of {}".format(
                    col, row, int(offset) + int(size), stat.size))


def vrt_nodata(dtype, nodata, scale, add_offset):
    """(VRT data type, VRT no-data value, whether source no-data pixels must be mapped to it).

    QGIS 3.22 compares the unscaled values of a band (reflectance) with its raw no-data value. With
    Sen2Cor's offset -1000 and no-data 0, the digital number 1000 (reflectance exactly 0, frequent over
    dark water) would be shown as no data. In that case the VRT band is Int32 and its no-data a value no
    digital number has and no reflectance equals (the source's no-data pixels are mapped to it)."""
    import numpy as np

    if nodata is None or np.dtype(dtype).kind not in "iu":
        return dtype, nodata, False
    info = np.iinfo(dtype)

    def collides(raw):
        dn = raw * scale - add_offset  # the digital number whose reflectance equals ``raw``
        return dn != raw and dn == int(dn) and info.min <= dn <= info.max

    if not collides(nodata):
        return dtype, nodata, False
    for candidate in (-1, int(info.min) - 1, -2 ** 31):
        if not info.min <= candidate <= info.max and not collides(candidate):
            return "int32", candidate, True
    return dtype, nodata, False


def stack_vrt(product, grid, sources):
    """The XML text of a VRT stacking ``sources`` on ``grid``: one band per source, with its name and
    central wavelength, no-data, and scale/offset so that unscaled values are reflectance."""
    from xml.etree import ElementTree as ET

    root = ET.Element("VRTDataset", rasterXSize=str(grid.width), rasterYSize=str(grid.height))
    ET.SubElement(root, "SRS", dataAxisToSRSAxisMapping="1,2").text = grid.crs.to_wkt()
    ET.SubElement(root, "GeoTransform").text = ", ".join(repr(float(v)) for v in grid.transform.to_gdal())
    metadata = ET.SubElement(root, "Metadata")
    for key, value in (("PRODUCT", product.name), ("PLATFORM", product.platform), ("TILE", product.tile),
                       ("ACQUISITION_DATE", iso_utc(product.acquisition)), ("PRODUCT_VERSION", product.version)):
        if value:
            ET.SubElement(metadata, "MDI", key=key).text = str(value)
    scale = 1.0 / product.reflectance_scale
    for index, source in enumerate(sources, start=1):
        add_offset = float(product.reflectance_offsets.get(source.band, 0.0))
        nodata = product.reflectance_nodata
        dtype, vrt_no_data, remap = vrt_nodata(source.dtype, nodata, product.reflectance_scale, add_offset)
        band = ET.SubElement(root, "VRTRasterBand", dataType=GDAL_TYPES[str(dtype)], band=str(index))
        wavelength = CENTRAL_WAVELENGTH_NM[source.band]
        ET.SubElement(band, "Description").text = "{} ({} nm)".format(source.band, wavelength)
        band_metadata = ET.SubElement(band, "Metadata")
        ET.SubElement(band_metadata, "MDI", key="BAND").text = source.band
        ET.SubElement(band_metadata, "MDI", key="CENTRAL_WAVELENGTH_NM").text = str(wavelength)
        imagery = ET.SubElement(band, "Metadata", domain="IMAGERY")
        ET.SubElement(imagery, "MDI", key="CENTRAL_WAVELENGTH_UM").text = repr(wavelength / 1000.0)
        if vrt_no_data is not None:
            ET.SubElement(band, "NoDataValue").text = repr(vrt_no_data)
        ET.SubElement(band, "Offset").text = repr(add_offset * scale)
        ET.SubElement(band, "Scale").text = repr(scale)
        element = ET.SubElement(band, "ComplexSource" if remap else "SimpleSource")
        ET.SubElement(element, "SourceFilename", relativeToVRT="0").text = source.path
        ET.SubElement(element, "SourceBand").text = "1"
        ET.SubElement(element, "SourceProperties", RasterXSize=str(source.width), RasterYSize=str(source.height),
                      DataType=GDAL_TYPES[source.dtype], BlockXSize=str(source.block[1]),
                      BlockYSize=str(source.block[0]))
        ET.SubElement(element, "SrcRect", xOff="0", yOff="0", xSize=str(source.width), ySize=str(source.height))
        g, s = grid.transform, source.transform
        ET.SubElement(element, "DstRect", xOff=repr((s.c - g.c) / g.a + 0.0), yOff=repr((s.f - g.f) / g.e + 0.0),
                      xSize=repr(source.width * s.a / g.a), ySize=repr(source.height * s.e / g.e))
        if remap:
            ET.SubElement(element, "NODATA").text = repr(nodata)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"


def mask_sources(product):
    """Mask kind -> the product's mask file it is decoded from, for the kinds the product can give."""
    from ..io.products import MASK_KINDS as SOURCES

    found = {}
    for kind in MASK_KINDS:
        name = next((mask for mask, _how, _values in SOURCES[kind] if mask in product.masks), None)
        if name:
            found[kind] = name
    return found


def iso_utc(moment):
    """2021-06-15T10:56:31.024Z (milliseconds), or None."""
    if moment is None:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(moment.microsecond // 1000)


# --- the summary --------------------------------------------------------------------------------

class Summary:
    """What the log and the HTML page say about a product, and the numbers the algorithm outputs."""

    def __init__(self, product, reflectance, counts, decodable):
        self.product, self.reflectance, self.counts, self.decodable = product, reflectance, counts, decodable
        self.sunglint, self.sunglint_source = self._sunglint()

    def percent(self, kind):
        """Percent of the valid 20 m pixels in mask ``kind`` (no data: of all pixels); None when the product
        cannot tell or has no valid pixel."""
        if kind not in self.decodable:
            return None
        total = self.counts["pixels"] if kind == "nodata" else self.counts["valid"]
        return 100.0 * self.counts[kind] / total if total else None

    def _sunglint(self):
        from ..core.cloud import scene_sunglint

        product = self.product
        flag = product.quality.get("SunGlintDetected")
        if isinstance(flag, bool):
            return flag, tr("MAJA's flag in the metadata")
        views = [a for a in product.viewing_angles.values() if a is not None]
        if product.sun_angles is not None and views:
            flag = scene_sunglint(product.sun_angles.zenith, product.sun_angles.azimuth,
                                  [v.zenith for v in views], [v.azimuth for v in views])
            return flag, tr("MAJA's rule on the mean angles: glint angle below 30° for some band")
        return None, tr("unknown: the product gives no flag and no angles")

    def layer_prefix(self):
        date = self.product.acquisition.strftime("%Y-%m-%d") if self.product.acquisition else ""
        prefix = " ".join(p for p in (self.product.tile, date) if p)
        return prefix + " \u00b7 " if prefix else ""

    def rows(self):
        """(label, value) of the product's description, values as text."""
        p = self.product
        kind = {"theia": tr("Theia/MUSCATE (MAJA)"), "sen2cor": tr("ESA Sen2Cor")}.get(p.kind, p.kind)
        version_label = tr("Processing baseline") if p.kind == "sen2cor" else tr("Product version")
        offsets = sorted({float(p.reflectance_offsets.get(b, 0.0)) for b in CENTRAL_WAVELENGTH_NM})
        if offsets == [0.0]:
            formula = tr("DN / {scale:g}, no data {nodata}")
        else:
            formula = tr("(DN {offset}) / {scale:g}, no data {nodata}")
        offset_text = ", ".join(("+ {:g}" if o >= 0 else "\u2212 {:g}").format(abs(o)) for o in offsets)
        rows = [
            (tr("Product"), p.name),
            (tr("Producer"), kind),
            (tr("Platform"), p.platform),
            (tr("Tile"), p.tile),
            (tr("Acquisition (UTC)"), _date_text(p.acquisition)),
            (tr("Production (UTC)"), _date_text(p.production)),
            (version_label, p.version),
            (tr("Reflectance"), formula.format(offset=offset_text, scale=p.reflectance_scale,
                                                nodata=p.reflectance_nodata)),
        ]
        if p.kind == "theia":
            rows.append((tr("Theia reflectance"), self.reflectance))
        rows += [
            (tr("Mean sun zenith angle"), _number(p.sun_angles.zenith if p.sun_angles else None, 2, "°")),
            (tr("Mean sun azimuth angle"), _number(p.sun_angles.azimuth if p.sun_angles else None, 2, "°")),
            (tr("Sunglint likely"), _yes_no(self.sunglint) + " (" + self.sunglint_source + ")"),
        ]
        return rows

    def mask_rows(self):
        labels = {"cloud": tr("Cloud"), "shadow": tr("Cloud shadow"), "water": tr("Water"), "snow": tr("Snow"),
                  "nodata": tr("No data (of all pixels)")}
        return [(labels[kind], self.percent(kind)) for kind in MASK_KINDS]

    def lines(self):
        """The summary as lines of text, for the log."""
        lines = [tr("Summary of {product}").format(product=self.product.name)]
        lines += ["  {}: {}".format(label, "\u2013" if value is None else value) for label, value in self.rows()]
        lines.append("  " + tr("Percent of the valid pixels at 20 m, from the decoded masks:"))
        lines += ["    {}: {}".format(label, _number(value, 2, " %")) for label, value in self.mask_rows()]
        if self.product.quality:
            lines.append("  " + tr("Quality indicators of the product:"))
            lines += ["    {}: {}".format(k, _flag_text(v)) for k, v in self.product.quality.items()]
        return lines

    def html(self, outputs):
        from ..pipeline import report

        parts = [report.heading(tr("Product")), report.table(self.rows())]
        parts.append(report.heading(tr("Masks at 20 m")))
        parts.append(report.paragraph(tr("Percent of the valid pixels, counted on the masks decoded by Névé.")))
        mask_rows = self.mask_rows()
        parts.append(report.table([(label, _number(value, 2, " %")) for label, value in mask_rows],
                                  header=(tr("Mask"), tr("Percent"))))
        parts.append(report.bar_chart(mask_rows, unit="%", maximum=100.0))
        if self.product.quality:
            parts.append(report.heading(tr("Quality indicators of the product")))
            parts.append(report.table([(k, _flag_text(v)) for k, v in self.product.quality.items()],
                                      header=(tr("Indicator"), tr("Value"))))
        if self.product.warnings:
            parts.append(report.heading(tr("Warnings")))
            parts.append(report.bullet_list(self.product.warnings, "warnings"))
        if outputs:
            parts.append(report.heading(tr("Files written")))
            parts.append(report.table(sorted(outputs.items())))
        return report.page(tr("Summary of {product}").format(product=self.product.name), parts,
                           language=page_language())


def page_language():
    """The language the page is written in: the QGIS one when Névé has its translation, else English."""
    import os

    language = qgis_language()
    return language if os.path.exists(os.path.join(I18N_DIR, "neve_{}.qm".format(language))) else "en"


def _date_text(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment is not None else None


def _number(value, decimals, unit=""):
    return "\u2013" if value is None else "{:.{d}f}{u}".format(value, d=decimals, u=unit)


def _yes_no(value):
    return {True: tr("yes"), False: tr("no")}.get(value, tr("unknown"))


def _flag_text(value):
    return _yes_no(value) if isinstance(value, bool) else str(value)

