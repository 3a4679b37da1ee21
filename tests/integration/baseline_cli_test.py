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

    # A baseline records what the run shows (--min-level, default warning): with name-variant
    # set to info, its finding is neither shown nor recorded, and a later --min-level info run
    # reports it as new.
    (work / "levels").mkdir()
    (work / "levels" / ".factlint.yaml").write_text(
        "imports: [default]\nrules:\n  name-variant: info\n")
    (work / "levels" / "draft.md").write_text(
        "# Draft\n\n<!-- factlint-disable zzz -->\nUkraine's president Zelensky spoke.\n")
    written = run("--write-baseline", "levels.json", "levels/draft.md", cwd=work)
    recorded = json.loads((work / "levels.json").read_text())["findings"]
    check(written.returncode == 0 and [f["rule"] for f in recorded] == ["unknown-directive"],
          "--write-baseline records only findings at or above --min-level: %r %r" %
          (recorded, written.stderr))
    check("wrote 1 finding to levels.json" in written.stderr, written.stderr)
    shown = run("--min-level", "info", "--baseline", "levels.json", "levels/draft.md", cwd=work)
    check(shown.returncode == 1 and "[name-variant]" in shown.stdout and "zzz" not in shown.stdout,
          "the unrecorded info finding is new at --min-level info: %d %r" %
          (shown.returncode, shown.stdout))
    written = run("--min-level", "info", "--write-baseline", "levels.json", "levels/draft.md",
                  cwd=work)
    recorded = json.loads((work / "levels.json").read_text())["findings"]
    check(sorted(f["rule"] for f in recorded) == ["name-variant", "unknown-directive"],
          "--min-level info records both: %r" % recorded)

print("baseline_cli_test: %s" % ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
