"""Search every dialogue's notes (FTS5) as you type, filtered by school, year, kind and
theme; Enter opens the dialogue at the note found."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.worker import get_current_worker

from ... import strings as S
from ...errors import DialogError
from ...model import KINDS, MARK_END, MARK_START, SearchHit
from ...text import short_date
from ...themes import current_themes
from ..background import own_store
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field
from ..widgets.note_row import TAG_STYLES

LIMIT = 100


def marked(snippet: str) -> Text:
    """The snippet with each hit (between MARK_START and MARK_END) highlighted."""
    first, *rest = snippet.split(MARK_START)
    text = Text(first.replace(MARK_END, ""))
    for part in rest:
        hit, _, after = part.partition(MARK_END)
        text.append(hit, style="bold reverse")
        text.append(after.replace(MARK_END, ""))
    return text


def hit_label(hit: SearchHit) -> Text:
    head = S.SEARCH_HIT_HEAD.format(
        school=hit.school,
        date=short_date(hit.held_on),
        number=hit.item_number,
        title=hit.item_title,
    )
    text = Text(head, style="bold")
    for tag in hit.tags:
        if tag in S.TAG_MARKERS and tag != "observation":
            text.append(f"  {S.TAG_MARKERS[tag]} ", style=TAG_STYLES[tag])
        elif tag == "internal":
            text.append(f"  {S.INTERNAL_MARKER} ", style="reverse")
    text.append("\n  ")
    text.append_text(marked(hit.snippet))
    return text


class SearchScreen(Screen):
    CSS_PATH = "search.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_SEARCH
    AUTO_FOCUS = "#query"
    DEBOUNCE = 0.25
    BINDINGS = with_ids(
        "search",
        [
            *FIELD_NAVIGATION,
            # Enter reaches the screen in typing order as Input.Submitted or
            # OptionList.OptionSelected. The arrows are priority, so they move the
            # result at their place among the keys (an open filter list keeps its own).
            Binding("enter", "open", S.KEY_OPEN_RESULT),
            Binding("down", "cursor(1)", S.KEY_NEXT_RESULT, show=False, priority=True),
            Binding("up", "cursor(-1)", S.KEY_PREV_RESULT, show=False, priority=True),
            Binding("escape", "back", S.KEY_BACK),
        ],
    )

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.timer: Timer | None = None
        self.searching = False
        """A search is running in its worker thread."""
        self.open_when_found = False
        """Enter came before the results: open the first highlighted one when they do."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.SEARCH_TITLE, classes="title")
        yield Field(placeholder=S.SEARCH_PLACEHOLDER, id="query")
        schools = sorted({d.school for d in self.app.store.list_dialogues()})
        with Horizontal(id="filters"):
            yield Field(
                placeholder=S.FORM_SCHOOL,
                id="school",
                suggester=SuggestFromList(schools, case_sensitive=False),
            )
            yield Field(placeholder=S.SEARCH_YEAR, id="year", restrict=r"\d*", max_length=4)
            yield Select([(S.KIND_LABELS[k], k) for k in KINDS], prompt=S.SEARCH_KIND, id="kind")
            themes = current_themes().labels.items()
            yield Select([(label, key) for key, label in themes], prompt=S.KEY_THEME, id="theme")
        yield Static(S.SEARCH_HINT, id="search-info", classes="muted")
        yield OptionList(id="hits")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.run_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        in_select = focused is not None and any(
            isinstance(n, Select) for n in focused.ancestors_with_self
        )
        return not (action == "cursor" and in_select)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.schedule()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.schedule()

    def schedule(self) -> None:
        """Search once typing pauses, not on every key."""
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(self.DEBOUNCE, self.run_search)

    def filters(self) -> dict[str, object]:
        def chosen(name: str) -> str | None:
            value = self.query_one(f"#{name}", Select).value
            return None if value is Select.NULL else str(value)

        school = self.query_one("#school", Input).value.strip()
        year = self.query_one("#year", Input).value.strip()
        return {
            "school": school or None,
            "year": int(year) if len(year) == 4 else None,  # while typed: no filter yet
            "kind": chosen("kind"),
            "theme": chosen("theme"),
        }

    def run_search(self) -> None:
        self.timer = None
        query = self.query_one("#query", Input).value
        filters = self.filters()
        if not query.strip() and not any(filters.values()):
            self.searching = False
            self.show_hits([], S.SEARCH_HINT)
            return
        self.searching = True
        self.search_in_background(query, filters)

    @work(thread=True, exclusive=True, group="search")
    def search_in_background(self, query: str, filters: dict[str, object]) -> None:
        """The search off the event loop; a newer search (typed since) wins."""
        worker = get_current_worker()
        try:  # an empty query with a filter lists what the filter selects
            with own_store(self.app.store) as store:
                hits = store.search(query, limit=LIMIT, prefixes=True, **filters)
        except DialogError as e:
            hits, info = [], S.SEARCH_FAILED.format(message=e)
        else:
            count = len(hits)
            label = S.SEARCH_COUNT_MAX if count >= LIMIT else S.SEARCH_COUNT
            info = S.SEARCH_COUNT_ONE if count == 1 else label.format(count=count)
            info = info if hits else S.SEARCH_NO_HITS
        if not worker.is_cancelled:
            self.app.call_from_thread(self.found, hits, info)

    def found(self, hits: list[SearchHit], info: str) -> None:
        if self.timer is not None or not self.searching:  # typed on since: not these
            return
        self.searching = False
        self.show_hits(hits, info)
        if self.open_when_found:
            self.open_when_found = False
            self.action_open()

    def show_hits(self, hits: list[SearchHit], info: str) -> None:
        self.hits = hits
        self.query_one("#search-info", Static).update(info)
        results = self.query_one("#hits", OptionList)
        results.clear_options()
        if hits:
            results.add_options([hit_label(h) for h in hits])
            results.highlighted = 0

    def action_cursor(self, delta: int) -> None:
        results = self.query_one("#hits", OptionList)
        if self.hits:
            current = results.highlighted or 0
            results.highlighted = max(0, min(current + delta, len(self.hits) - 1))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.timer is not None:  # Enter before the pause: search what is typed first
            self.run_search()
        if self.searching:  # open what is found for what was typed
            self.open_when_found = True
            return
        index = self.query_one("#hits", OptionList).highlighted
        if self.hits and index is not None:
            hit = self.hits[index]
            self.app.open_meeting(hit.dialogue_id, hit.note_id)

    def action_back(self) -> None:
        self.dismiss()
