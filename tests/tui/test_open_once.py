"""Opening a meeting reads the dialogue once (it was read four times: the CLI's
check, compose, the session's status and the progress panel)."""

from __future__ import annotations

import gc

import pytest

from dialog_tui.store import NotFound, Store
from dialog_tui.tui import app as app_module
from dialog_tui.tui.app import DialogApp


async def test_opening_a_meeting_reads_the_dialogue_once(db_path, make_dialogue, monkeypatch):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    reads = []
    read = store.get_dialogue
    monkeypatch.setattr(store, "get_dialogue", lambda i: reads.append(i) or read(i))
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Skovskolen" in app.screen.title
    store.close()
    assert reads == [dialogue_id]


def test_a_missing_dialogue_is_refused_before_the_app_starts(db_path, monkeypatch):
    monkeypatch.setattr(DialogApp, "run", lambda self: pytest.fail("the app started"))
    with pytest.raises(NotFound):
        app_module.run_app(db_path, open_id=404)


async def test_the_collector_paused_for_start_up_resumes_at_the_first_frame(
    db_path, make_dialogue
):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    gc.disable()
    try:
        app = DialogApp(store, open_id=dialogue_id, gc_paused=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects, out of its sight
    finally:
        gc.unfreeze()
        gc.enable()
        store.close()
