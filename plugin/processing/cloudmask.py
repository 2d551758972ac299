"""neve:cloudmask, "Cloud mask from a product's mask": a binary cloud mask from CLM, MG2, SCL or values."""
import contextlib
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .legacy import NeveAlgorithm, cancelled_error
from .inputs import INPUT_PRODUCT, add_product_parameter, open_input
from .styles import cloud_mask_legend, style_output

MASK_TYPES = ("clm", "mg2", "scl", "values")


def mask_type_labels():
    return [
        tr("MAJA cloud mask CLM (bits)"),
        tr("MAJA geophysical mask MG2 (bits)"),
        tr("Sen2Cor scene classification SCL (classes)"),
        tr("Other raster (values)"),
    ]


def clm_bit_labels():
    return [
        tr("Bit 0: all clouds except the thinnest, and all shadows"),
        tr("Bit 1: all clouds except the thinnest"),
        tr("Bit 2: clouds from mono-temporal thresholds"),
        tr("Bit 3: clouds from multi-temporal thresholds"),
        tr("Bit 4: thinnest clouds"),
        tr("Bit 5: shadows of clouds detected in the image"),
        tr("Bit 6: shadows of clouds outside the image"),
        tr("Bit 7: high clouds (cirrus band)"),
    ]


def mg2_bit_labels():
    return [
        tr("Bit 0: water"),
        tr("Bit 1: all clouds"),
        tr("Bit 2: snow"),
        tr("Bit 3: cloud shadows"),
        tr("Bit 4: topographic shadows"),
        tr("Bit 5: hidden surfaces"),
        tr("Bit 6: sun too low for slope correction"),
        tr("Bit 7: sun tangent to slope"),
    ]


def scl_class_labels():
    return [
        tr("0: no data"),
        tr("1: saturated or defective"),
        tr("2: dark area or topographic shadow"),
        tr("3: cloud shadow"),
        tr("4: vegetation"),
        tr("5: not vegetated"),
        tr("6: water"),
        tr("7: unclassified"),
        tr("8: cloud, medium probability"),
        tr("9: cloud, high probability"),
        tr("10: thin cirrus"),
        tr("11: snow or ice"),
    ]


def parse_values(text):
    """Integer values from text such as "1, 2, 5-7" (ranges included); raises ValueError."""
    values = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        match = re.fullmatch(r"\s*(-?\d+)\s*(?:-\s*(-?\d+)\s*)?", part)
        if match is None:
            raise ValueError(part)
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        if high < low:
            raise ValueError(part)
        values.extend(range(low, high + 1))
    return values


