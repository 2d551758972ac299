#!/usr/bin/python3
"""French translation of Névé: i18n/neve_fr.ts is the source of truth, neve_fr.qm is compiled from it.

    scripts/i18n.py update          collect tr("...") strings of the plugin code into neve_fr.ts
    scripts/i18n.py todo            list the strings that have no French translation yet
    scripts/i18n.py set FILE.json   set translations from a JSON object {"English": "Français", ...}
    scripts/i18n.py check           fail when a string of the code is missing or untranslated
    scripts/i18n.py compile         compile neve_fr.qm with lrelease

Code strings are collected by pylupdate5 from every .py file of the plugin (not tests, scripts, bench).
Commands that change the .ts take a lock, so that several people (or agents) can run them at once.
"""
import contextlib
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "i18n", "neve_fr.ts")
QM = os.path.join(ROOT, "i18n", "neve_fr.qm")
SOURCE_DIRS = ("plugin", "ui")


def code_files():
    files = [os.path.join(ROOT, "__init__.py")]
    for folder in SOURCE_DIRS:
        for dirpath, _dirs, names in os.walk(os.path.join(ROOT, folder)):
            files.extend(os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py"))
    return sorted(os.path.relpath(f, ROOT) for f in files)


@contextlib.contextmanager
def locked():
    os.makedirs(os.path.dirname(TS), exist_ok=True)
    with open(os.path.join(os.path.dirname(TS), ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def pylupdate(ts_path):
    """Run pylupdate5 from the repository root so that locations are relative paths."""
    subprocess.run(["pylupdate5", "-noobsolete", *code_files(), "-ts", ts_path], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def messages(ts_path):
    tree = ET.parse(ts_path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        yield message.findtext("source"), translation


def update():
    with locked():
        pylupdate(TS)
    todo = [s for s, t in messages(TS) if t.get("type") == "unfinished" or not (t.text or "").strip()]
    print("{}: {} strings, {} without translation".format(os.path.relpath(TS, ROOT),
                                                          sum(1 for _ in messages(TS)), len(todo)))


def todo():
    for source, translation in messages(TS):
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            print(json.dumps(source, ensure_ascii=False))


def set_translations(json_path):
    with open(json_path, encoding="utf-8") as f:
        table = json.load(f)
    with locked():
        pylupdate(TS)
        tree = ET.parse(TS)
        done = set()
        for message in tree.iter("message"):
            source = message.findtext("source")
            if source in table:
                translation = message.find("translation")
                translation.text = table[source]
                translation.attrib.pop("type", None)
                done.add(source)
        write_ts(tree)
    unknown = sorted(set(table) - done)
    for source in unknown:
        print("not in the code (skipped): " + json.dumps(source, ensure_ascii=False), file=sys.stderr)
    print("{} translations set".format(len(done)))


def write_ts(tree):
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(TS, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    # let pylupdate5 reformat it the way it writes it, so that diffs stay small
    pylupdate(TS)


def check():
    """Exit 1 if the code has strings the .ts lacks, or the .ts has untranslated strings."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "check.ts")
        pylupdate(fresh)
        in_code = {s for s, _t in messages(fresh)}
    in_ts = {s: t for s, t in messages(TS)} if os.path.exists(TS) else {}
    for source in sorted(in_code - set(in_ts)):
        problems.append("missing from neve_fr.ts: " + json.dumps(source, ensure_ascii=False))
    for source in sorted(in_code & set(in_ts)):
        t = in_ts[source]
        if t.get("type") in ("unfinished", "obsolete", "vanished") or not (t.text or "").strip():
            problems.append("not translated: " + json.dumps(source, ensure_ascii=False))
    for line in problems:
        print(line)
    return 1 if problems else 0


def compile_qm():
    result = subprocess.run(["lrelease", TS, "-qm", QM], capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        return result.returncode
    print(" ".join(result.stdout.split()))
    return 0


def main(argv):
    if len(argv) < 2 or argv[1] not in ("update", "todo", "set", "check", "compile"):
        print(__doc__)
        return 2
    command = argv[1]
    if command == "update":
        update()
    elif command == "todo":
        todo()
    elif command == "set":
        set_translations(argv[2])
    elif command == "check":
        return check()
    elif command == "compile":
        return compile_qm()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
