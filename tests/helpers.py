"""Small helpers shared by the tests: tiny GeoTIFFs, running algorithms, files left behind."""
import glob
import os

import numpy as np
import rasterio
from rasterio.transform import from_origin

UTM32N = "EPSG:32632"


def write_raster(path, array, pixel_size=(10.0, 10.0), origin=(600000.0, 5100000.0), crs=UTM32N,
                 nodata=None):
    """Write a single-band (2-D array) or multi-band (3-D array) GeoTIFF and return its path."""
    array = np.asarray(array)
    bands = array[None] if array.ndim == 2 else array
    transform = from_origin(origin[0], origin[1], pixel_size[0], pixel_size[1])
    with rasterio.open(path, "w", driver="GTiff", width=bands.shape[2], height=bands.shape[1],
                       count=bands.shape[0], dtype=bands.dtype, crs=crs, transform=transform,
                       nodata=nodata) as dst:
        dst.write(bands)
    return str(path)


def read_raster(path, band=1):
    with rasterio.open(path) as src:
        return src.read(band)


def start_qgis(link_dir):
    """QGIS offscreen with Processing and the Névé provider, for the demo and the benchmark scripts: the
    plugin imported as ``neve`` through a symlink in ``link_dir``, whatever the repository is called.
    Returns ``(app, plugin)``; keep both alive."""
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    os.makedirs(link_dir, exist_ok=True)
    if not os.path.exists(os.path.join(link_dir, "neve")):
        os.symlink(root, os.path.join(link_dir, "neve"))
    sys.path.insert(0, link_dir)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import neve

    plugin = neve.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def run(algorithm_id, parameters, context=None, feedback=None):
    """processing.run as a user's script calls it; returns the results dictionary."""
    import processing

    return processing.run(algorithm_id, parameters, context=context, feedback=feedback)


def leftovers(folder):
    """Files in ``folder`` that a failed or cancelled run must not leave (outputs, partial files)."""
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(str(folder), "*"))
                  + glob.glob(os.path.join(str(folder), ".*")))


# Hostile metadata that a safe XML parser must refuse (entity expansion, external entity).
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<n1:Level-2A_User_Product xmlns:n1="x"><n1:General_Info><Product_Info>
<PRODUCT_TYPE>&lol9;</PRODUCT_TYPE></Product_Info></n1:General_Info></n1:Level-2A_User_Product>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Level-2A_User_Product><General_Info><Product_Info><PRODUCT_TYPE>&xxe;</PRODUCT_TYPE>
</Product_Info></General_Info></Level-2A_User_Product>
"""


def layer_tree(project):
    """The Layers panel of ``project`` as data: a list of ``(group name, [(layer name, checked), ...])``
    from the top, layers outside groups under the group name None."""
    from qgis.core import QgsLayerTreeGroup, QgsLayerTreeLayer

    tree = []
    for node in project.layerTreeRoot().children():
        if isinstance(node, QgsLayerTreeGroup):
            tree.append((node.name(), [(child.layer().name(), child.itemVisibilityChecked())
                                       for child in node.children() if isinstance(child, QgsLayerTreeLayer)]))
        elif isinstance(node, QgsLayerTreeLayer):
            tree.append((None, [(node.layer().name(), node.itemVisibilityChecked())]))
    return tree


def load_outputs(algorithm_id, values, project):
    """Run ``algorithm_id`` and load its outputs into ``project`` as the Processing dialog does (layer outputs
    given as QgsProcessingOutputLayerDefinition with the project, then QGIS's own handleAlgorithmResults).
    Returns the results."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setProject(project)
    results = run(algorithm_id, values, context=context)
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    assert handleAlgorithmResults(algorithm, context, QgsProcessingFeedback(), False, values)
    QgsApplication.processEvents()  # what QGIS does later (it removes layers left without a tree node)
    return results


WITHOUT_PACKAGES_SCRIPT = r"""
import json, sys
for name in sys.argv[3].split(","):
    sys.modules[name] = None     # "import NAME" now raises ImportError, as when it is not installed
sys.path[:0] = [sys.argv[1], "/usr/share/qgis/python/plugins"]
from qgis.core import QgsApplication, QgsSettings
app = QgsApplication([], False)
app.initQgis()
QgsSettings().setValue("locale/overrideFlag", True)
QgsSettings().setValue("locale/userLocale", sys.argv[2])
import neve
plugin = neve.classFactory(None)
plugin.initProcessing()
provider = QgsApplication.processingRegistry().providerById("neve")
print(json.dumps({alg.id(): alg.canExecute() for alg in provider.algorithms()}))
"""


def verdicts_without(packages, language, config_dir):
    """``{algorithm id: [can execute, message]}`` of the plugin loaded in a new QGIS process (in
    ``language``) where the Python ``packages`` cannot be imported."""
    import json
    import subprocess
    import sys

    from conftest import _SESSION_DIR

    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PACKAGES_SCRIPT, _SESSION_DIR, language, ",".join(packages)],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config_dir)))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
