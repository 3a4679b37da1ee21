#!/usr/bin/env python3
"""CLI behaviour: exit codes, bad input, config discovery, stdin, output formats.

Usage: cli_test.py FACTLINT_BINARY
Each case runs the real binary in a temporary directory and checks the exit code and output
(expectations written by hand from docs/exit-codes in README.md and docs/output-schema.md).
"""
import json
import os
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
failures = []


def run(args, cwd, stdin=None):
    result = subprocess.run([BINARY, *args], cwd=cwd, input=stdin, capture_output=True,
                            text=True, timeout=60)
    return result.returncode, result.stdout, result.stderr


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {detail}")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


CLEAN = "---\ndate: 2025-05-05\n---\n\nThe weather in Seoul was mild on Monday.\n"
# "Zelensky" is a non-preferred spelling in the bundled pack (preferred: Zelenskyy).
VARIANT = "---\ndate: 2025-05-05\n---\n\nUkraine's president Zelensky spoke on Monday.\n"

with tempfile.TemporaryDirectory() as tmp:
    write(f"{tmp}/clean.md", CLEAN)
    write(f"{tmp}/variant.md", VARIANT)

    code, out, err = run(["clean.md"], tmp)
    check("clean file exits 0", code == 0, f"code {code}, out {out!r}, err {err!r}")
    check("clean file prints nothing", out == "", out)

    code, out, err = run(["variant.md"], tmp)
    check("finding exits 1", code == 1, f"code {code}, err {err!r}")
    check("finding is path:line:col: level: message [rule]",
          out.startswith("variant.md:5:21: warning: ") and out.rstrip().endswith("[name-variant]"),
          out)

    code, out, err = run(["--min-level", "error", "variant.md"], tmp)
    check("--min-level error hides warnings and exits 0", code == 0 and out == "", f"{code} {out!r}")

    code, out, err = run(["--format", "json", "variant.md"], tmp)
    document = json.loads(out)
    check("json version 1", document.get("version") == 1, out)
    diagnostic = document["files"][0]["diagnostics"][0]
    check("json position", (diagnostic["start"]["line"], diagnostic["start"]["column"]) == (5, 21),
          diagnostic)
    check("json text", diagnostic["text"] == "Zelensky", diagnostic)

    code, out, err = run(["--format", "github", "variant.md"], tmp)
    check("github annotation", out.startswith("::warning file=variant.md,line=5,col=21,"), out)

    code, out, err = run(["-", "--stdin-filename", "draft.md"], tmp, stdin=VARIANT)
    check("stdin is linted under --stdin-filename", code == 1 and out.startswith("draft.md:5:21:"),
          f"{code} {out!r} {err!r}")

    code, out, err = run(["--no-such-option", "clean.md"], tmp)
    check("unknown option exits 2", code == 2 and "unknown option" in err, f"{code} {err!r}")

    code, out, err = run(["missing.md"], tmp)
    check("missing path exits 2 naming it", code == 2 and "missing.md" in err, f"{code} {err!r}")

    os.makedirs(f"{tmp}/empty")
    code, out, err = run(["empty"], tmp)
    check("directory without files exits 2", code == 2 and "no files to lint" in err,
          f"{code} {err!r}")

    code, out, err = run(["--as-of", "2025-02-30", "clean.md"], tmp)
    check("impossible --as-of exits 2", code == 2, f"{code} {err!r}")

    code, out, err = run(["--version"], tmp)
    check("--version", code == 0 and out.startswith("factlint "), out)

    # Config discovery: a .factlint.yaml above the file that turns name-variant off.
    write(f"{tmp}/quiet/.factlint.yaml", "imports: [default]\nrules:\n  name-variant:\n    enabled: false\n")
    write(f"{tmp}/quiet/sub/variant.md", VARIANT)
    code, out, err = run(["quiet/sub/variant.md"], tmp)
    check(".factlint.yaml found upward disables the rule", code == 0 and out == "",
          f"{code} {out!r} {err!r}")

    # A malformed .factlint.yaml: an error with its location, exit 2. Line 3, column 12 is
    # where the bad level value starts.
    write(f"{tmp}/broken/.factlint.yaml", "imports: [default]\nrules:\n  name-variant: {level: loud}\n")
    write(f"{tmp}/broken/draft.md", CLEAN)
    code, out, err = run(["broken/draft.md"], tmp)
    check("malformed config exits 2", code == 2, f"{code} {err!r}")
    check("malformed config names file:line", ".factlint.yaml:3:" in err, err)

    # Directories are walked in sorted order; output is in that order whatever -j is.
    for i in range(12):
        write(f"{tmp}/many/{i:02}.md", VARIANT)
    code, out1, err = run(["-j1", "many"], tmp)
    code, out4, err = run(["-j4", "many"], tmp)
    check("output order does not depend on -j", out1 == out4 and out1.count("\n") == 12,
          f"{out1!r} vs {out4!r}")

if failures:
    print("\n".join(failures))
    print(f"{len(failures)} failed")
    sys.exit(1)
print("cli_test: all cases passed")
