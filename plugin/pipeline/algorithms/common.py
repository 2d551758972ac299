"""Parameters that several algorithms declare alike: the product, and how layers become reflectance."""
import dataclasses

from ...i18n import tr
from ..spec import NUMBER, PRODUCT, Param

INPUT_PRODUCT = "INPUT_PRODUCT"
REFLECTANCE_SCALE = "REFLECTANCE_SCALE"
REFLECTANCE_OFFSET = "REFLECTANCE_OFFSET"
#: Reflectance = (DN + offset) / scale of layers given one by one (Theia FRE/SRE and Sen2Cor: 10000).
DEFAULT_SCALE, DEFAULT_OFFSET = 10000.0, 0.0


def product_param():
    """``INPUT_PRODUCT`` (optional for QGIS: layers may be given instead; a run needs one or the other, see
    ``AlgorithmSpec.inputs``)."""
    return Param(
        INPUT_PRODUCT, PRODUCT,
        tr("Sentinel-2 or Landsat L2A product (folder, .zip, .tar or metadata file), or the layers below"),
        tr("A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read "
           "without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). "
           "Landsat 8 and 9: a Theia/MUSCATE Landsat L2A product, or a USGS Collection 2 Level-2 product "
           "(its .tar, read without unpacking, its folder or its *_MTL.xml). "
           "Scale, offset and no-data come from its metadata. Leave empty to give layers instead. In batch "
           "mode, Autofill, Add Products from a Folder… makes a row for each product of a folder."),
        optional=True,
        # "All files (*)" also lets through folder names without a dot (Theia product folders)
        file_filter=tr("Sentinel-2 and Landsat L2A products (*.zip *.tar *.xml *.txt);;All files (*)"))


def layers_group():
    """The title of the advanced parameters that give layers instead of a product."""
    return tr("Layers instead of a product")


def in_group(parameters, group):
    """``parameters`` as advanced parameters of the group titled ``group``."""
    return tuple(dataclasses.replace(p, advanced=True, group=group) for p in parameters)


def grouped(parameters, groups):
    """``parameters`` with those named in ``groups`` (name -> group title) made advanced parameters of
    their group, after the others, group by group in the order of ``groups`` (the outputs last): the
    dialogs show each group together under its title."""
    titles = list(dict.fromkeys(groups.values()))
    inputs = [p for p in parameters if not p.is_destination]
    ordinary = [p for p in inputs if p.name not in groups]
    members = sorted((p for p in inputs if p.name in groups), key=lambda p: titles.index(groups[p.name]))
    return tuple(ordinary + [dataclasses.replace(p, advanced=True, group=groups[p.name]) for p in members]
                 + [p for p in parameters if p.is_destination])


def scale_params():
    """How layers' digital numbers become reflectance (used only with layers)."""
    return (
        Param(REFLECTANCE_SCALE, NUMBER, tr("Reflectance scale of the layers"),
              tr("With layers: reflectance = (value + offset) / scale. 10000 for Theia FRE/SRE and Sen2Cor."),
              default=DEFAULT_SCALE, minimum=1e-9, advanced=True, source=tr("the Theia and Sen2Cor formats"),
              decimals=2),
        Param(REFLECTANCE_OFFSET, NUMBER, tr("Reflectance offset of the layers"),
              tr("With layers: reflectance = (value + offset) / scale. Sen2Cor from processing baseline 04.00 "
                 "(January 2022): -1000; before, and Theia: 0."),
              default=DEFAULT_OFFSET, advanced=True, source=tr("the Theia format"), decimals=2),
    )
