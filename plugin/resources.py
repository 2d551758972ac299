"""Files the plugin ships beside its code (icons) and where its help lives, found from this module's place:
no QGIS, no Qt."""
import configparser
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "icon.svg")
ICONS_DIR = os.path.join(PLUGIN_DIR, "icons")
#: The icon of each group of algorithms ("products", "clouds", "snow" of ``pipeline/spec.py``) and of the
#: algorithms that differ from their group's (the season synthesis, statistics); the tuning panel's.
GROUP_ICONS = {"products": "product.svg", "clouds": "cloud.svg", "snow": "snow.svg"}
ALGORITHM_ICONS = {"snowseason": "season.svg", "snowarchive": "season.svg", "snowstats": "statistics.svg"}
TUNE_ICON = "tune.svg"


def icon_path(name):
    """The path of the icon file ``name`` of ``icons/`` (the plugin's icon when it is missing)."""
    path = os.path.join(ICONS_DIR, name)
    return path if os.path.exists(path) else ICON_PATH


def algorithm_icon_path(spec):
    """The icon of an algorithm (its own, else its group's)."""
    return icon_path(ALGORITHM_ICONS.get(spec.name) or GROUP_ICONS.get(spec.group, ""))


def metadata(key, default=""):
    """A value of the ``[general]`` section of metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser["general"].get(key, default) if parser.has_section("general") else default


def help_url(algorithm_name):
    """The page that documents ``algorithm_name``: its section of the README on the plugin's home page
    (anchor ``neve-<name>``)."""
    homepage = metadata("homepage").rstrip("/")
    return "{}#neve-{}".format(homepage, algorithm_name) if homepage else ""
