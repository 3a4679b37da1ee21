#!/usr/bin/env python3
"""`factlint explain` and the examples through the real binary.

Usage: explain_rules_test.py FACTLINT_BINARY SOURCE_DIR
- explain RULE prints docs/rules/RULE.md verbatim for every rule; no argument lists the rules;
  an unknown id exits 2 with a did-you-mean.
- each docs/rules page's example prints the output shown under it;
- examples/draft-may-2025.md gets the findings it was written to show; examples/clean-draft.md
  gets none.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
SOURCE = pathlib.Path(sys.argv[2])
RULES = ["figure-conflict", "hedge-mismatch", "misattribution", "name-variant",
         "relation-violation", "stale-figure", "unattributed-figure", "unverified-claim"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([BINARY, *args], cwd=SOURCE, capture_output=True, text=True,
                          timeout=60)


for rule in RULES:
    result = run("explain", rule)
    page = (SOURCE / "docs" / "rules" / f"{rule}.md").read_text()
    check(result.returncode == 0 and result.stdout == page, f"explain {rule} prints its page")

listing = run("explain")
check(listing.returncode == 0, "explain without a rule exits 0")
for rule in RULES:
    check(re.search(rf"(?m)^  {rule} ", listing.stdout), f"explain lists {rule}")

unknown = run("explain", "stale-figur")
check(unknown.returncode == 2, "an unknown rule exits 2")
check("did you mean 'stale-figure'?" in unknown.stderr, "an unknown rule gets a did-you-mean")

# Each page's example output is real: the markdown block linted with the fixture pack that turns
# on only that rule must print the output block that follows it.
for rule in RULES:
    page = (SOURCE / "docs" / "rules" / f"{rule}.md").read_text()
    example = re.search(r"```markdown\n(.*?)```\n\n```\n(.*?)```\n", page, re.S)
    check(example, f"docs/rules/{rule}.md has an example and its output")
    if not example:
        continue
    with tempfile.TemporaryDirectory() as work:
        (pathlib.Path(work) / "draft.md").write_text(example.group(1))
        config = SOURCE / "tests" / "fixtures" / "rules" / rule / ".factlint.yaml"
        result = subprocess.run([BINARY, "-q", "--color", "never", "--min-level", "info",
                                 "--config", str(config), "draft.md"], cwd=work,
                                capture_output=True, text=True, timeout=60)
        check(result.stdout == example.group(2),
              f"docs/rules/{rule}.md example output is what factlint prints:\n{result.stdout}")

draft = run("--color", "never", "-q", "examples/draft-may-2025.md")
check(draft.returncode == 1, "the May draft has findings")
for line, rule in [(9, "stale-figure"), (10, "name-variant"), (13, "hedge-mismatch"),
                   (16, "figure-conflict"), (17, "relation-violation"),
                   (19, "unattributed-figure"), (22, "name-variant")]:
    check(re.search(rf"(?m)^examples/draft-may-2025\.md:{line}:\d+: .*\[{rule}\]$",
                    draft.stdout), f"draft line {line}: {rule}")
clean = run("--color", "never", "-q", "examples/clean-draft.md")
check(clean.returncode == 0 and clean.stdout == "", "the clean draft is clean")

sys.exit(1 if failures else 0)
