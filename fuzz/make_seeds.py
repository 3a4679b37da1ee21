#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into a directory (one file per seed, named by its
SHA-1, so reruns are idempotent). Used by fuzz/run; nothing here is committed.

    make_seeds.py TARGET OUT_DIR REPO_DIR

Sources, each only when present: examples/, tests/fixtures/, tests/data/, tests/bad-input/,
../shared/seeds and ../shared/corpora/bbc-news (research material: seeds stay in the cache
directory and are never committed), fuzz/regressions/TARGET/.
"""
import hashlib
import json
import os
import sys

TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")
MAX_SEED = 64 * 1024


def files_under(root, suffixes=None):
    if not os.path.isdir(root):
        return
    for directory, subdirs, names in os.walk(root):
        subdirs.sort()
        for name in sorted(names):
            if suffixes is None or name.endswith(suffixes) or name.startswith(".factlint"):
                path = os.path.join(directory, name)
                if os.path.isfile(path) and not os.path.islink(path):
                    yield path


def read(path):
    with open(path, "rb") as handle:
        return handle.read(MAX_SEED)


class Seeds:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.count = 0
        os.makedirs(out_dir, exist_ok=True)

    def add(self, data):
        if not data:
            return
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(self.out_dir, name)
        if not os.path.exists(path):
            with open(path, "wb") as handle:
                handle.write(data)
            self.count += 1


def text_sources(repo):
    shared = os.path.join(repo, "..", "shared")
    roots = [
        os.path.join(repo, "examples"),
        os.path.join(repo, "tests", "fixtures"),
        os.path.join(repo, "tests", "data"),
        os.path.join(repo, "tests", "bad-input"),
        os.path.join(shared, "seeds"),
        os.path.join(shared, "corpora", "bbc-news"),
    ]
    for root in roots:
        yield from files_under(root, TEXT_SUFFIXES)


def recognizer_inputs(repo):
    """The sentences of the recognizers-text number specs: short, number-dense text."""
    root = os.path.join(repo, "tests", "data", "recognizers-text")
    for path in files_under(root, (".json",)):
        try:
            with open(path, encoding="utf-8") as handle:
                cases = json.load(handle)
        except (OSError, ValueError):
            continue
        for case in cases if isinstance(cases, list) else []:
            if isinstance(case, dict) and isinstance(case.get("Input"), str):
                yield case["Input"].encode("utf-8")


def lsp_session(text, uri="file:///nonexistent-factlint/draft.md", line_mode=False):
    """A client session: initialize, open, edit, hover, code actions, shutdown, exit."""
    first_line = text.split("\n", 1)[0]
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
                    "rootUri": "file:///nonexistent-factlint"}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                     "text": text}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 0, "character": 2},
                                                  "end": {"line": 1, "character": 0}},
                                        "text": "600 killed, "}]}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": {"uri": uri},
                    "range": {"start": {"line": 0, "character": 0},
                              "end": {"line": 3, "character": len(first_line)}},
                    "context": {"diagnostics": [], "only": ["quickfix"]}}},
        {"jsonrpc": "2.0", "method": "textDocument/didSave",
         "params": {"textDocument": {"uri": "file:///nonexistent-factlint/.factlint.yaml"}}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose",
         "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    bodies = [json.dumps(m, ensure_ascii=False).encode("utf-8") for m in messages]
    if line_mode:
        return b"\n".join(bodies) + b"\n"
    return b"".join(b"Content-Length: %d\r\n\r\n" % len(body) + body for body in bodies)


def main():
    target, out_dir, repo = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    seeds = Seeds(out_dir)
    for path in files_under(os.path.join(repo, "fuzz", "regressions", target)):
        seeds.add(read(path))

    if target in ("fuzz_document", "fuzz_claims", "fuzz_lint"):
        for path in text_sources(repo):
            seeds.add(read(path))
    elif target == "fuzz_quantity":
        # Sentences rather than files: the grammar reads one sentence at a time.
        for data in recognizer_inputs(repo):
            seeds.add(data)
        for path in text_sources(repo):
            for line in read(path).splitlines():
                if any(48 <= byte <= 57 for byte in line) and len(line) < 2000:
                    seeds.add(line.strip())
    elif target == "fuzz_pack":
        roots = [os.path.join(repo, name) for name in ("rules", "examples", "tests")]
        for root in roots:
            for path in files_under(root, YAML_SUFFIXES):
                seeds.add(read(path))
    elif target == "fuzz_lsp":
        texts = [read(p) for p in files_under(os.path.join(repo, "..", "shared", "seeds"),
                                              TEXT_SUFFIXES)]
        texts += [read(p) for p in files_under(os.path.join(repo, "tests", "fixtures"),
                                               TEXT_SUFFIXES)]
        texts.append("# Draft\nKim \U0001F600 said 100 North Korean troops were killed.\n"
                     .encode("utf-8"))
        for data in texts:
            text = data[:4096].decode("utf-8", "replace")
            seeds.add(lsp_session(text))
            seeds.add(lsp_session(text, line_mode=True))
            seeds.add(lsp_session(text, uri="untitled:Untitled-1", line_mode=True))
    else:
        sys.exit("make_seeds.py: unknown target " + target)
    print(f"{target}: {seeds.count} new seeds in {out_dir}")


if __name__ == "__main__":
    main()
