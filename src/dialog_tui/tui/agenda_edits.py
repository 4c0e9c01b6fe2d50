"""Editing the agenda in the meeting (issue 14): adding, renaming, moving and
deleting points. No Textual here; a mixin of ``MeetingSession`` (``self`` is the
session: its store, points, clocks and ``write``), kept apart so neither module
outgrows its room."""

from __future__ import annotations

from .. import strings as S


def title_minutes(value: str) -> tuple[str, int | None]:
    """``Trivsel, 20`` → ("Trivsel", 20): a point's title with its planned minutes."""
    title, _, minutes = value.rpartition(",")
    if title and minutes.strip().isdigit():
        return title.strip(), int(minutes)
    return value.strip(), None


def point_problem(value: str, count: int, *, deleting: int | None = None) -> str | None:
    """What is wrong with ``value`` as a point number of ``count`` points (None: it
    will do); ``deleting``: the index of the point being deleted, which cannot
    take its own notes."""
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= count:
        return S.BAD_POINT_NUMBER.format(count=count)
    if deleting is not None and int(value) == deleting + 1:
        return S.DELETE_POINT_NOT_ITSELF.format(number=deleting + 1)
    return None


def numbered_titles(titles: list[str], current: int | None, width: int = 44) -> str:
    """The points as the agenda list numbers them, one a line (cut to ``width``),
    for a prompt that covers the list; ``current`` is marked."""
    lines = []
    for index, title in enumerate(titles):
        line = f"{'▶' if index == current else ' '} {index + 1}. {' '.join(title.split())}"
        lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return "\n".join(lines)


class AgendaEdits:
    """Agenda edits of ``MeetingSession``; each refused while it is read-only."""

    def add_point(self, value: str) -> bool:
        """A new point from ``Title, minutes`` right after the current one (no prompts:
        those belong to the points they were written for), made current; True if added."""
        if self.read_only or not value.strip():
            return False
        title, minutes = title_minutes(value)
        position = self.current + 1 if self.items else None
        added = self.write(
            lambda: self.store.add_agenda_item(self.dialogue_id, title, minutes, position=position)
        )
        if added is None:
            return False
        self.save_time()
        self.load_items()
        self.go_to(self.index_of(added.id))
        return True

    def rename_point(self, index: int, value: str) -> None:
        """Rename point ``index`` from ``Title, minutes`` (minutes kept if left out)."""
        if self.read_only or not value.strip():
            return
        title, minutes = title_minutes(value)
        fields: dict[str, object] = {"title": title}
        if minutes is not None:
            fields["planned_minutes"] = minutes
        item_id = self.items[index].id
        updated = self.write(lambda: self.store.update_agenda_item(item_id, **fields))
        if updated is not None:
            self.items[index] = updated

    def move_point(self, index: int, delta: int) -> int | None:
        """Move point ``index`` by ``delta``; its new index, or None if it stays."""
        target = index + delta
        if self.read_only or not 0 <= index < len(self.items) or not 0 <= target < len(self.items):
            return None
        item_id = self.items[index].id
        if not self.attempt(lambda: self.store.move_agenda_item(item_id, target)):
            return None
        self.items = self.store.agenda_items(self.dialogue_id)
        if self.current == index:
            self.current = target
        elif self.current == target:
            self.current = index
        return target

    def notes_in(self, index: int) -> int:
        """How many notes with text point ``index`` holds."""
        return sum(bool(n.text) for n in self.store.notes(self.items[index].id))

    def delete_point(self, index: int, move_to: int | None = None) -> bool:
        """Delete point ``index``; its notes go to the end of point ``move_to`` first
        (else they go with it). The last point stays. True if deleted."""
        count = len(self.items)
        if self.read_only or count <= 1 or not 0 <= index < count or move_to == index:
            return False
        item_id = self.items[index].id
        if move_to is not None:
            target = self.items[move_to].id
            for note in self.store.notes(item_id):
                if note.text and not self.attempt(
                    lambda n=note: self.store.move_note(n.id, count * 10**6, item_id=target)
                ):
                    return False
        self.save_time()
        if not self.attempt(lambda: self.store.delete_agenda_item(item_id)):
            return False
        if self.current > index or self.current == count - 1:
            self.current -= 1
        self.load_items()
        self.timers.used.pop(item_id, None)
        self.timers.enter(self.item.id)
        return True
