#!/usr/bin/env python3
"""--write-baseline then --baseline through the real binary: only new findings fail.

Usage: baseline_cli_test.py FACTLINT_BINARY
The findings are unknown rule ids in directives (`zzz`, `yyy`), which need no rule pack.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args, cwd):
    return subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    (work / "docs").mkdir()
    draft = work / "docs" / "draft.md"
    draft.write_text("# Draft\n\n<!-- factlint-disable zzz -->\nText.\n")

    written = run("--write-baseline", "baseline.json", "docs/draft.md", cwd=work)
    check(written.returncode == 0, "--write-baseline exits 0: %d %s" % (written.returncode,
                                                                        written.stderr))
    baseline = json.loads((work / "baseline.json").read_text())
    check(baseline.get("version") == 1 and baseline["findings"] == [
        {"file": "docs/draft.md", "rule": "unknown-directive", "text": "zzz",
         "line": "<!-- factlint-disable zzz -->", "count": 1}],
        "baseline content: %r" % baseline)

    # Same findings, moved down two lines: still accepted. Run from another directory.
    draft.write_text("# Draft\n\nIntro.\n\n<!-- factlint-disable zzz -->\nText.\n")
    accepted = run("--baseline", "../baseline.json", "draft.md", cwd=work / "docs")
    check(accepted.returncode == 0, "baselined findings pass: %d\n%s%s" % (
        accepted.returncode, accepted.stdout, accepted.stderr))

    # A new finding fails, and only it is reported.
    draft.write_text("# Draft\n\n<!-- factlint-disable zzz -->\n<!-- factlint-disable yyy -->\n")
    new = run("--baseline", "baseline.json", "docs/draft.md", cwd=work)
    check(new.returncode == 1, "a new finding fails: %d" % new.returncode)
    check("yyy" in new.stdout and "'zzz'" not in new.stdout, "only the new one: %r" % new.stdout)

    broken = work / "broken.json"
    broken.write_text("{")
    bad = run("--baseline", str(broken), "docs/draft.md", cwd=work)
    check(bad.returncode == 2 and "broken.json" in bad.stderr, "bad baseline: exit 2 with the "
          "file name: %d %r" % (bad.returncode, bad.stderr))

print("baseline_cli_test: %s" % ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
