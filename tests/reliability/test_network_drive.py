"""Network drives (issue 13): detected from the mount's type, and then a rollback
journal with the file held exclusively, said once."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from dialog_tui.cli import main
from dialog_tui.store import Store, filesystem

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw,relatime 0 0
//srv/fælles /mnt/smb\\040drev cifs rw 0 0
sshfs#me@host: /home/me/fjern fuse.sshfs rw 0 0
tmpfs /mnt/share/lokal tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/share/dialoger.db", "nfs4"),
        ("/mnt/smb drev/data/dialoger.db", "cifs"),
        ("/home/me/fjern/d.db", "fuse.sshfs"),
        ("/mnt/sharex/d.db", "ext4"),  # a name that only begins like the mount point
        ("/mnt/share/lokal/d.db", "tmpfs"),  # the innermost mount wins
    ],
)
def test_the_mount_holding_the_path_gives_the_type(path, kind):
    assert filesystem.mount_type(MOUNTS, path) == kind


def test_this_machines_temporary_folder_is_not_a_network_drive(tmp_path):
    assert not filesystem.is_network(tmp_path / "d.db")


@pytest.fixture
def on_nfs(monkeypatch):
    monkeypatch.setattr(filesystem, "filesystem_type", lambda path: "nfs")


def test_on_a_network_drive_the_store_uses_a_rollback_journal_held_exclusively(db_path, on_nfs):
    with Store.open(db_path) as store:
        assert store.network
        store.list_dialogues()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store.conn.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
        other = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("SELECT count(*) FROM dialogues").fetchone()
        other.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_cli_says_so_once(db_path, on_nfs):
    result = CliRunner().invoke(main, ["--db", str(db_path), "list"])
    assert result.exit_code == 0
    assert result.stderr.count("netværksdrev") == 1


def test_a_local_drive_keeps_wal(db_path):
    with Store.open(db_path) as store:
        assert not store.network
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_the_app_says_so_once(db_path, on_nfs):
    from dialog_tui.tui.app import DialogApp

    store = Store.open(db_path)
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications if "netværksdrev" in n.message]
        assert len(said) == 1
    store.close()
