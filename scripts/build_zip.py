#!/usr/bin/python3
"""Build the installable plugin zip: dist/neve-<version>.zip holding the folder neve/.

    scripts/build_zip.py [OUTPUT.zip]

It compiles the French translation first, then packs what QGIS needs (metadata, code, icon, i18n,
licence, readme) and leaves out what only developers use (tests, scripts, benchmarks, CI, docs).
"""
import configparser
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_NAME = "neve"
INCLUDE_FILES = ("metadata.txt", "__init__.py", "__main__.py", "icon.svg", "LICENSE", "README.md", "CHANGELOG.md")
INCLUDE_DIRS = ("plugin", "ui", "i18n", "icons")
EXCLUDE_SUFFIXES = (".pyc", ".pyo", ".partial.tif")
EXCLUDE_NAMES = ("__pycache__", ".lock")


def version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return parser["general"]["version"]


def plugin_files():
    for name in INCLUDE_FILES:
        if os.path.exists(os.path.join(ROOT, name)):
            yield name
    for folder in INCLUDE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, folder)):
            dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDE_NAMES)
            for filename in sorted(filenames):
                if filename in EXCLUDE_NAMES or filename.endswith(EXCLUDE_SUFFIXES):
                    continue
                yield os.path.relpath(os.path.join(dirpath, filename), ROOT)


def build(output=None):
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n.py"), "compile"], check=True,
                   stdout=subprocess.DEVNULL)
    output = output or os.path.join(ROOT, "dist", "{}-{}.zip".format(PLUGIN_NAME, version()))
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in plugin_files():
            archive.write(os.path.join(ROOT, relative), PLUGIN_NAME + "/" + relative.replace(os.sep, "/"))
    return output


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else None))
