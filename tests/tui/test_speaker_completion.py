"""``@`` in a note offers the participants (issue 14): what the screen shows, what
Tab/Enter write (the same attribution as Ctrl+J), what Esc and other keys leave."""

from __future__ import annotations

from dialog_tui.model import Participant
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList
from dialog_tui.tui.widgets.speaker_choices import SpeakerChoices

from .conftest import type_text


async def open_meeting(db_path, make_dialogue, size):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    store.add_participant(  # only under point 3: offered after those present here
        dialogue_id, Participant(name="Bodil Andersen", role="lærer", agenda_items=[3])
    )
    return store, dialogue_id, DialogApp(store, open_id=dialogue_id)


def shown(app) -> str | None:
    """The completion's text as on screen, or None when it is not shown."""
    choices = app.screen.query(SpeakerChoices)
    if not choices or not choices.first().display:
        return None
    return str(choices.first().render())


def saved(db_path, dialogue_id) -> list[str]:
    with Store.open(db_path) as store:
        item = store.agenda_items(dialogue_id)[0]
        return [n.text for n in store.notes(item.id)]


async def test_at_offers_names_and_tab_writes_the_attribution(db_path, make_dialogue):
    store, dialogue_id, app = await open_meeting(db_path, make_dialogue, (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Om trivsel. @b")
        await pilot.pause()
        text = shown(app)
        assert text is not None
        assert text.index("Bo Holm") < text.index("Bodil Andersen")  # present here first
        assert "Anna" not in text and "Tab/Enter: vælg" in text
        box = app.screen.query_one(SpeakerChoices).region
        assert box.right <= 80 and box.bottom <= 24  # inside the 80x24 screen
        assert saved(db_path, dialogue_id) == ["Om trivsel. @b"]  # saved as typed
        await pilot.press("tab")
        await type_text(pilot, "Det går godt")
        await pilot.pause()
        assert shown(app) is None
        note = "Om trivsel. Bo Holm: Det går godt"
        assert app.screen.query_one(NoteList).note.text == note
        assert saved(db_path, dialogue_id) == [note]
        await pilot.press("ctrl+z")  # typing, then the completion: one step each
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.text == "Om trivsel. Bo Holm: "
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.text == "Om trivsel. @b"
    store.close()


async def test_down_and_enter_choose_another_name(db_path, make_dialogue):
    store, dialogue_id, app = await open_meeting(db_path, make_dialogue, (120, 40))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_text(pilot, "@bo")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert saved(db_path, dialogue_id) == ["Bodil Andersen: "]
        assert len(app.screen.query_one(NoteList).notes) == 1  # Enter made no new note
    store.close()


async def test_esc_other_keys_mail_addresses_and_a_lone_at_keep_what_was_typed(
    db_path, make_dialogue
):
    store, dialogue_id, app = await open_meeting(db_path, make_dialogue, (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "@an")
        await pilot.pause()
        assert "Anna Jensen" in shown(app)
        await pilot.press("escape")  # declines; stays in the note
        await type_text(pilot, "ne ")
        await pilot.pause()
        assert shown(app) is None
        assert isinstance(app.focused, type(app.screen.query_one(NoteList).editor))
        await type_text(pilot, "@bx skriv til bo@skole.dk og @")
        await pilot.pause()
        assert shown(app) is None  # "bx" matches nobody; a mail address; a lone @
        await pilot.press("enter")  # a new note, the @ at the end kept
        await pilot.pause()
        assert saved(db_path, dialogue_id) == [
            "@anne @bx skriv til bo@skole.dk og @",
            "",
        ]
    store.close()
