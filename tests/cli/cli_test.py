#!/usr/bin/env python3
"""CLI behaviour: exit codes, bad input, config discovery, stdin, output formats.

Usage: cli_test.py FACTLINT_BINARY
Each case runs the real binary in a temporary directory and checks the exit code and output
(expectations written by hand from docs/exit-codes in README.md and docs/output-schema.md).
"""
import json
import os
import pty
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
failures = []


def run(args, cwd, stdin=None, env=None):
    result = subprocess.run([BINARY, *args], cwd=cwd, input=stdin, capture_output=True,
                            text=True, timeout=60, env=env)
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

    # Saved packs: a run saves its parsed pack in FACTLINT_CACHE_DIR and the next run reads it
    # back, with the same findings; --no-cache and an empty FACTLINT_CACHE_DIR save nothing; a
    # pack edited or broken after it was saved is read from its YAML again.
    cache = f"{tmp}/saved-packs"
    with_cache = dict(os.environ, FACTLINT_CACHE_DIR=cache)
    write(f"{tmp}/cached/.factlint.yaml", "imports: [default]\n")
    write(f"{tmp}/cached/draft.md", VARIANT)
    settled = os.stat(f"{tmp}/cached/.factlint.yaml").st_mtime - 60
    os.utime(f"{tmp}/cached/.factlint.yaml", (settled, settled))  # written a minute ago
    fresh = dict(os.environ, FACTLINT_CACHE_DIR=f"{tmp}/fresh-cache")
    write(f"{tmp}/fresh/.factlint.yaml", "imports: [default]\n")
    write(f"{tmp}/fresh/draft.md", VARIANT)
    result = run(["fresh/draft.md"], tmp, env=fresh)
    saved = os.listdir(f"{tmp}/fresh-cache") if os.path.isdir(f"{tmp}/fresh-cache") else []
    check("a pack written in the last seconds is not saved", result[0] == 1 and saved == [],
          f"{result} {saved}")
    cold = run(["cached/draft.md"], tmp, env=with_cache)
    saved = os.listdir(cache) if os.path.isdir(cache) else []
    check("a run saves its pack", len(saved) == 1 and saved[0].endswith(".json"), saved)
    warm = run(["cached/draft.md"], tmp, env=with_cache)
    check("a saved pack gives the same findings", cold == warm and cold[0] == 1, f"{cold} {warm}")
    for how, args, env in (("--no-cache", ["--no-cache"], with_cache),
                           ("FACTLINT_CACHE_DIR=''", [], dict(os.environ, FACTLINT_CACHE_DIR=""))):
        os.rename(cache, f"{cache}.before")
        result = run([*args, "cached/draft.md"], tmp, env=env)
        check(f"{how} saves nothing",
              result == cold and not os.path.exists(cache), f"{result}")
        os.rename(f"{cache}.before", cache)
    write(f"{tmp}/cached/.factlint.yaml", "imports: [default]\nrules: {name-variant: off}\n")
    code, out, err = run(["cached/draft.md"], tmp, env=with_cache)
    check("a pack edited after it was saved is read again", (code, out) == (0, ""),
          f"{code} {out!r} {err!r}")
    write(f"{tmp}/cached/.factlint.yaml", "imports: [default]\nrules: {name-variant: loud}\n")
    for attempt in range(2):
        code, out, err = run(["cached/draft.md"], tmp, env=with_cache)
        check("a pack broken after it was saved reports its error",
              code == 2 and ".factlint.yaml:2:" in err, f"{code} {err!r}")

    # Directories are walked in sorted order; output is in that order whatever -j is.
    for i in range(12):
        write(f"{tmp}/many/{i:02}.md", VARIANT)
    code, out1, err = run(["-j1", "many"], tmp)
    code, out4, err = run(["-j4", "many"], tmp)
    check("output order does not depend on -j", out1 == out4 and out1.count("\n") == 12,
          f"{out1!r} vs {out4!r}")

    # The walk streams into the workers: nested directories, names that sort differently as
    # paths and as strings ("a/b" before "a-b"), and files that finish out of order give the
    # same output, in path order, for every -j (the window after the walk: unit_lint_pool).
    names = ["deep/a/b/01.md", "deep/a-b/02.md", "deep/a/z.md", "deep/a.md", "deep/B/03.md",
             "deep/b/04.txt", "deep/.hidden/05.md", "deep/node_modules/06.md", "deep/c.rst"]
    names += [f"deep/many/{i:03}.md" for i in range(40)]
    for name in names:
        write(f"{tmp}/{name}", VARIANT)
    # A big first file: with -j2 and more, files after it finish before it does.
    write(f"{tmp}/deep/B/03.md", VARIANT + "The weather in Seoul was mild on Monday.\n" * 10000)
    expected = ["deep/B/03.md", "deep/a/b/01.md", "deep/a/z.md", "deep/a-b/02.md", "deep/a.md",
                "deep/b/04.txt"] + [f"deep/many/{i:03}.md" for i in range(40)]
    outputs = {}
    for jobs in ["1", "2", "3", "16"]:
        code, outputs[jobs], err = run([f"-j{jobs}", "deep"], tmp)
        check(f"-j{jobs}: walk order is path order",
              [line.split(":")[0] for line in outputs[jobs].splitlines()] == expected,
              f"{code} {outputs[jobs]!r} {err!r}")
    check("deep walk: output identical across -j", len(set(outputs.values())) == 1, outputs)
    code, out, err = run(["-j2", "--format", "json", "deep"], tmp)
    check("json lists every walked file in order",
          [f["path"] for f in json.loads(out)["files"]] == expected, out)

    # A broken pack deep in a walked directory stops the run before any output: packs are
    # found on a first pass over the walk, before the workers start.
    write(f"{tmp}/mixed/a/draft.md", VARIANT)
    write(f"{tmp}/mixed/z/.factlint.yaml",
          "imports: [default]\nrules:\n  name-variant: {level: loud}\n")
    write(f"{tmp}/mixed/z/draft.md", VARIANT)
    code, out, err = run(["-j2", "--format", "json", "mixed"], tmp)
    check("a broken pack late in the walk: exit 2 before any output",
          code == 2 and out == "" and "mixed/z/.factlint.yaml:3:" in err, f"{code} {out!r} {err!r}")

    # The first pass walks on past a broken pack, so every missing path is listed before the
    # pack's error whatever -j is (the old -j1 stopped at the pack; the sorted walk of several
    # paths reaches "zz-missing.md" only after it).
    for jobs in ("-j1", "-j2"):
        code, out, err = run([jobs, "mixed", "zz-missing.md"], tmp)
        check(f"{jobs}: a broken pack and a missing path: both reported, exit 2, no output",
              code == 2 and out == "" and err.splitlines() == [
                  "factlint: error: zz-missing.md: no such file or directory",
                  f"{tmp}/mixed/z/.factlint.yaml:3:25: unknown level 'loud' (valid: info, "
                  "warning, error)"], f"{code} {out!r} {err!r}")

    # --snippet: the source line, then a caret under column 21 and tildes to the end of
    # "Zelensky" (8 code points: one caret, seven tildes).
    code, out, err = run(["--snippet", "variant.md"], tmp)
    check("--snippet prints the line and a caret under the finding",
          out.splitlines()[1:] == ["Ukraine's president Zelensky spoke on Monday.",
                                   " " * 20 + "^" + "~" * 7], out)

    # Output is sorted by file, and a file named twice is linted once.
    write(f"{tmp}/b.md", VARIANT)
    code, out, err = run(["b.md", "variant.md", "./b.md"], tmp)
    check("sorted by file, duplicates once",
          [line.split(":")[0] for line in out.splitlines()] == ["b.md", "variant.md"], out)

    code, out, err = run(["--formt", "json", "clean.md"], tmp)
    check("a misspelt option suggests the right one",
          code == 2 and "did you mean '--format'" in err, f"{code} {err!r}")
    code, out, err = run(["-j", "0", "clean.md"], tmp)
    check("-j 0 is a usage error", code == 2 and "-j" in err, f"{code} {err!r}")
    code, out, err = run(["--format=json", "--", "variant.md"], tmp)
    check("--name=value and -- work", code == 1 and json.loads(out)["version"] == 1,
          f"{code} {err!r}")
    code, out, err = run([], tmp)
    check("no paths is a usage error", code == 2 and "no paths" in err, f"{code} {err!r}")
    code, out, err = run(["--config", "nowhere.yaml", "clean.md"], tmp)
    check("--config naming a missing file exits 2 naming it",
          code == 2 and "nowhere.yaml" in err, f"{code} {err!r}")
    code, out, err = run(["--config", "quiet/.factlint.yaml", "variant.md"], tmp)
    check("--config overrides discovery", code == 0 and out == "", f"{code} {out!r} {err!r}")
    code, out, err = run(["-", "--stdin-filename", "quiet/sub/draft.md"], tmp, stdin=VARIANT)
    check("stdin finds .factlint.yaml from --stdin-filename's directory", code == 0 and out == "",
          f"{code} {out!r} {err!r}")
    code, out, err = run(["--min-level", "info", "--as-of", "2025-05-05", "clean.md"], tmp)
    check("clean file is clean at every level", code == 0, f"{code} {out!r}")

    # The malformed config message starts the line with file:line:col, the form editors jump to.
    code, out, err = run(["broken/draft.md"], tmp)
    check("config error line starts with the pack's location",
          any(line.endswith("broken/.factlint.yaml:3:25: unknown level 'loud' (valid: info, "
                            "warning, error)") for line in err.splitlines()), err)

    # A symlink loop is entered once: the run ends and lints the real file once.
    write(f"{tmp}/loop/inner/a.md", VARIANT)
    os.symlink("..", f"{tmp}/loop/inner/up")
    os.symlink(".", f"{tmp}/loop/self")
    code, out, err = run(["loop"], tmp)
    check("symlink loops do not hang or repeat", code == 1 and out.count("\n") == 1,
          f"{code} {out!r} {err!r}")

    # A directory and a missing path: the good file is still linted, the exit code is 2.
    code, out, err = run(["variant.md", "missing.md"], tmp)
    check("an I/O error wins over findings", code == 2 and "variant.md:5:21:" in out, f"{code} {out!r}")

    # An unreadable file (meaningless as root, who reads anything).
    if os.geteuid() != 0:
        write(f"{tmp}/locked.md", CLEAN)
        os.chmod(f"{tmp}/locked.md", 0)
        code, out, err = run(["locked.md"], tmp)
        check("unreadable file exits 2 naming it", code == 2 and "locked.md" in err,
              f"{code} {err!r}")

    # A device is refused rather than read forever; a pipe (process substitution) is read.
    code, out, err = run(["/dev/zero"], tmp)
    check("/dev/zero is not a regular file, exit 2", code == 2 and "/dev/zero" in err,
          f"{code} {err!r}")
    reader, writer = os.pipe()
    os.write(writer, VARIANT.encode())
    os.close(writer)
    result = subprocess.run([BINARY, f"/dev/fd/{reader}"], cwd=tmp, capture_output=True, text=True,
                            timeout=60, pass_fds=(reader,))
    os.close(reader)
    check("a pipe is linted", result.returncode == 1 and ":5:21: warning:" in result.stdout,
          f"{result.returncode} {result.stdout!r} {result.stderr!r}")

    # --ext: only the listed extensions are walked.
    write(f"{tmp}/notes/a.rst", VARIANT)
    code, out, err = run(["--ext", "rst", "notes"], tmp)
    check("--ext rst lints .rst files", code == 1 and out.startswith("notes/a.rst:5:21:"), out)
    code, out, err = run(["notes"], tmp)
    check("default extensions skip .rst", code == 2 and "no files to lint" in err, err)

    # Several paths: output in path order whatever the order of the arguments, and (when they
    # do not overlap) walked as they are linted rather than collected: peak memory does not grow
    # with the files under them (12,000 long names collected and sorted kept ~1.1 MB).
    code, out, err = run(["variant.md", "deep/many", "b.md", "deep/a"], tmp)
    check("several paths: sorted output",
          [line.split(":")[0] for line in out.splitlines()] ==
          ["b.md", "deep/a/b/01.md", "deep/a/z.md"] + [f"deep/many/{i:03}.md" for i in range(40)] +
          ["variant.md"], out)
    for part in ("big/one", "big/two"):
        os.makedirs(f"{tmp}/{part}")
        for i in range(6000):
            os.close(os.open(f"{tmp}/{part}/{i:05}{'-long-name' * 12}.md",
                             os.O_CREAT | os.O_WRONLY))

    def peak_kb(args):
        process = subprocess.Popen([BINARY, "-j1", *args], cwd=tmp, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        return os.wait4(process.pid, 0)[2].ru_maxrss

    # Not under a sanitizer: its runtime holds freed memory in quarantine, and peak RSS moves by
    # megabytes from run to run (+-2.3 MB measured under ASan, 0 in a Release build).
    linked = subprocess.run(["ldd", BINARY], capture_output=True, text=True).stdout
    if not any(runtime in linked for runtime in ("libasan", "libtsan")):
        one, two = peak_kb(["big"]), peak_kb(["big/two", "big/one"])
        check("two paths stream like one: peak RSS within 0.5 MB", two <= one + 512,
              f"one path {one} KB, two paths {two} KB")

    # The first pass keeps its walk, each file as its name, and the second replays it; a walk
    # past the limit (16 MiB; 200,000 bytes here, through the test-only hook) is walked again.
    # Either way every file comes once, in path order, whatever -j is: 3,000 files with
    # 150-character names take ~500 KB kept, one directory of them ~170 KB.
    long_name = "x" * 150
    for i in range(3000):
        os.makedirs(f"{tmp}/long/{i // 1000:02}", exist_ok=True)
        open(f"{tmp}/long/{i // 1000:02}/{i:05}-{long_name}.md", "w").close()
    expected = sorted(f"long/{i // 1000:02}/{i:05}-{long_name}.md" for i in range(3000))
    small_limit = dict(os.environ, FACTLINT_TEST_KEPT_WALK_BYTES="200000")
    for args, want, env in ((["-j1", "long"], expected, None),
                            (["-j1", "long"], expected, small_limit),
                            (["-j3", "long"], expected, small_limit),
                            (["-j3", "long/01"], expected[1000:2000], small_limit)):
        code, out, err = run(["--format", "json", *args], tmp, env=env)
        paths = [f["path"] for f in json.loads(out)["files"]] if code == 0 else []
        check(f"{' '.join(args)}{' (small limit)' if env else ''}: every file once, in path order",
              paths == want, f"{code} {err!r} {len(paths)} files")

    # With -j2 the walk hands its first 16,384 inputs to a worker while it goes on; the rest
    # come from a replay after it, here walked again (the test-only limit makes the walk too
    # long to keep). Every file comes once, in path order. A file removed between the walk and
    # its replay would shift the replay, so factlint stops and reports nothing; the test-only
    # FIFO FACTLINT_TEST_PAUSE_AFTER_WALK holds factlint between the two.
    huge = [f"huge/{i // 1000:02}/{i:05}.md" for i in range(16500)]
    for name in huge:
        os.makedirs(os.path.dirname(f"{tmp}/{name}"), exist_ok=True)
        open(f"{tmp}/{name}", "w").close()
    small_limit = dict(os.environ, FACTLINT_TEST_KEPT_WALK_BYTES="10000")
    code, out, err = run(["-j2", "--format", "json", "huge"], tmp, env=small_limit)
    paths = [f["path"] for f in json.loads(out)["files"]] if code == 0 else []
    check("-j2, more files than handed over, walked again: every file once, in path order",
          paths == huge, f"{code} {err!r} {len(paths)} files")
    fifo = f"{tmp}/pause-after-walk"
    os.mkfifo(fifo)
    proc = subprocess.Popen([BINARY, "-j2", "--format", "json", "huge"], cwd=tmp,
                            env=dict(small_limit, FACTLINT_TEST_PAUSE_AFTER_WALK=fifo),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pause = None  # the FIFO opens for writing once factlint, done walking, opens it to read
    for _ in range(6000):
        try:
            pause = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.01)
    if pause is not None:
        os.remove(f"{tmp}/{huge[0]}")
        os.write(pause, b"\n")
        os.close(pause)
    out, err = proc.communicate(timeout=60)
    check("a file removed between the walk and its replay: exit 2, nothing reported",
          proc.returncode == 2 and out == "" and "files were added or removed" in err,
          f"{proc.returncode} {out[:200]!r} {err!r}")

    # The progress bar: on stderr only when it is a terminal, never with --quiet.
    def stderr_on_terminal(args):
        master, slave = pty.openpty()
        result = subprocess.run([BINARY, *args], cwd=tmp, stdout=subprocess.PIPE, stderr=slave,
                                timeout=60)
        os.close(slave)
        data = b""
        try:
            while chunk := os.read(master, 65536):
                data += chunk
        except OSError:  # EIO once the child side is closed
            pass
        os.close(master)
        return result, data.decode()

    result, progress = stderr_on_terminal(["many"])
    check("progress bar on a terminal: files done/total, MB/s, ETA",
          "12/12 files" in progress and "MB/s" in progress and "ETA" in progress, progress)
    check("progress bar never reaches stdout", b"files" not in result.stdout, result.stdout)
    result, progress = stderr_on_terminal(["--quiet", "many"])
    check("--quiet: no progress bar", "files" not in progress, progress)
    code, out, err = run(["many"], tmp)
    check("no progress bar when stderr is not a terminal", err == "", err)

if failures:
    print("\n".join(failures))
    print(f"{len(failures)} failed")
    sys.exit(1)
print("cli_test: all cases passed")
