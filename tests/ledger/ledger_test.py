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
raw = os.path.join(work, "facts.raw.yaml")

# The exact commands of scripts/regenerate-facts, so the script is tested too: the seeds
# ingested into RAW, the review applied into OUTPUT.
script = subprocess.run([os.path.join(SOURCE, "scripts", "regenerate-facts"), facts, FACTLINT],
                        capture_output=True, text=True, timeout=300)
check(script.returncode == 0, f"regenerate-facts failed: {script.stderr}")
with open(facts, encoding="utf-8") as f:
    reviewed = f.read()

# The bundled facts are exactly what regeneration gives: ingest + the checked-in review.
# When this fails, run scripts/regenerate-facts and review the diff (docs/ledger.md).
with open(os.path.join(SOURCE, "rules", "default", "facts.yaml"), encoding="utf-8") as f:
    check(f.read() == reviewed, "rules/default/facts.yaml differs from scripts/regenerate-facts "
          "output: regenerate it and review the diff")

# A review edit that no longer matches one record stops regeneration with its location, and
# nothing is written.
stale_review = os.path.join(work, "review.yaml")
with open(stale_review, "w", encoding="utf-8") as f:
    f.write("edits:\n  - match: {metric: killed, as_of: 2025-04-30, file: nowhere.txt}\n"
            "    drop: true\n    why: gone\n")
out_reviewed = os.path.join(work, "reviewed.yaml")
stale = run("ingest", "--review", stale_review, "-o", out_reviewed, raw)
check(stale.returncode == 2, f"stale review exit code {stale.returncode}")
check(f"{stale_review}:2:12: matches 0 records, not one" in stale.stderr, stale.stderr)
check(not os.path.exists(out_reviewed), "a failed review wrote its output")

# Idempotent: the same article again changes nothing, byte for byte.
with open(raw, encoding="utf-8") as f:
    first = f.read()
again = run("ingest", "--config", "rules/default/pack.yaml", "--all", "--as-of", "2025-04-30",
            "--source", "lee-seong-kweun", "--via", "nis", "--title",
            "Around 600 North Korean soldiers killed fighting for Russia, South Korean lawmaker says",
            "-o", raw, "tests/data/seeds/004_3f15263bc76710e2.txt")
check(again.returncode == 0, f"re-ingest failed: {again.stderr}")
with open(raw, encoding="utf-8") as f:
    check(f.read() == first, "ingesting 004 twice changed the facts file")
check("0 new record(s)" in again.stderr, f"re-ingest reported new records: {again.stderr}")


# Timeline table: the figures each article gave (seed README, read by hand), by date; the
# order of two articles on one date is the sort order of their sources, so compare sorted.
def rows(metric, path=facts):
    out = run("timeline", "--facts", path, "north-korean-troops", metric)
    check(out.returncode == 0, f"timeline {metric} failed: {out.stderr}")
    return sorted(tuple(line.split()[:2]) for line in out.stdout.splitlines()
                  if line.startswith("  20")), out.stdout


# Issue 5's acceptance: killed 100 -> 300 -> 600, wounded 1,000 -> 2,700 -> (casualties
# 4,700), deployed 10,000 -> 11,000 -> 18,000. 000 is "at least 100" in its body (its
# standfirst says "over 100"); 002 "about 300" and 003 "more than 300" on one day; 004's
# "thousands more wounded" is 2,000-9,999; 003's "previously ... over 10,000" is dropped by the
# review as background.
EXPECTED = {
    "killed": [("2024-12-19", "≥100"), ("2024-12-23", "≥100"), ("2025-01-13", ">300"),
               ("2025-01-13", "≈300"), ("2025-04-30", "≈600")],
    "wounded": [("2024-12-19", "≈1,000"), ("2024-12-23", "1,000"), ("2025-01-13", "2,700"),
                ("2025-01-13", "2,700"), ("2025-04-30", "2,000–9,999")],
    "deployed": [("2024-12-19", "≈10,000"), ("2024-12-23", ">10,000"),
                 ("2025-01-13", "≈11,000"), ("2025-04-30", "≈18,000")],
    "casualties": [("2024-12-17", "200–999"), ("2025-01-13", ">3,000"),
                   ("2025-04-30", "≈4,700")],
}
for metric, expected in EXPECTED.items():
    got, text = rows(metric)
    check(got == sorted(expected), f"{metric}: {got} != {sorted(expected)}")

# Hedged readings of one date that can both hold are not conflicts: "about 300" and "more
# than 300" (002, 003); in the raw ingest also "about 11,000" and "more than 10,000".
for path in (facts, raw):
    for metric in ("killed", "deployed"):
        table = run("timeline", "--facts", path, metric).stdout
        check(" ! " not in table, f"{metric} in {path}: compatible figures marked conflicting")
_, raw_deployed = rows("deployed", raw)
check(">10,000" in raw_deployed.split("2025-01-13", 1)[-1], "the raw ingest keeps 003's figure")

