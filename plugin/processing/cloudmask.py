"""neve:cloudmask, "Cloud mask from a product's mask": a binary cloud mask from CLM, MG2, SCL or values."""
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .base import NeveAlgorithm, cancelled_error
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
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, tr("Mask raster")),
            tr("The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file or any "
               "single-band classified raster."))
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
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Cloud mask")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np
        import rasterio

        from ..core import masks
        from ..io.raster import GeoTiffWriter, blocks, bounded_gdal_cache

        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The mask raster could not be opened."))
        kind = MASK_TYPES[self.parameterAsEnum(parameters, self.MASK_TYPE, context)]
        selection = {
            "clm": self.parameterAsEnums(parameters, self.CLM_BITS, context),
            "mg2": self.parameterAsEnums(parameters, self.MG2_BITS, context),
            "scl": self.parameterAsEnums(parameters, self.SCL_CLASSES, context),
        }.get(kind)
        if kind == "values":
            text = self.parameterAsString(parameters, self.VALUES, context) or ""
            try:
                selection = parse_values(text)
            except ValueError:
                raise QgsProcessingException(
                    tr("Could not read the values \"{text}\": write whole numbers separated by commas, "
                       "ranges with a dash, for example 1, 2, 5-7.").format(text=text))
        elif not selection:
            raise QgsProcessingException(
                tr("No bit or class is selected: choose at least one that counts as cloud."))
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        with bounded_gdal_cache(), rasterio.open(layer.source()) as src:
            dtype = np.dtype(src.dtypes[0])
            if dtype.kind not in "ui":
                raise QgsProcessingException(
                    tr("{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band "
                       "rather than a mask?").format(name=layer.name(), dtype=dtype.name))
            if kind in ("clm", "mg2", "scl") and dtype != np.uint8:
                raise QgsProcessingException(
                    tr("{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit "
                       "(uint8). Is this the right file, or should the kind of mask be \"Other raster\"?"
                       ).format(name=layer.name(), dtype=dtype.name))
            nodata = src.nodata
            with GeoTiffWriter(output_path, src.width, src.height, src.crs, src.transform, "uint8",
                               nodata=masks.MASK_NODATA) as out:
                for block in blocks(src.width, src.height):
                    if feedback.isCanceled():
                        raise cancelled_error()
                    values = src.read(1, window=block.read)
                    no_data = values == nodata if nodata is not None else np.zeros(values.shape, bool)
                    if kind == "scl":
                        if values.max(initial=0) >= masks.SCL_CLASS_COUNT:
                            raise QgsProcessingException(
                                tr("{name} holds the value {value}, but a Sen2Cor scene classification "
                                   "only has classes 0 to 11. Is this the SCL file (read at full "
                                   "resolution)?").format(name=layer.name(), value=int(values.max())))
                        no_data |= values == masks.SCL_NODATA
                        cloud = masks.in_classes(values, selection)
                    elif kind == "values":
                        cloud = masks.in_classes(values, selection) if selection else values != 0
                    else:
                        cloud = masks.any_bit_set(values, selection)
                    out.write(masks.encode_mask(cloud & ~no_data, no_data), block.write)
                    feedback.setProgress(100.0 * (block.index + 1) / block.count)

        style_output(context, output_path, cloud_mask_legend(), tr("Cloud mask"))
        return {self.OUTPUT: output_path}
