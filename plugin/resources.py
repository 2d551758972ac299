"""Files the plugin ships beside its code (icons), found from this module's place: no QGIS, no Qt."""
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "icon.svg")
