#!/usr/bin/env python3
"""Drives the real `factlint lsp` over pipes through every method it serves.

Usage: lsp_pipe_test.py FACTLINT_BINARY
The expected ranges were counted by hand from tests/lsp/draft.md (see the comments below).
"""
import json
import os
import pathlib
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
BINARY = os.path.abspath(sys.argv[1])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def framed(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def summary(diagnostics):
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"], d["source"])
                  for d in diagnostics)


DRAFT_TEXT = (HERE / "draft.md").read_text(encoding="utf-8")

# Line 5 (0-based) is `<!-- factlint-disabel stale-figure -->`: 38 characters, a misspelt
# directive. Line 6 is `Ann 😀 said <!-- factlint-disable invalid-encodng --> nothing.`: the
# unknown rule id starts after "Ann " (4) + 😀 (2 UTF-16 units / 4 bytes) + " said " (6) +
# "<!-- " (5) + "factlint-disable " (17): UTF-16 column 34, byte column 36, 15 long.
EXPECTED_UTF16 = [("unknown-directive", 5, 0, 5, 38, "factlint"),
                  ("unknown-directive", 6, 34, 6, 49, "factlint")]
EXPECTED_UTF8 = [("unknown-directive", 5, 0, 5, 38, "factlint"),
                 ("unknown-directive", 6, 36, 6, 51, "factlint")]