class CloudMaskAlgorithm(NeveAlgorithm):
    INPUT = "INPUT"
    MASK_TYPE = "MASK_TYPE"
    CLM_BITS = "CLM_BITS"
    MG2_BITS = "MG2_BITS"
    SCL_CLASSES = "SCL_CLASSES"
    VALUES = "VALUES"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"

    GROUP = "clouds"

    def name(self):
        return "cloudmask"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Cloud mask from a product's mask")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, "
                  "a Sen2Cor SCL or any classified raster.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: "
            "1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).</p>"
            "<p><b>MAJA CLM</b> (Theia): a pixel is cloud when at least one of the chosen bits is set. "
            "The default, all bits (CLM &gt; 0), is the choice of the Theia Snow collection (LIS).</p>"
            "<p><b>MAJA MG2</b>: same with the bits of the geophysical mask (default: bit 1, all clouds).</p>"
            "<p><b>Sen2Cor SCL</b>: a pixel is cloud when its class is one of the chosen classes. "
            "The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, "
            "thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.</p>"
            "<p><b>Other raster</b>: a pixel is cloud when its value is one of the listed values, "
            "for example <i>1, 2, 5-7</i>; left empty, every non-zero value counts.</p>"
            "<p>Pixels equal to the input's no-data value are no data in the output.</p>"
        ) + tr(
            "<p><b>From a product</b>: the mask comes from the product itself, read in place: the CLM of a "
            "Theia product (or its MG2 when that kind is chosen), with no data from its EDG mask, or the "
            "SCL of a Sen2Cor product, at the chosen resolution (10 or 20 m; masks are resampled with "
            "nearest neighbour, never through JPEG2000 reduced resolutions).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, tr("Mask raster"), optional=True),
            tr("The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file or any "
               "single-band classified raster. Used when no product is given."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.MASK_TYPE, tr("Kind of mask"), options=mask_type_labels(),
                                       defaultValue=0),
            tr("How to read the mask raster: MAJA bit fields, Sen2Cor classes or plain values."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.CLM_BITS, tr("CLM bits that count as cloud"),
                                       options=clm_bit_labels(), allowMultiple=True,
                                       defaultValue=list(range(8)), optional=True),
            tr("Used with a MAJA CLM. Default all bits (CLM > 0), as in the Theia Snow collection."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.MG2_BITS, tr("MG2 bits that count as cloud"),
                                       options=mg2_bit_labels(), allowMultiple=True, defaultValue=[1],
                                       optional=True),
            tr("Used with a MAJA MG2. Default bit 1, all clouds."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.SCL_CLASSES, tr("SCL classes that count as cloud"),
                                       options=scl_class_labels(), allowMultiple=True,
                                       defaultValue=[3, 8, 9, 10], optional=True),
            tr("Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor."))
        self.add_parameter(
            QgsProcessingParameterString(self.VALUES, tr("Values that count as cloud"), defaultValue="",
                                         optional=True),
            tr("Used with another raster: values separated by commas, ranges with a dash "
               "(1, 2, 5-7). Empty: every non-zero value."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.RESOLUTION, tr("Resolution with a product (m)"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=20,
                                         minValue=10, maxValue=60, optional=True),
            tr("Pixel size of the output when the input is a product: 10 or 20 m (the Theia Snow "
               "collection works at 20 m)."), advanced=True)
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Cloud mask")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np
        import rasterio

        from ..core import masks
        from ..io.products import ProductError
        from ..io.raster import GeoTiffWriter, Grid, blocks, bounded_gdal_cache

        kind = MASK_TYPES[self.parameterAsEnum(parameters, self.MASK_TYPE, context)]
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        with bounded_gdal_cache(), contextlib.ExitStack() as stack:
            if self.parameterAsFile(parameters, INPUT_PRODUCT, context):
                product = stack.enter_context(open_input(self, parameters, context, feedback))
                mask_name = self.product_mask(product, kind)
                source_name = product.name
                kind = mask_name.lower()
                grid = product.grid(self.parameterAsInt(parameters, self.RESOLUTION, context) or 20)
                has_nodata_mask = "EDG" in product.masks or mask_name == "SCL"

                def read(window):
                    values = product.read_raw(mask_name, grid, window)
                    if has_nodata_mask:
                        return values, product.read_mask("nodata", grid, window)
                    return values, np.zeros(values.shape, bool)
            else:
                layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
                if layer is None:
                    raise QgsProcessingException(
                        tr("No input: give a Sentinel-2 L2A product or a mask raster."))
                src = stack.enter_context(rasterio.open(layer.source()))
                source_name = layer.name()
                self.check_mask_type(layer.name(), np.dtype(src.dtypes[0]), kind)
                grid, nodata = Grid.of(src), src.nodata

                def read(window):
                    values = src.read(1, window=window)
                    no_data = values == nodata if nodata is not None else np.zeros(values.shape, bool)
                    return values, no_data

            selection = self.selection(parameters, context, kind)
            writer = stack.enter_context(GeoTiffWriter(output_path, grid.width, grid.height, grid.crs,
                                                       grid.transform, "uint8", nodata=masks.MASK_NODATA))
            for block in blocks(grid.width, grid.height):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    values, no_data = read(block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                if kind == "scl":
                    if values.max(initial=0) >= masks.SCL_CLASS_COUNT:
                        raise QgsProcessingException(
                            tr("{name} holds the value {value}, but a Sen2Cor scene classification "
                               "only has classes 0 to 11. Is this the SCL file (read at full "
                               "resolution)?").format(name=source_name, value=int(values.max())))
                    no_data |= values == masks.SCL_NODATA
                    cloud = masks.in_classes(values, selection)
                elif kind == "values":
                    cloud = masks.in_classes(values, selection) if selection else values != 0
                else:
                    cloud = masks.any_bit_set(values, selection)
                writer.write(masks.encode_mask(cloud & ~no_data, no_data), block.write)
                feedback.setProgress(100.0 * (block.index + 1) / block.count)

        style_output(context, output_path, cloud_mask_legend(), tr("Cloud mask"))
        return {self.OUTPUT: output_path}

    def selection(self, parameters, context, kind):
        """The bits, classes or values that count as cloud, checked."""
        if kind == "values":
            text = self.parameterAsString(parameters, self.VALUES, context) or ""
            try:
                return parse_values(text)
            except ValueError:
                raise QgsProcessingException(
                    tr("Could not read the values \"{text}\": write whole numbers separated by commas, "
                       "ranges with a dash, for example 1, 2, 5-7.").format(text=text))
        parameter = {"clm": self.CLM_BITS, "mg2": self.MG2_BITS, "scl": self.SCL_CLASSES}[kind]
        selection = self.parameterAsEnums(parameters, parameter, context)
        if not selection:
            raise QgsProcessingException(
                tr("No bit or class is selected: choose at least one that counts as cloud."))
        return selection

    @staticmethod
    def product_mask(product, kind):
        """The product's mask file to read: SCL for Sen2Cor, CLM (or MG2 when chosen) for Theia."""
        if "SCL" in product.masks:
            return "SCL"
        if kind == "mg2" and "MG2" in product.masks:
            return "MG2"
        if "CLM" in product.masks:
            return "CLM"
        raise QgsProcessingException(
            tr("{product} has no cloud mask (CLM, MG2 or SCL).").format(product=product.name))

    @staticmethod
    def check_mask_type(name, dtype, kind):
        import numpy as np

        if dtype.kind not in "ui":
            raise QgsProcessingException(
                tr("{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band "
                   "rather than a mask?").format(name=name, dtype=dtype.name))
        if kind in ("clm", "mg2", "scl") and dtype != np.uint8:
            raise QgsProcessingException(
                tr("{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit "
                   "(uint8). Is this the right file, or should the kind of mask be \"Other raster\"?"
                   ).format(name=name, dtype=dtype.name))
