#!/usr/bin/env python3
"""The README's quick-start output is real: the block under "The first command prints" must be
exactly what `factlint examples/` prints (run from the source root, as scripts/lint-examples does).

Usage: readme_output_test.py FACTLINT_BINARY SOURCE_DIR
When a rule change alters the output, check the new findings by hand, then paste them into the
README.
"""
import os
import re
import subprocess
import sys

binary, source = os.path.abspath(sys.argv[1]), sys.argv[2]
with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
    readme = f.read()
match = re.search(r"The first command prints.*?\n```\n(.*?)```", readme, re.S)
if not match:
    sys.exit("README.md: no output block after 'The first command prints'")
documented = match.group(1)

result = subprocess.run([binary, "--quiet", "examples/"], cwd=source, capture_output=True,
                        text=True, timeout=120)
if result.returncode != 1:
    sys.exit(f"factlint examples/ exited {result.returncode}, expected 1 (findings): {result.stderr}")
if result.stdout != documented:
    import difflib
    print("".join(difflib.unified_diff(documented.splitlines(True), result.stdout.splitlines(True),
                                       "README.md", "factlint examples/")))
    sys.exit("README.md's quick-start output differs from a real run")
print("readme_output_test: README output matches a real run")
