#!/usr/bin/env python3
"""Neovim's built-in LSP client (headless) against `factlint lsp`: tests/lsp/draft.md (findings
that need no rule pack, an incremental edit, hover, code actions), then tests/lsp/stale.md with
the bundled pack (stale-figure, name-variant, and Neovim applying the name's quick fix).

Usage: nvim_lsp_test.py FACTLINT_BINARY
Neovim is a test dependency (scripts/install-deps --test installs it): a missing nvim fails.
Neovim reports byte columns (0-based); the server speaks UTF-16 to it, so the 😀 before the
second finding (2 UTF-16 units, 4 bytes) checks the conversion. Expected values counted by hand:
line 5 is `<!-- factlint-disabel stale-figure -->` (38 bytes); on line 6 the unknown rule id
`invalid-encodng` starts at byte 36 (4 + 4 + 6 + 5 + 17) and is 15 bytes long.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
BINARY = os.path.abspath(sys.argv[1])
nvim = shutil.which("nvim")
if not nvim:
    print("FAIL: nvim not found; run scripts/install-deps --test")
    sys.exit(1)

EXPECTED = [
    [{"lnum": 5, "col": 0, "end_lnum": 5, "end_col": 38, "code": "unknown-directive",
      "source": "factlint", "severity": 2},
     {"lnum": 6, "col": 36, "end_lnum": 6, "end_col": 51, "code": "unknown-directive",
      "source": "factlint", "severity": 2}],
    # After inserting "Mr " at the start of line 6.
    [{"lnum": 5, "col": 0, "end_lnum": 5, "end_col": 38, "code": "unknown-directive",
      "source": "factlint", "severity": 2},
     {"lnum": 6, "col": 39, "end_lnum": 6, "end_col": 54, "code": "unknown-directive",
      "source": "factlint", "severity": 2}],
    # tests/lsp/stale.md with the bundled pack, judged at its front matter date 2025-05-01:
    # "At least 100" (line 5, the whole hedged figure) killed is stale (the pack's newest NIS
    # figure is about 600, 2025-04-30); "Zelensky" (line 7) is a variant of "Zelenskyy".
    [{"lnum": 5, "col": 0, "end_lnum": 5, "end_col": 12, "code": "stale-figure",
      "source": "factlint", "severity": 2},
     {"lnum": 7, "col": 0, "end_lnum": 7, "end_col": 8, "code": "name-variant",
      "source": "factlint", "severity": 2}],
    # After Neovim applied the name-variant quick fix.
    [{"lnum": 5, "col": 0, "end_lnum": 5, "end_col": 12, "code": "stale-figure",
      "source": "factlint", "severity": 2}],
]

with tempfile.TemporaryDirectory() as work:
    draft = pathlib.Path(work) / "draft.md"
    shutil.copy(HERE.parent / "lsp" / "draft.md", draft)
    stale = pathlib.Path(work) / "stale.md"
    shutil.copy(HERE.parent / "lsp" / "stale.md", stale)
    out = pathlib.Path(work) / "result.json"
    env = dict(os.environ, FACTLINT_BIN=BINARY, FACTLINT_NVIM_OUT=str(out),
               FACTLINT_NVIM_STALE=str(stale))
    try:
        subprocess.run([nvim, "--headless", "--clean", "-n", "-i", "NONE", str(draft),
                        "-c", "luafile " + str(HERE / "nvim_client.lua")],
                       env=env, cwd=work, timeout=90, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    except subprocess.TimeoutExpired:
        print("FAIL: nvim did not finish within 90 s")
        sys.exit(1)
    if not out.exists():
        print("FAIL: nvim wrote no result")
        sys.exit(1)
    result = json.loads(out.read_text())
    untouched = draft.read_text(encoding="utf-8") == (HERE.parent / "lsp" / "draft.md").read_text(
        encoding="utf-8")

failures = []
if result.get("error"):
    failures.append("the Lua side failed: %s" % result["error"])
for index, expected in enumerate(EXPECTED):
    got = result.get("steps", [])[index] if index < len(result.get("steps", [])) else None
    if got != expected:
        failures.append("step %d diagnostics:\n  got      %r\n  expected %r" % (index + 1, got,
                                                                                expected))
hover = result.get("hover") or ""
if "unknown-directive" not in hover or "invalid-encodng" not in hover:
    failures.append("hover: %r" % hover)
if result.get("actions") != ["Replace 'invalid-encodng' with 'invalid-encoding' "
                             "(unknown-directive)"]:
    failures.append("code actions: %r" % result.get("actions"))
if result.get("fixed_line") != "Zelenskyy spoke to reporters in Kyiv.":
    failures.append("the quick fix applied by Neovim: %r" % result.get("fixed_line"))
if not untouched:
    failures.append("the file on disk changed")
for failure in failures:
    print("FAIL:", failure)
print("nvim_lsp_test: %s" % ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
