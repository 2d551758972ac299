"""Parameters that several algorithms declare alike: the product, and how layers become reflectance."""
from ...i18n import tr
from ..spec import NUMBER, PRODUCT, Param

INPUT_PRODUCT = "INPUT_PRODUCT"
REFLECTANCE_SCALE = "REFLECTANCE_SCALE"
REFLECTANCE_OFFSET = "REFLECTANCE_OFFSET"
#: Reflectance = (DN + offset) / scale of layers given one by one (Theia FRE/SRE and Sen2Cor: 10000).
DEFAULT_SCALE, DEFAULT_OFFSET = 10000.0, 0.0


def product_param():
    """``INPUT_PRODUCT`` (optional: layers may be given instead)."""
    return Param(
        INPUT_PRODUCT, PRODUCT, tr("Sentinel-2 or Landsat L2A product (folder, .zip, .tar or metadata file)"),
        tr("A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read "
           "without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). "
           "Landsat 8 and 9: a Theia/MUSCATE Landsat L2A product, or a USGS Collection 2 Level-2 product "
           "(its .tar, read without unpacking, its folder or its *_MTL.xml). "
           "Scale, offset and no-data come from its metadata. Leave empty to give layers instead."),
        optional=True,
        # "All files (*)" also lets through folder names without a dot (Theia product folders)
        file_filter=tr("Sentinel-2 and Landsat L2A products (*.zip *.tar *.xml *.txt);;All files (*)"))


def scale_params():
    """How layers' digital numbers become reflectance (used only with layers)."""
    return (
        Param(REFLECTANCE_SCALE, NUMBER, tr("Reflectance scale of the layers"),
              tr("With layers: reflectance = (value + offset) / scale. 10000 for Theia FRE/SRE and Sen2Cor."),
              default=DEFAULT_SCALE, minimum=1e-9, advanced=True, source=tr("the Theia and Sen2Cor formats")),
        Param(REFLECTANCE_OFFSET, NUMBER, tr("Reflectance offset of the layers"),
              tr("With layers: reflectance = (value + offset) / scale. Sen2Cor from processing baseline 04.00 "
                 "(January 2022): -1000; before, and Theia: 0."),
              default=DEFAULT_OFFSET, advanced=True, source=tr("the Theia format")),
    )
