#!/usr/bin/env python3
"""Validates `factlint --format sarif` against the official SARIF 2.1.0 schema with ajv-cli.

Usage: sarif_schema_test.py FACTLINT_BINARY SOURCE_DIR
ajv-cli and ajv-formats are installed from npm into a cache folder on first use
(FACTLINT_NPM_CACHE, default ~/.cache/factlint-test/npm).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
schema = os.path.join(source, "tests/data/sarif/sarif-schema-2.1.0.json")
cache = os.environ.get("FACTLINT_NPM_CACHE", os.path.expanduser("~/.cache/factlint-test/npm"))
ajv = os.path.join(cache, "node_modules/.bin/ajv")

# ctest reports exit code 77 as "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt): without npm
# or without network on first use the validator cannot be had, which is not a SARIF failure.
SKIP = 77

if not os.path.exists(ajv):
    if shutil.which("npm") is None:
        print("sarif_schema_test: SKIPPED: npm is not installed (scripts/install-deps --test installs it)")
        sys.exit(SKIP)
    os.makedirs(cache, exist_ok=True)
    install = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                              cache, "ajv-cli@5", "ajv-formats@2"], capture_output=True, text=True)
    if install.returncode != 0 or not os.path.exists(ajv):
        print("sarif_schema_test: SKIPPED: could not install ajv-cli from npm (offline?):\n"
              + install.stdout + install.stderr)
        sys.exit(SKIP)

DRAFT = """---
date: 2025-05-05
---

# Draft

Ukraine's president Zelensky said on Monday that the war goes on.
"""

with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "draft with space.md"), "w") as f:
        f.write(DRAFT)
    result = subprocess.run([binary, "--format", "sarif", "draft with space.md"], cwd=tmp,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, f"expected findings (exit 1), got {result.returncode}: {result.stderr}"
    out = os.path.join(tmp, "out.sarif.json")
    with open(out, "w") as f:
        f.write(result.stdout)

    log = json.loads(result.stdout)
    results = log["runs"][0]["results"]
    assert any(r["ruleId"] == "name-variant" for r in results), results
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 21), region
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "draft%20with%20space.md", uri

    check = subprocess.run([ajv, "validate", "--spec=draft7", "--strict=false", "-c", "ajv-formats",
                            "-s", schema, "-d", out], capture_output=True, text=True)
    print(check.stdout + check.stderr)
    if check.returncode != 0:
        sys.exit("SARIF output does not validate against the 2.1.0 schema")
print("sarif_schema_test: valid SARIF 2.1.0")