def initialize(client, encodings=None, work_dir=None):
    capabilities = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
    if encodings:
        capabilities["general"] = {"positionEncodings": encodings}
    reply = client.response(client.request("initialize", {
        "processId": os.getpid(), "rootUri": None, "capabilities": capabilities}))
    client.notify("initialized", {})
    return reply


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    draft = work / "draft.md"
    draft.write_text("on disk, not in the buffer\n", encoding="utf-8")
    uri = "file://" + str(draft)

    # --- Session 1: UTF-16, the whole lifecycle.
    client = LspClient(BINARY, cwd=work)

    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    reply = client.wait_for(lambda m: "error" in m)
    check(reply and reply["error"]["code"] == -32700 and reply["id"] is None,
          "malformed JSON gets -32700 with a null id: %r" % reply)

    early = client.response(client.request("textDocument/hover", {}))
    check(early.get("error", {}).get("code") == -32002, "requests before initialize: -32002")

    init = initialize(client, encodings=["utf-16"])
    capabilities = init["result"]["capabilities"]
    check(capabilities["positionEncoding"] == "utf-16", "utf-16 when utf-8 is not offered")
    check(capabilities["textDocumentSync"]["change"] == 2, "incremental sync advertised")
    check(capabilities["hoverProvider"] is True, "hover advertised")
    check("quickfix" in capabilities["codeActionProvider"]["codeActionKinds"],
          "quick fixes advertised")

    unknown = client.response(client.request("textDocument/noSuchThing", {}))
    check(unknown.get("error", {}).get("code") == -32601, "unknown method: -32601")
    client.notify("$/noSuchNotification", {})

    client.send_raw(b"X-Nothing: 1\r\n\r\n")
    reply = client.wait_for(lambda m: m.get("error", {}).get("code") == -32700)
    check(reply is not None, "a frame without Content-Length gets -32700")

    opened_at = time.monotonic()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT_TEXT}})
    published = client.diagnostics(uri, version=1)
    waited = time.monotonic() - opened_at
    check(summary(published["diagnostics"]) == EXPECTED_UTF16,
          "diagnostics of the buffer (not the disk file): %r" % summary(published["diagnostics"]))
    check(waited >= 0.1, "diagnostics are debounced (%.3f s)" % waited)
    check(all(d["severity"] == 2 for d in published["diagnostics"]), "warnings are severity 2")

    hover = client.response(client.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 6, "character": 40}}))
    value = (hover.get("result") or {}).get("contents", {}).get("value", "")
    check("unknown-directive" in value and "invalid-encodng" in value,
          "hover shows the finding under the cursor: %r" % hover)
    check(hover["result"]["range"] == rng(6, 34, 6, 49), "hover range: %r" % hover["result"])
    nothing = client.response(client.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}}))
    check(nothing.get("result") is None, "hover over clean text is null: %r" % nothing)

    actions = client.response(client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng(6, 35, 6, 35),
        "context": {"diagnostics": []}}))["result"]
    quick = [a for a in actions if a["kind"] == "quickfix"]
    check(len(quick) == 1, "one quick fix at the misspelt rule id: %r" % actions)
    if quick:
        edit = quick[0]["edit"]["changes"][uri]
        check(edit == [{"range": rng(6, 34, 6, 49), "newText": "invalid-encoding"}],
              "the quick fix replaces the id: %r" % edit)
        check(quick[0]["diagnostics"][0]["code"] == "unknown-directive", "fix names its finding")
    only_source = client.response(client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng(6, 35, 6, 35),
        "context": {"diagnostics": [], "only": ["source"]}}))["result"]
    check(all(a["kind"].startswith("source") for a in only_source) and only_source,
          "context.only filters kinds: %r" % only_source)

    # Incremental edit: insert "Mr " at the start of line 6 (UTF-16 columns shift by 3).
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": rng(6, 0, 6, 0), "text": "Mr "}]})
    published = client.diagnostics(uri, version=2)
    check(summary(published["diagnostics"]) ==
          [EXPECTED_UTF16[0], ("unknown-directive", 6, 37, 6, 52, "factlint")],
          "incremental change re-lints: %r" % summary(published["diagnostics"]))

    # A range ending after the emoji: replace "😀 " (UTF-16 columns 7..10 now) with nothing;
    # then fix the misspelt directive by a full-text change. Both are written at once, so they
    # arrive well inside one debounce and must be linted once.
    fixed_text = DRAFT_TEXT.replace("factlint-disabel stale-figure", "factlint-disable binary-file")
    client.send_raw(b"".join(framed(m) for m in [
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": rng(6, 7, 6, 10), "text": ""}]}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 4},
            "contentChanges": [{"text": fixed_text}]}}]))
    messages = client.collect(1.0)
    versions = [m["params"].get("version") for m in messages
                if m.get("method") == "textDocument/publishDiagnostics"]
    check(versions == [4], "rapid changes are debounced into one lint: %r" % versions)
    last = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    if last:
        check(summary(last[-1]["params"]["diagnostics"]) == [EXPECTED_UTF16[1]],
              "full sync replaces the text: %r" % summary(last[-1]["params"]["diagnostics"]))

    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 5},
        "contentChanges": [{"range": rng(0, 0, 0, 0), "text": "x"}, {"text": fixed_text}]})
    client.diagnostics(uri, version=5)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = client.diagnostics(uri)
    check(closed["diagnostics"] == [], "didClose clears the diagnostics")

    bad = client.response(client.request("textDocument/hover", {"textDocument": 3}))
    check(bad.get("error", {}).get("code") == -32602, "invalid params: -32602 (%r)" % bad)
    alive = client.response(client.request("textDocument/hover", {
        "textDocument": {"uri": "file:///not/open.md"}, "position": {"line": 0, "character": 0}}))
    check("result" in alive and alive["result"] is None, "still serving after errors")

    shutdown = client.response(client.request("shutdown"))
    check("result" in shutdown and shutdown["result"] is None, "shutdown answers null")
    after = client.response(client.request("textDocument/hover", {}))
    check(after.get("error", {}).get("code") == -32600, "requests after shutdown are refused")
    client.notify("exit")
    code = client.process.wait(5)
    check(code == 0, "exit after shutdown: status 0 (got %r)" % code)

    # --- Session 2: UTF-8 offered, so columns are bytes; exit without shutdown is status 1.
    client = LspClient(BINARY, cwd=work)
    init = initialize(client, encodings=["utf-8", "utf-16"])
    check(init["result"]["capabilities"]["positionEncoding"] == "utf-8", "utf-8 when offered")
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT_TEXT}})
    published = client.diagnostics(uri, version=1)
    check(summary(published["diagnostics"]) == EXPECTED_UTF8,
          "byte columns with utf-8: %r" % summary(published["diagnostics"]))
    client.notify("exit")
    code = client.process.wait(5)
    check(code == 1, "exit without shutdown: status 1 (got %r)" % code)

    # --- Session 3: the client goes away without exit.
    client = LspClient(BINARY, cwd=work)
    initialize(client)
    code = client.close()
    check(code == 1, "end of input without exit: status 1 (got %r)" % code)

    # --- Session 4: a .factlint.yaml above the draft, broken, fixed, then edited.
    project = work / "project"
    (project / "drafts").mkdir(parents=True)
    config = project / ".factlint.yaml"
    config_uri = "file://" + str(config)
    config.write_text("imports: [default]\nrulez: {}\n")  # line 2: unknown key
    names = project / "drafts" / "names.md"
    names_uri = "file://" + str(names)
    client = LspClient(BINARY, cwd=work)
    initialize(client)
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": names_uri, "languageId": "markdown", "version": 1, "text": "Zelensky spoke.\n"}})
    on_config = client.diagnostics(config_uri)
    check([(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
           for d in on_config["diagnostics"]] == [("config-error", 1, 0)] and
          "rulez" in on_config["diagnostics"][0]["message"],
          "a broken pack is reported at its line: %r" % on_config)
    on_draft = client.diagnostics(names_uri, version=1)
    check([d["code"] for d in on_draft["diagnostics"]] == ["config-error"],
          "and on the draft: %r" % on_draft)

    # Fixed, and the client says so: name-variant now at the level the pack sets (error = 1).
    config.write_text("imports: [default]\nrules:\n  name-variant: {level: error}\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config_uri,
                                                                    "type": 2}]})
    cleared = client.diagnostics(config_uri)
    check(cleared["diagnostics"] == [], "the pack's error is cleared once it loads")
    relinted = client.diagnostics(names_uri, version=1)
    check([(d["code"], d["severity"]) for d in relinted["diagnostics"]] ==
          [("name-variant", 1)], "the new pack is used: %r" % relinted)

    # Edited with no notification: the modification time is enough (info = 3).
    config.write_text("imports: [default]\nrules:\n  name-variant: {level: info}\n")
    later = os.stat(config).st_mtime + 5
    os.utime(config, (later, later))
    client.notify("textDocument/didChange", {"textDocument": {"uri": names_uri, "version": 2},
                                             "contentChanges": [{"text": "Zelensky spoke.\n"}]})
    relinted = client.diagnostics(names_uri, version=2)
    check([(d["code"], d["severity"]) for d in relinted["diagnostics"]] ==
          [("name-variant", 3)], "a changed pack file is reloaded: %r" % relinted)
    client.response(client.request("shutdown"))
    client.notify("exit")
    check(client.process.wait(5) == 0, "session 4 exits cleanly")

print("lsp_pipe_test: %s" % ("FAILED (%d)" % len(failures) if failures else "ok"))
sys.exit(1 if failures else 0)
