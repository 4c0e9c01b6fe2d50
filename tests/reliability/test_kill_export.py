"""Kill `dialog-tui export` at random moments: the memo is whole or absent, the
database is untouched."""

from __future__ import annotations

import hashlib
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from docx import Document

from dialog_tui.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sigkill_during_export(tmp_path, example):
    db = tmp_path / "export.db"
    item = example["agenda"][0]
    item["notes"] = item["notes"] * 150  # 300 notes: an export that takes a while
    (tmp_path / "d.json").write_text(json.dumps(example), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "dialog_tui", "--db", str(db), "load", str(tmp_path / "d.json")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    Store.open(db).close()  # checkpointed and closed: the bytes are final
    before = digest(db)
    rng = random.Random(7)
    for attempt in range(10):
        out = tmp_path / f"memo-{attempt}.docx"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dialog_tui", "--db", str(db), "export", "1", "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if out.exists():
            paragraphs = [p.text for p in Document(str(out)).paragraphs]
            assert any("Referat fra skoleudviklingssamtale" in p for p in paragraphs)
        assert digest(db) == before, f"attempt {attempt}: the database changed"
