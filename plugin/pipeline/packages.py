"""The Python packages Névé needs beyond the standard library, and which of them cannot be imported
(the Processing provider and the tuning panel say what to install instead of failing on an import)."""
import importlib

REQUIRED_PACKAGES = ("numpy", "scipy", "rasterio")


def missing_packages(packages=REQUIRED_PACKAGES):
    """The Python packages of ``packages`` (default: those every Névé algorithm needs) that cannot be
    imported here."""
    missing = []
    for package in packages:
        try:
            importlib.import_module(package)
        except ImportError:
            missing.append(package)
    return missing