# Sources: 004's "a South Korean lawmaker" is Lee Seong-kweun (named in the next paragraph),
# via the NIS; the review credits 002's capture to Zelenskyy and marks the unnamed official.
killed = run("timeline", "--facts", facts, "killed").stdout
line_600 = next(l for l in killed.splitlines() if l.startswith("  2025-04-30"))
check("Lee Seong-kweun (via National Intelligence Service)" in line_600, line_600)
captured = run("timeline", "--facts", facts, "captured").stdout
check(captured.count("Volodymyr Zelenskyy") == 2, captured)
casualties = run("timeline", "--facts", facts, "casualties").stdout
check("U.S. officials, unverified" in casualties, casualties)
with open(facts, encoding="utf-8") as f:
    check(f.read().count("reviewed: ") == 2, "two records carry their review reason")

# A figure that cannot hold with the other for the same entity, metric and date is kept and
# flagged, not replaced.
draft = os.path.join(work, "draft.md")
with open(draft, "w", encoding="utf-8") as f:
    f.write("More than 700 North Korean soldiers have been killed, the NIS said.\n")
conflict = run("ingest", "--as-of", "2025-04-30", "--source", "nis", "-o", facts, draft)
check(conflict.returncode == 0, f"conflicting ingest failed: {conflict.stderr}")
check("warning: conflicting figures for north-korean-troops killed 2025-04-30: ≈600, >700"
      in conflict.stderr, f"no conflict warning: {conflict.stderr}")
with open(facts, encoding="utf-8") as f:
    merged = f.read()
killed = run("timeline", "--facts", facts, "killed").stdout
flagged = sorted(l.split()[:3] for l in killed.splitlines() if l.startswith("  2025-04-30"))
check(flagged == [["2025-04-30", ">700", "!"], ["2025-04-30", "≈600", "!"]],
      f"600 and more than 700 both kept and flagged: {flagged}")
check("value: 600" in merged and "value: 700" in merged, "both figures are kept")

# The facts file is a valid pack fragment: the loader accepts provenance and conflict.
pack = os.path.join(work, "pack.yaml")
with open(pack, "w", encoding="utf-8") as f:
    f.write("imports: [default, facts.yaml]\n")

loaded = run("timeline", "--config", pack, "killed")
check(loaded.returncode == 0, f"facts file does not load as a pack: {loaded.stderr}")

# Facts read through a pack keep their provenance: without a title, the citation is file:line.
untitled = os.path.join(work, "untitled.yaml")
with open(untitled, "w", encoding="utf-8") as f:
    f.write("facts:\n  - {entity: north-korean-troops, metric: captured, value: 3,"
            " as_of: 2025-02-01, source: nis,\n"
            "     provenance: {file: news/a.txt, line: 7, quote: Three were captured.}}\n")
with open(pack, "w", encoding="utf-8") as f:
    f.write("imports: [default, untitled.yaml]\n")
provenance = run("timeline", "--config", pack, "captured")
check("news/a.txt:7" in provenance.stdout, f"--config dropped provenance: {provenance.stdout}")

# SVG: well-formed, one panel per metric, the expected points with their dates, escaped text.
svg = os.path.join(work, "chart.svg")
chart = run("timeline", "--facts", facts, "--svg", svg)
check(chart.returncode == 0, f"timeline --svg failed: {chart.stderr}")
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(svg).getroot()
panels = {g.get("data-metric") for g in root.iter("{http://www.w3.org/2000/svg}g")}
check({"killed", "wounded", "deployed", "casualties"} <= panels, f"panels: {panels}")
points = {(c.get("data-metric"), c.get("data-date"), c.get("data-value"))
          for c in root.iter() if "point" in (c.get("class") or "").split()}
for expected in [("killed", "2024-12-19", "≥100"), ("killed", "2025-01-13", "≈300"),
                 ("killed", "2025-04-30", "≈600"), ("killed", "2025-04-30", ">700"),
                 ("wounded", "2024-12-23", "1,000"), ("wounded", "2025-01-13", "2,700"),
                 ("wounded", "2025-04-30", "2,000–9,999"),
                 ("casualties", "2025-04-30", "≈4,700"), ("deployed", "2024-12-19", "≈10,000"),
                 ("deployed", "2025-01-13", "≈11,000"), ("deployed", "2025-04-30", "≈18,000")]:
    check(expected in points, f"missing point {expected}")
# A range is a whisker from its low to its high end, not a point at its middle.
ranges = [g for g in root.iter("{http://www.w3.org/2000/svg}g")
          if "range" in (g.get("class") or "").split()]
check(any(g.get("data-low") == "2000" and g.get("data-high") == "9999" for g in ranges),
      "the 'thousands' wounded are drawn as a 2,000-9,999 whisker")
check(not any(c.get("data-value") == "2,000–9,999"
              for c in root.iter("{http://www.w3.org/2000/svg}circle")),
      "no circle at the middle of a range")
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
