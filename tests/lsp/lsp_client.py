"""A minimal LSP client over pipes, shared by the tests that drive the real `factlint lsp`."""
import json
import select
import subprocess
import time


class LspClient:
    def __init__(self, binary, cwd=None, args=("lsp",)):
        self.process = subprocess.Popen([binary, *args], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.buffer = b""
        self.next_id = 1
        self.pending = []  # messages read but not yet consumed

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params or {}})
        return request_id

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def _read_one(self, deadline):
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.buffer[:header_end].decode()
                length = None
                for line in headers.split("\r\n"):
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                assert length is not None, "no Content-Length in %r" % headers
                if len(self.buffer) >= header_end + 4 + length:
                    body = self.buffer[header_end + 4:header_end + 4 + length]
                    self.buffer = self.buffer[header_end + 4 + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if not ready:
                return None
            chunk = self.process.stdout.read1(65536)
            if not chunk:
                return None
            self.buffer += chunk

    def wait_for(self, predicate, timeout=5.0):
        """The first message (pending or new) matching predicate, or None after timeout."""
        for index, message in enumerate(self.pending):
            if predicate(message):
                return self.pending.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_one(deadline)
            if message is None:
                return None
            if predicate(message):
                return message
            self.pending.append(message)

    def response(self, request_id, timeout=5.0):
        message = self.wait_for(lambda m: m.get("id") == request_id and "method" not in m, timeout)
        assert message is not None, "no response to request %r" % request_id
        return message

    def diagnostics(self, uri, version=None, timeout=5.0):
        def matches(message):
            if message.get("method") != "textDocument/publishDiagnostics":
                return False
            params = message["params"]
            return params["uri"] == uri and (version is None or params.get("version") == version)
        message = self.wait_for(matches, timeout)
        assert message is not None, "no diagnostics for %s version %r" % (uri, version)
        return message["params"]

    def collect(self, seconds):
        """Every message arriving within `seconds` (plus the pending ones)."""
        messages, self.pending = self.pending, []
        deadline = time.monotonic() + seconds
        while True:
            message = self._read_one(deadline)
            if message is None:
                return messages
            messages.append(message)

    def close(self, timeout=5.0):
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        return self.process.wait(timeout)
