#!/usr/bin/env python3
"""The real pre-commit framework running the repository's own hook (.pre-commit-hooks.yaml).

Usage: precommit_test.py FACTLINT_BINARY SOURCE_DIR
A temporary git repository gets a `repo: local` config whose hook is the repository's hook
definition, verbatim; the built binary's directory goes first on PATH (the hook runs `factlint`).
Committing a draft with a stale figure must be rejected with `file:line:col` output; a clean
draft must commit. pre-commit is a test dependency (scripts/install-deps --test): missing fails.

Expectation derived by hand from the bundled pack: the seeds' December 2024 figure "at least 100"
North Korean soldiers killed is stale by 2025-05-01 (April 2025: about 600), on line 6 of the draft.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
SOURCE = pathlib.Path(sys.argv[2]).resolve()
if not shutil.which("pre-commit") or not shutil.which("git"):
    print("FAIL: pre-commit or git not found; run scripts/install-deps --test")
    sys.exit(1)

STALE = """---
date: 2025-05-01
---
# North Korean losses

At least 100 North Korean soldiers have been killed, South Korea's National Intelligence Service said.
"""
CLEAN = """---
date: 2025-05-01
---
# Weather

The weather in Seoul was mild on Tuesday.
"""

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    manifest = subprocess.run(["pre-commit", "validate-manifest",
                               str(SOURCE / ".pre-commit-hooks.yaml")],
                              capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, PRE_COMMIT_HOME=str(work / "cache")))
    check(manifest.returncode == 0, "the hook manifest is valid: " + manifest.stdout +
          manifest.stderr)
    repo = work / "repo"
    repo.mkdir()
    hook_lines = (SOURCE / ".pre-commit-hooks.yaml").read_text().splitlines()
    config = "repos:\n  - repo: local\n    hooks:\n" + "".join(
        "      " + line + "\n" for line in hook_lines if line.strip() and not line.startswith("#"))
    (repo / ".pre-commit-config.yaml").write_text(config)
    env = dict(os.environ,
               PATH=os.path.dirname(BINARY) + os.pathsep + os.environ.get("PATH", ""),
               PRE_COMMIT_HOME=str(work / "cache"), HOME=str(work),
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

    def run(*args):
        return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True,
                              timeout=120)

    for command in (["git", "init", "-q", "-b", "main"], ["pre-commit", "install"],
                    ["git", "add", ".pre-commit-config.yaml"],
                    ["git", "commit", "-q", "-m", "config"]):
        done = run(*command)
        check(done.returncode == 0, "%s: %s%s" % (" ".join(command), done.stdout, done.stderr))

    (repo / "stale.md").write_text(STALE)
    run("git", "add", "stale.md")
    rejected = run("git", "commit", "-m", "stale draft")
    output = rejected.stdout + rejected.stderr
    check(rejected.returncode != 0, "the stale draft was committed:\n" + output)
    check(re.search(r"stale\.md:6:\d+: \w+: .*\[stale-figure\]", output),
          "no stale.md:6:col ... [stale-figure] line in the hook output:\n" + output)
    run("git", "rm", "-q", "--cached", "stale.md")

    (repo / "clean.md").write_text(CLEAN)
    run("git", "add", "clean.md")
    accepted = run("git", "commit", "-m", "clean draft")
    check(accepted.returncode == 0,
          "the clean draft was rejected:\n" + accepted.stdout + accepted.stderr)

print("precommit_test: %s" % ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
