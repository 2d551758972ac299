#!/usr/bin/python3
"""Start the real QGIS desktop under Xvfb with Névé installed from its zip in a throwaway profile, run a
scenario inside it and save screenshots: what a user sees, checked by a program.

    scripts/desktop.py [--language en|fr] [--out docs/screenshots] [--sample] [--keep]

The scenario (desktop_scenario.py, run by QGIS with --code) checks that the plugin is loaded, that the
Raster › Névé menu and the Névé toolbar exist, opens the Tune thresholds panel, and with --sample runs
every algorithm from its dialog, the batch dialog on two products and the panel's preview on a generated
sample; it takes screenshots and writes a JSON report; this script exits non-zero when a check failed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def install_profile(base, language):
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from build_zip import build

    zip_path = build(os.path.join(base, "neve.zip"))
    plugins = os.path.join(base, "profiles", "default", "python", "plugins")
    os.makedirs(plugins)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    ini_dir = os.path.join(base, "profiles", "default", "QGIS")
    os.makedirs(ini_dir)
    with open(os.path.join(ini_dir, "QGIS3.ini"), "w") as ini:
        locale = "fr_FR" if language == "fr" else "en_GB"
        # the interface and the numbers in the user's language, as on a French desktop (decimal comma)
        ini.write("[PythonPlugins]\nneve=true\n\n[locale]\noverrideFlag=true\nuserLocale={0}\n"
                  "globalLocale={0}\n\n[qgis]\ncheckVersion=false\nshowTips=false\n\n[UI]\nhidebrowser=true\n"
                  .format(locale))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en", choices=["en", "fr"])
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "screenshots"))
    parser.add_argument("--keep", action="store_true", help="keep the throwaway profile")
    parser.add_argument("--sample", action="store_true",
                        help="run every algorithm from its dialog on a generated sample, the batch dialog, the "
                             "Tune thresholds panel, with screenshots of each step")
    args = parser.parse_args()
    base = tempfile.mkdtemp(prefix="neve-desktop-")
    try:
        install_profile(base, args.language)
        report = os.path.join(base, "report.json")
        env = dict(os.environ, NEVE_SCREENSHOT_DIR=os.path.abspath(args.out), NEVE_LANGUAGE=args.language,
                   NEVE_REPORT=report, NEVE_ROOT=ROOT)
        if args.sample:
            env["NEVE_SAMPLE_DIR"] = os.path.join(base, "sample")
        env.pop("QT_QPA_PLATFORM", None)
        os.makedirs(args.out, exist_ok=True)
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo",
                        "--noversioncheck", "--profiles-path", base,
                        "--code", os.path.join(ROOT, "scripts", "desktop_scenario.py")],
                       env=env, timeout=900, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(report):
            print("QGIS ended without a report")
            return 1
        with open(report) as f:
            result = json.load(f)
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0 if all(result["checks"].values()) else 1
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
