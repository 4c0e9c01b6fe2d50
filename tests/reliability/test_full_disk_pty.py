"""The real app on a real, small disk that fills while typing (issue 13): the
banner says so, nothing typed is lost, and once space is freed every character
is in the database, which passes ``PRAGMA integrity_check``."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
import time
from datetime import date

import pytest

from dialog_tui.model import AgendaItem, Dialogue
from dialog_tui.store import Store

from .ptyapp import _ESCAPES, PtyApp


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs, mounted for this test (root only; skipped where that fails)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def fill(path) -> None:
    """Write a filler file until the disk says it is full."""
    with open(path, "wb", buffering=0) as f:
        for size in (1 << 16, 1 << 12, 1 << 8, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError as e:
                assert e.errno == errno.ENOSPC
    assert path.stat().st_size > 0


def painted(app: PtyApp) -> str:
    return _ESCAPES.sub(b"", app.output).decode("utf-8", "replace")


def type_word(app: PtyApp, word: str) -> None:
    for ch in word:
        app.send(ch)
        app.read(0.02)


def test_a_disk_filling_while_typing_loses_nothing(small_disk):
    db = small_disk / "dialoger.db"
    with Store.open(db) as store:
        store.create_dialogue(
            Dialogue(
                school="Fuldskolen", held_on=date(2025, 3, 10), agenda=[AgendaItem(title="P")]
            )
        )
    filler = small_disk / "fyld"
    app = PtyApp("--db", str(db), "open", "1", size=(120, 40))
    typed = ""
    try:
        app.wait_for(b"Fuldskolen")
        app.settle()
        fill(filler)
        for i in range(600):
            word = f"ord{i} "
            type_word(app, word)
            typed += word
            if "Ikke gemt" in painted(app):
                break
            app.wait_for_text(word.strip(), timeout=2)
        assert app.wait_for_text("Ikke gemt", timeout=5) or "Ikke gemt" in painted(app)
        type_word(app, "fuld ")
        typed += "fuld "
        filler.unlink()
        for word in ("fri ", "igen"):
            type_word(app, word)
            typed += word
        assert app.wait_for_text("igen", timeout=10)
        app.send("\x11")  # Ctrl+Q
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and os.waitpid(app.pid, os.WNOHANG) == (0, 0):
            app.read(0.1)
    finally:
        with contextlib.suppress(OSError):  # it has quit already
            app.kill()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [text] = [r[0] for r in conn.execute("SELECT text FROM notes")]
    finally:
        conn.close()
    assert text == typed
    assert not list(small_disk.glob("*ikke-gemt*"))  # all in the database, none to recover
