"""A canned-answer HTTP server on 127.0.0.1, run in its own process.

Run in a separate process so that serving does not compete with the clients
being measured for the interpreter lock. It answers every request with the
same body, keeps connections alive (as botocore's pool expects), serves each
connection in its own thread and prints its port on its first line of output.

``python _loopback.py BODY_FILE``
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def serve(body: bytes) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else headers and body wait on delayed ACKs: 40 ms a call

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "text/xml;charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


@contextlib.contextmanager
def loopback(body: bytes) -> Iterator[str]:
    """Start the server in a child process; yield its URL; stop it on exit."""
    with tempfile.TemporaryDirectory() as tmp:
        body_file = Path(tmp) / "body"
        body_file.write_bytes(body)
        process = subprocess.Popen(
            [sys.executable, __file__, str(body_file)], stdout=subprocess.PIPE, text=True
        )
        try:
            port = int(process.stdout.readline())
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)
            process.stdout.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]).read_bytes())
