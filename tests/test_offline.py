"""Nothing reaches the network: an export runs under an audit hook that fails on any socket or URL."""

import subprocess
import sys

from .conftest import ROOT

GUARD = """
import sys
BLOCKED = ("socket.", "urllib.Request", "http.client.", "ftplib.", "smtplib.", "webbrowser.")
attempts = []

def guard(event, args):
    if event.startswith(BLOCKED):
        attempts.append(event)
        raise RuntimeError(f"network access attempted: {event}")

sys.addaudithook(guard)
"""

EXPORT = GUARD + """
from briefing_app.__main__ import main
code = main(sys.argv[1:])
print("attempts:", attempts)
sys.exit(code)
"""


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)


def test_the_guard_catches_network_access():
    result = run(GUARD + "import socket\nsocket.getaddrinfo('example.org', 443)")
    assert result.returncode != 0 and "network access attempted: socket.getaddrinfo" in result.stderr


def test_exports_and_library_commands_stay_offline(tmp_path):
    for args in (["export", "--country", "IT", "-o", str(tmp_path / "o.pdf")],
                 ["export", "--country", "JP", "--variant", "handout", "-o", str(tmp_path / "h.pdf")],
                 ["library", "check"], ["library", "list", "--country", "GB"]):
        result = run(EXPORT, *args)
        assert result.returncode == 0, result.stderr
        assert "attempts: []" in result.stdout
