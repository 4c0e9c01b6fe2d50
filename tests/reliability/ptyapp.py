"""Run the real app in a pseudo-terminal: spawn, read the screen, type, kill."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

_ESCAPES = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|.)")


class PtyApp:
    def __init__(self, *args: str, size: tuple[int, int] = (100, 30)) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # child: the real command line entry point
            os.environ["TERM"] = "xterm-256color"
            os.execv(sys.executable, [sys.executable, "-m", "dialog_tui", *args])
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = b""

    def read(self, timeout: float) -> bytes:
        """What the app painted within ``timeout`` seconds (empty if nothing)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.output += chunk
        return chunk

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{marker!r} never painted: {self.output[-400:]!r}")
            self.read(0.2)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def settle(self, quiet: float = 0.05, timeout: float = 5.0) -> bool:
        """Wait for a repaint, then until the screen is quiet; False if none came."""
        if not self.read(timeout):
            return False
        while self.read(quiet):
            pass
        return True

    def wait_for_text(self, text: str, timeout: float = 5.0) -> bool:
        """Wait until ``text`` is painted after this call (escape sequences stripped):
        a repaint that merely happened (a clock tick, the cursor blinking) does not
        count. False if it did not come within ``timeout``."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            painted = _ESCAPES.sub(b"", self.output[start:]).decode("utf-8", "replace")
            if text in painted:
                return True
            self.read(0.05)
        return False

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
