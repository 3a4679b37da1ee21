#!/usr/bin/env python3
"""Ledger end to end: ingest the vendored seeds in publication order, check the facts file
(idempotence, conflicts kept, loadable as a pack), then the timeline table and SVG chart.
The expected figures are the ones the seed README lists, read off the articles by hand.
Usage: ledger_test.py FACTLINT SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

FACTLINT, SOURCE = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args, cwd=SOURCE):
    return subprocess.run([FACTLINT, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


work = tempfile.mkdtemp(prefix="ledger-test-")
facts = os.path.join(work, "facts.yaml")

# The exact commands of scripts/regenerate-facts, so the script is tested too.
script = subprocess.run([os.path.join(SOURCE, "scripts", "regenerate-facts"), facts, FACTLINT],
                        capture_output=True, text=True, timeout=300)
check(script.returncode == 0, f"regenerate-facts failed: {script.stderr}")
with open(facts, encoding="utf-8") as f:
    first = f.read()

# Idempotent: the same article again changes nothing, byte for byte.
again = run("ingest", "--config", "rules/default/pack.yaml", "--as-of", "2025-04-30", "--source",
            "lee-seong-kweun", "--via", "nis", "--title",
            "Around 600 North Korean soldiers killed fighting for Russia, South Korean lawmaker says",
            "-o", facts, "tests/data/seeds/004_3f15263bc76710e2.txt")
check(again.returncode == 0, f"re-ingest failed: {again.stderr}")
with open(facts, encoding="utf-8") as f:
    check(f.read() == first, "ingesting 004 twice changed the facts file")
check("0 new record(s)" in again.stderr, f"re-ingest reported new records: {again.stderr}")

# Timeline table: the figures each article gave (seed README, read by hand), by date; the
# order of two articles on one date is the sort order of their sources, so compare sorted.
def rows(metric):
    out = run("timeline", "--facts", facts, "north-korean-troops", metric)
    check(out.returncode == 0, f"timeline {metric} failed: {out.stderr}")
    return sorted(tuple(line.split()[:2]) for line in out.stdout.splitlines()
                  if line.startswith("  20")), out.stdout


EXPECTED = {
    "killed": [("2024-12-19", ">100"), ("2024-12-23", "≥100"), ("2025-01-13", ">300"),
               ("2025-01-13", "≈300"), ("2025-04-30", "≈600")],
    "wounded": [("2024-12-19", ">1,000"), ("2024-12-23", "1,000"), ("2025-01-13", "2,700"),
                ("2025-01-13", "2,700"), ("2025-04-30", "2,000–9,999")],
    "deployed": [("2024-12-19", "≈10,000"), ("2024-12-23", ">10,000"),
                 ("2025-01-13", ">10,000"), ("2025-01-13", "≈11,000"),
                 ("2025-04-30", "≈18,000")],
}
for metric, expected in EXPECTED.items():
    got, text = rows(metric)
    # 002 (≈11,000) and 003 (>10,000) disagree on one date: both kept, both marked.
    got = [(date, value) for date, value in got]
    check(got == sorted(expected), f"{metric}: {got} != {sorted(expected)}")
casualties, _ = rows("casualties")
check(("2025-04-30", "≈4,700") in casualties and ("2025-01-13", ">3,000") in casualties,
      f"casualties: {casualties}")
table = run("timeline", "--facts", facts, "deployed").stdout
check(table.count(" ! ") == 2, "002's ≈11,000 and 003's >10,000 are marked as conflicting")
check("(via National Intelligence Service)" in table, "the ultimate source is shown")

# A different figure for the same entity, metric and date is kept and flagged, not replaced.
draft = os.path.join(work, "draft.md")
with open(draft, "w", encoding="utf-8") as f:
    f.write("About 650 North Korean soldiers have been killed, the NIS said.\n")
conflict = run("ingest", "--as-of", "2025-04-30", "--source", "nis", "-o", facts, draft)
check(conflict.returncode == 0, f"conflicting ingest failed: {conflict.stderr}")
check("warning: conflicting figures for north-korean-troops killed 2025-04-30: 600, 650"
      in conflict.stderr, f"no conflict warning: {conflict.stderr}")
with open(facts, encoding="utf-8") as f:
    merged = f.read()
killed = run("timeline", "--facts", facts, "killed").stdout
flagged = [l.split()[:3] for l in killed.splitlines() if l.startswith("  2025-04-30")]
check(flagged == [["2025-04-30", "≈600", "!"], ["2025-04-30", "≈650", "!"]] or
      sorted(flagged) == [["2025-04-30", "≈600", "!"], ["2025-04-30", "≈650", "!"]],
      f"600 and 650 both kept and flagged: {flagged}")
check("value: 600" in merged and "value: 650" in merged, "both figures are kept")

# The facts file is a valid pack fragment: the loader accepts provenance and conflict.
pack = os.path.join(work, "pack.yaml")
with open(pack, "w", encoding="utf-8") as f:
    f.write("imports: [default, facts.yaml]\n")

loaded = run("timeline", "--config", pack, "killed")
check(loaded.returncode == 0, f"facts file does not load as a pack: {loaded.stderr}")

# SVG: well-formed, one panel per metric, the expected points with their dates, escaped text.
svg = os.path.join(work, "chart.svg")
chart = run("timeline", "--facts", facts, "--svg", svg)
check(chart.returncode == 0, f"timeline --svg failed: {chart.stderr}")
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(svg).getroot()
panels = {g.get("data-metric") for g in root.iter("{http://www.w3.org/2000/svg}g")}
check({"killed", "wounded", "deployed", "casualties"} <= panels, f"panels: {panels}")
points = {(c.get("data-metric"), c.get("data-date"), c.get("data-value"))
          for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.get("class") == "point"}
for expected in [("killed", "2024-12-19", ">100"), ("killed", "2025-01-13", "≈300"),
                 ("killed", "2025-04-30", "≈600"), ("killed", "2025-04-30", "≈650"),
                 ("wounded", "2024-12-23", "1,000"), ("wounded", "2025-01-13", "2,700"),
                 ("casualties", "2025-04-30", "≈4,700"), ("deployed", "2024-12-19", "≈10,000"),
                 ("deployed", "2025-01-13", "≈11,000"), ("deployed", "2025-04-30", "≈18,000")]:
    check(expected in points, f"missing point {expected}")
labels = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
check("Lee Seong-kweun · 2025-04-30" in labels, "points are labelled with source and date")
check("Jan 2025" in labels and "10k" in labels, "axes have ticks")
check("North Korean troops" in labels, "legend names the entity")
check(" > more than" in labels, "escaped '>' reads back as '>'")

# Escaping: a hostile title survives as text.
hostile = os.path.join(work, "hostile.yaml")
with open(hostile, "w", encoding="utf-8") as f:
    f.write('facts:\n  - {entity: "a<b&c", metric: "m\\"x", value: 5, as_of: 2025-01-01,'
            ' source: "<script>"}\n')
odd = run("timeline", "--facts", hostile, "--svg", svg)
check(odd.returncode == 0, f"hostile facts: {odd.stderr}")
root = ET.parse(svg).getroot()
circle = next(c for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.get("class") == "point")
check(circle.get("data-entity") == "a<b&c" and circle.get("data-source") == "<script>",
      "attributes escaped and round-trip")

shutil.rmtree(work)
print("ledger_test:", "FAILED" if failures else "ok", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
