#!/usr/bin/env python3
"""The bad-input suite: hostile files and broken rule packs through the real binary.

Usage: run_bad_input.py FACTLINT_BINARY [--big | --all] [--known] [--only NAME ...] [--list]

Default: the small cases. --big: only the generated big files (50 MB line, 100,000 lines).
--all: both. --known: also the cases of known, reported bugs. Each case is built in a fresh temporary directory (small inputs from
tests/bad-input/inputs/, big and binary ones generated here: nothing big is committed), then
factlint runs there and must:
  - exit with the documented code (docs/security.md, "Bad input"),
  - print the expected messages, each with its location (file:line:col),
  - not crash (no signal, no sanitizer report), not hang (a timeout per case),
  - change no file and create none (checksums of the whole directory before and after).
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
SMALL_TIMEOUT = 60
BIG_TIMEOUT = 300


class Case:
    def __init__(self, name, files, args, exit_code, expect=(), absent=(), stream="stdout",
                 big=False, timeout=None, check=None, cwd=".", known_issue=False):
        self.name = name
        self.files = files          # relative path -> bytes | pathlib.Path (copied) | callable
        self.args = args
        self.exit_code = exit_code  # an int, or a set of allowed codes
        self.expect = expect        # regexes that must match `stream`
        self.absent = absent        # regexes that must not match stdout or stderr
        self.stream = stream
        self.big = big
        self.timeout = timeout or (BIG_TIMEOUT if big else SMALL_TIMEOUT)
        self.check = check          # extra check(result, work_dir) -> error text or None
        self.cwd = cwd              # where factlint runs, relative to the case directory
        self.known_issue = known_issue  # a reported bug: run only with --known


def utf16(text, big_endian=False):
    if big_endian:
        return b"\xfe\xff" + text.encode("utf-16-be")
    return b"\xff\xfe" + text.encode("utf-16-le")


def pack(name):
    """Every file of inputs/packs/NAME, keyed by its path inside the case directory."""
    root = INPUTS / "packs" / name
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*")) if p.is_file()}


# A directive naming a rule that does not exist: an `unknown-directive` warning that needs no
# rule pack, so it probes "was this line read, and at which position?" in every case.
PROBE = "<!-- factlint-disable zzz -->"
PROBE_RE = r"warning: unknown rule 'zzz' in a factlint directive \[unknown-directive\]"
BINARY = b"PK\x03\x04\x00\x00 100 killed \x00\x01\x02\n" + PROBE.encode() + b"\n"


def write_huge_line(path):
    sentence = b"About 100 North Korean troops were killed, the NIS said. "
    with open(path, "wb") as out:
        block = sentence * (1024 * 1024 // len(sentence) + 1)
        for _ in range(50):
            out.write(block[: 1024 * 1024])
    return None


def write_many_lines(path):
    with open(path, "wb") as out:
        for n in range(1, 100000):
            out.write(b"Line %d: about %d people were counted.\n" % (n, n * 7))
        out.write(PROBE.encode() + b"\n")  # line 100,000
    return None


def deep_nesting():
    quotes = "> " * 10000 + "Deep quote with 100 killed.\n\n"
    lists = "".join("  " * i + "- item %d\n" % i for i in range(1000)) + "\n"
    ordered = "1. " * 5000 + "deep ordered item\n\n"
    emphasis = "*_" * 20000 + "\n\n"
    brackets = "[" * 20000 + "x" + "](" * 20000 + "\n\n"
    # Line numbers: quotes 1-2, lists 3-1003, ordered 1004-1005, emphasis 1006-1007,
    # brackets 1008-1009, probe 1010.
    return (quotes + lists + ordered + emphasis + brackets + PROBE + "\n").encode()


def valid_json_output(result, work):
    try:
        json.loads(result.stdout)
    except ValueError as error:
        return "--format json printed invalid JSON (%s): %r" % (error, result.stdout[:300])
    for token in ("Infinity", "NaN", "inf", "nan"):
        if re.search(r"[:\[,]\s*-?%s\b" % token, result.stdout):
            return "--format json printed a non-JSON number %r" % token
    return None


def make_symlink_loop(work):
    tree = work / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "draft.md").write_text("# Draft\n\n" + PROBE + "\n")
    os.symlink(".", tree / "loop")
    os.symlink("..", tree / "sub" / "up")
    os.symlink("nowhere.md", tree / "dangling.md")


def make_fifo_pack(work):
    os.mkfifo(work / "pack.yaml")
    (work / "draft.md").write_text("Text.\n")


def make_symlink_import(work):
    (work / "outside").mkdir()
    (work / "outside" / "facts.yaml").write_text("facts: []\n")
    (work / "pack").mkdir()
    os.symlink("../outside/facts.yaml", work / "pack" / "link.yaml")
    (work / "pack" / ".factlint.yaml").write_text("imports: [link.yaml]\n")
    (work / "pack" / "draft.md").write_text("Text.\n")


def once(pattern):
    def check(result, work):
        found = len(re.findall(pattern, result.stdout))
        return None if found == 1 else "%r reported %d times, expected once" % (pattern, found)
    return check


CASES = [
    Case("invalid-utf8",
         {"draft.md": b"# Draft\n\nGood line.\nBad \xff byte and \xc3 another.\n\n"
                      + PROBE.encode() + b"\n"},
         ["draft.md"], 1,
         expect=[r"(?m)^draft\.md:4:5: warning: invalid UTF-8.*\[invalid-encoding\]",
                 r"(?m)^draft\.md:6:\d+: " + PROBE_RE]),
    Case("utf16-le",
         {"draft.md": utf16("# Draft\n\n100 North Korean troops were killed.\n" + PROBE + "\n")},
         ["draft.md"], 1,
         expect=[r"(?m)^draft\.md:1:1: error: .*UTF-16.*\[invalid-encoding\]"],
         absent=[r"unknown-directive", r"binary-file"]),
    Case("utf16-be",
         {"notes.txt": utf16("Plain text, 300 killed.\n", big_endian=True)},
         ["notes.txt"], 1,
         expect=[r"(?m)^notes\.txt:1:1: error: .*UTF-16.*\[invalid-encoding\]"]),
    # An info finding: silent and exit 0 by default, shown (and failing) with --min-level info.
    Case("nul-bytes", {"data.txt": BINARY}, ["data.txt"], 0, absent=[r"."]),
    Case("nul-bytes-min-level-info", {"data.txt": BINARY}, ["--min-level", "info", "data.txt"], 1,
         expect=[r"(?m)^data\.txt:1:1: info: binary file skipped \[binary-file\]"],
         absent=[r"unknown-directive"]),
    Case("deep-nesting", {"nested.md": deep_nesting()}, ["nested.md"], 1,
         expect=[r"(?m)^nested\.md:1010:23: " + PROBE_RE]),
    Case("unterminated-fence", {"fence.md": INPUTS / "unterminated-fence.md"}, ["fence.md"], 1,
         expect=[r"(?m)^fence\.md:3:23: " + PROBE_RE], absent=[r"yyy"]),
    Case("cr-only-line-endings",
         {"cr.txt": b"First line, 100 killed.\rSecond line.\r" + PROBE.encode()
                    + b"\r\rLast paragraph.\r"},
         ["cr.txt"], 1, expect=[r"(?m)^cr\.txt:3:23: " + PROBE_RE]),
    Case("numbers-beyond-double", {"huge.md": INPUTS / "huge-numbers.md"}, ["huge.md"], {0, 1}),
    Case("numbers-beyond-double-claims-json", {"huge.md": INPUTS / "huge-numbers.md"},
         ["claims", "--format", "json", "huge.md"], 0, check=valid_json_output),
    Case("numbers-beyond-double-lint-json", {"huge.md": INPUTS / "huge-numbers.md"},
         ["--format", "json", "huge.md"], {0, 1}, check=valid_json_output),
    Case("missing-path", {}, ["no-such-draft.md"], 2, stream="stderr",
         expect=[r"no-such-draft\.md"]),
    Case("symlink-loop", make_symlink_loop, ["tree"], 1,
         expect=[r"(?m)^tree/draft\.md:3:23: " + PROBE_RE],
         check=once(r"(?m)^tree/draft\.md:3:23:")),
    # Rule packs: found as .factlint.yaml next to the draft; every error names file:line:col.
    Case("pack-tabs", pack("tabs"), ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:4:1: tab character in indentation"]),
    Case("pack-duplicate-keys", pack("duplicate-keys"), ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:5:3: duplicate key 'stale-figure'"]),
    Case("pack-wrong-types", pack("wrong-types"), ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:6:12: value: expected a number, got a list"]),
    Case("pack-unknown-rule", pack("unknown-rule"), ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:4:3: unknown rule 'stale-figur'; did you mean 'stale-figure'\?"]),
    Case("pack-circular-imports", pack("circular-imports"), ["draft.md"], 2, stream="stderr",
         expect=[r"/b\.yaml:2:5: circular import: \.factlint\.yaml -> a\.yaml -> b\.yaml -> a\.yaml"]),
    Case("pack-missing-import", pack("missing-import"), ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:4:5: missing import 'missing-facts\.yaml'"]),
    Case("pack-impossible-date", pack("impossible-date"), ["draft.md"], 2, stream="stderr",
         expect=[r"/facts\.yaml:6:12: as_of: invalid date '2025-02-30'"]),
    # Packs that are not files: reading a FIFO never ends, a directory reads as nothing.
    Case("pack-fifo", make_fifo_pack, ["--config", "pack.yaml", "draft.md"], 2, stream="stderr",
         expect=[r"pack\.yaml:1:1: 'pack\.yaml' is not a regular file"]),
    Case("pack-directory", {"packdir/x": b"", "draft.md": b"Text.\n"},
         ["--config", "packdir", "draft.md"], 2, stream="stderr",
         expect=[r"packdir:1:1: 'packdir' is not a regular file"]),
    # Imports stay inside the importing pack's directory, symbolic links resolved.
    Case("pack-import-leaves-directory", pack("escape"), ["draft.md"], 2, stream="stderr",
         expect=[r"/sub/\.factlint\.yaml:3:5: import '\.\./outside\.yaml' leaves the pack's "
                 r"directory"], cwd="sub"),
    Case("pack-import-symlink-out", make_symlink_import, ["draft.md"], 2, stream="stderr",
         expect=[r"/\.factlint\.yaml:1:11: import 'link\.yaml' leaves the pack's directory"],
         cwd="pack"),
    # 50 MB on one line with a finding in every sentence: locating findings must stay linear
    # (line index checkpoints; no snippet copies of huge lines).
    Case("huge-single-line", {"line.txt": write_huge_line}, ["line.txt"], 1, big=True),
    Case("hundred-thousand-lines", {"lines.md": write_many_lines}, ["lines.md"], 1, big=True,
         expect=[r"(?m)^lines\.md:100000:23: " + PROBE_RE]),
]


def snapshot(root):
    """Path -> SHA-256 (or link target) of everything under `root`, links not followed."""
    state = {}
    for directory, subdirs, names in os.walk(root):
        for name in subdirs + names:
            path = pathlib.Path(directory) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                state[key] = "-> " + os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
                state[key] = digest.hexdigest()
    return state


def build(case, work):
    if callable(case.files):
        case.files(work)
        return
    for relative, content in case.files.items():
        path = work / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, pathlib.Path):
            shutil.copyfile(content, path)
        elif callable(content):
            content(path)
        else:
            path.write_bytes(content)


def run_case(binary, case):
    """Returns a list of failure descriptions (empty when the case passes)."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="factlint-bad-input-") as work:
        work = pathlib.Path(work)
        build(case, work)
        before = snapshot(work)
        start = time.monotonic()
        try:
            result = subprocess.run([binary, *case.args], cwd=work / case.cwd, capture_output=True,
                                    text=True, errors="replace", timeout=case.timeout)
        except subprocess.TimeoutExpired:
            return ["hung: no exit within %d s" % case.timeout]
        seconds = time.monotonic() - start
        output = result.stdout + result.stderr
        if result.returncode < 0:
            failures.append("killed by signal %d" % -result.returncode)
        allowed = case.exit_code if isinstance(case.exit_code, set) else {case.exit_code}
        if result.returncode not in allowed:
            failures.append("exit %d, expected %s" % (result.returncode, sorted(allowed)))
        for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:",
                       "terminate called", "Segmentation fault"):
            if marker in output:
                failures.append("crash report: %s" % marker)
        text = result.stdout if case.stream == "stdout" else result.stderr
        for pattern in case.expect:
            if not re.search(pattern, text):
                failures.append("no match for %r in %s" % (pattern, case.stream))
        for pattern in case.absent:
            if re.search(pattern, output):
                failures.append("unexpected match for %r" % pattern)
        if case.check:
            problem = case.check(result, work)
            if problem:
                failures.append(problem)
        after = snapshot(work)
        if after != before:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            failures.append("files changed or created: %s" % ", ".join(changed))
        if failures:
            failures.append("stdout: %r" % result.stdout[:800])
            failures.append("stderr: %r" % result.stderr[:800])
        print("%-36s %s  exit %d  %.2f s" % (case.name, "FAIL" if failures else "ok  ",
                                             result.returncode, seconds), flush=True)
    return failures


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    binary = os.path.abspath(args.pop(0))
    mode, only, known = "small", [], False
    while args:
        arg = args.pop(0)
        if arg in ("--big", "--all"):
            mode = arg[2:]
        elif arg == "--known":
            known = True
        elif arg == "--only":
            only.append(args.pop(0))
        elif arg == "--list":
            for case in CASES:
                print(case.name, "(big)" if case.big else "")
            return
        else:
            sys.exit("run_bad_input.py: unknown argument " + arg)
    if only:
        cases = [c for c in CASES if c.name in only]
    else:
        cases = [c for c in CASES if (mode == "all" or c.big == (mode == "big")) and
                 (known or not c.known_issue)]
    failed = []
    for case in cases:
        failures = run_case(binary, case)
        if failures:
            failed.append(case.name)
            for failure in failures:
                print("    " + failure)
    print("%d cases, %d failed%s" % (len(cases), len(failed),
                                     ": " + ", ".join(failed) if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
