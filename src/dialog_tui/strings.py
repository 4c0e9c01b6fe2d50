"""Every user-facing string, in Danish, in one place for review.

Sections follow the layers: store, agenda files, exchange, CLI, then the app.
Placeholders use ``str.format`` names.
"""

# --- Store -------------------------------------------------------------------
DB_NOT_OURS = "{path} er ikke en dialog-tui-database (filen er ikke ændret)"
DB_NOT_SQLITE = "{path} er ikke en SQLite-database (filen er ikke ændret)"
DB_DAMAGED = (
    "{path} er beskadiget og kan ikke læses (filen er ikke ændret); "
    "gendan fra en sikkerhedskopi med »dialog-tui restore«"
)
DB_TOO_NEW = (
    "{path} er fra en nyere version af dialog-tui (skemaversion {found}, "
    "denne version kender {known}); opdatér programmet (filen er ikke ændret)"
)
DB_CANNOT_OPEN = "kan ikke åbne databasen {path}: {reason}"
DB_CANNOT_WRITE = "kan ikke skrive i databasen {path}: {reason}"
FILE_MISSING = "filen findes ikke"
DB_IS_DIRECTORY = "{path} er en mappe, ikke en databasefil"
DIALOGUE_NOT_FOUND = "dialog {id} findes ikke"
AGENDA_ITEM_NOT_FOUND = "dagsordenspunkt {id} findes ikke"
NOTE_NOT_FOUND = "note {id} findes ikke"
PARTICIPANT_NOT_FOUND = "deltager {id} findes ikke"
INVALID_VALUE = "ugyldig værdi: {reason}"

# --- Year over year (store) --------------------------------------------------
DIALOGUE_IS_FINAL = (
    "dialogen er endelig og kan kun læses; genåbn den med en begrundelse for at rette i den"
)
FOLLOWUP_NOT_FOUND = "opfølgningspunkt {id} findes ikke"
CHECK_NOT_FOUND = "tjeklistepunkt {id} findes ikke"
CARRY_ON_NO_POINT = "dialogen har ingen dagsordenspunkter at føre målet videre under"
REOPEN_NEEDS_REASON = "skriv en begrundelse for at genåbne den endelige dialog"
REOPEN_NOT_FINAL = "dialogen er ikke endelig ({status}), så den skal ikke genåbnes"
SEARCH_BAD_KIND = "ukendt slags: {kind} (brug en af: {known})"
SEARCH_BAD_THEME = "ukendt tema: {theme} (brug et af: {known})"
SEARCH_BAD_LIMIT = "antallet af resultater skal være mindst 1"
BAD_YEAR = "ugyldigt år: {year} (skriv et år med fire cifre, fx 2025)"
DIALOGUE_OPEN_ELSEWHERE = (
    "dialogen er åben til redigering i en anden proces (pid {pid} på {host} siden {since}); "
    "luk den der først"
)
LOCK_TAKEN_OVER = (
    "dialogen er overtaget af en anden proces (pid {pid} på {host} siden {since}); "
    "ændringen er ikke gemt, og dialogen kan kun læses her"
)
LOCK_CLEARED = (
    "redigeringslåsen på dialogen er fjernet (dialog-tui unlock); "
    "ændringen er ikke gemt – åbn dialogen igen for at redigere"
)
FOLLOWUP_TOO_EARLY = "opfølgningen skal holdes efter den dialog, den følger op på (holdt {date})"

# --- Agenda files ------------------------------------------------------------
AGENDA_NOT_FOUND = "dagsordenen »{name}« findes ikke (kendte: {known})"
FILE_UNREADABLE = "{path}: kan ikke læses: {reason}"
AGENDA_BAD_TOML = "{path}, linje {line}, kolonne {column}: ugyldig TOML: {reason}"
FILE_BAD_FIELD = "{path}: feltet »{field}«: {reason}"

# --- Exchange (JSON) ---------------------------------------------------------
JSON_BAD_SYNTAX = "{path}, linje {line}, kolonne {column}: ugyldig JSON: {reason}"
JSON_NEWER_FORMAT = (
    "{path}: formatet »{found}« er fra en nyere version af dialog-tui "
    "(denne version læser {known})"
)
JSON_NOT_A_DIALOGUE = "{path}: er ikke en dialog (mangler »format«: »{known}«)"
OUTPUT_UNWRITABLE = "kan ikke skrive {path}: {reason}"

# --- Hostile files in and out (files.py) ---------------------------------------
FILE_NOT_REGULAR = "{path}: er ikke en almindelig fil, men {kind}, og læses ikke"
FILE_TOO_BIG = "{path}: er større end {limit} og læses ikke"
FILE_TOO_DEEP = "{path}: er indlejret for dybt til at kunne læses"
FILE_NUMBER_TOO_LONG = "{path}: indeholder et tal med for mange cifre"
FILE_KINDS = {
    "directory": "en mappe",
    "fifo": "et navngivet rør (FIFO)",
    "device": "en enhed",
    "socket": "en sokkel",
    "other": "en særlig fil",
}
OUTPUT_IS_DATABASE = (
    "{path} er selve databasen eller en af dens filer og overskrives ikke; vælg en anden fil"
)
OUTPUT_NOT_REGULAR = "{path} er ikke en almindelig fil, men {kind}; der skrives ikke til den"
OUTPUT_EXISTS = "{path} findes allerede: gentag med --force for at overskrive den"
CLI_FORCE_HELP = "Overskriv filen, hvis den findes i forvejen."

# --- CLI ---------------------------------------------------------------------
CLI_HELP = "dialog-tui: noter og notat til skoleudviklingssamtaler."
CLI_DB_HELP = "Databasefil (standard: i brugerens datamappe; eller DIALOG_TUI_DB)."
CLI_LOAD_HELP = "Indlæs en dialog fra en JSON-fil og skriv dens id."
CLI_DUMP_HELP = "Skriv en dialog som JSON."
CLI_OUTPUT_HELP = "Skriv til denne fil i stedet for standardoutput."
CLI_LIST_HELP = "Vis dialoger, nyeste først."
CLI_SCHOOL_HELP = "Kun denne skole."
CLI_YEAR_HELP = "Kun dialoger holdt i dette år."
CLI_JSON_HELP = "Skriv som JSON."
CLI_AGENDAS_HELP = "Vis og kontrollér dagsordensfiler."
CLI_OPEN_HELP = "Åbn mødeskærmen for en dialog."
CLI_NEW_HELP = "Åbn formularen til en ny dialog."
CLI_ERROR = "dialog-tui: {message}"
CLI_LIST_EMPTY = "Ingen dialoger."
CLI_LIST_HEADER = ("Id", "Dato", "Skole", "Status", "Sagsnr.")
CLI_AGENDA_OK = "{name:<16} {items} punkter  {path}"
CLI_AGENDA_BAD = "{name:<16} FEJL: {message}"
CLI_ABORTED = "afbrudt"
CLI_AGENDAS_INVALID = "{count} dagsordensfil(er) er ugyldige"
CLI_USAGE_HINT = "{message} (se »{command} --help«)"
CLI_RANGE = "{min}–{max}"

# Click's own texts (usage errors, help headings), by their English original.
CLICK_TEXTS = {
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "Aborted!": "Afbrudt!",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Se »{command} {option}« for hjælp.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Show the version and exit.": "Vis versionen og afslut.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Do you want to continue?": "Vil du fortsætte?",
    "Missing command.": "Der mangler en kommando.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Missing argument": "Mangler argument",
    "Missing option": "Mangler tilvalg",
    "Missing parameter": "Mangler parameter",
    "Missing {param_type}": "Mangler {param_type}",
    "Missing parameter: {param_name}": "Mangler parameter: {param_name}",
    "No such option {name!r}.": "Ukendt tilvalg {name!r}.",
    "No such command {name!r}.": "Ukendt kommando {name!r}.",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Uventet ekstra argument ({args})",
    "Got unexpected extra arguments ({args})": "Uventede ekstra argumenter ({args})",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} kræver en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} kræver {nargs} værdier.",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Could not open file {filename!r}: {message}": "Kan ikke åbne {filename!r}: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} er ikke ja/nej. Gyldige værdier: {states}"
    ),
    "{value!r} does not match the format {format}.": (
        "{value!r} passer ikke til formatet {format}."
    ),
    "{value!r} does not match the formats {formats}.": (
        "{value!r} passer ikke til formaterne {formats}."
    ),
    "file": "Filen",
    "directory": "Mappen",
    "path": "Stien",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "env var: {var}": "miljøvariabel: {var}",
    "default: {default}": "standard: {default}",
    "required": "påkrævet",
    "(dynamic)": "(beregnes)",
    "deprecated": "forældet",
    "Choose from:\n\t{choices}": "Vælg en af:\n\t{choices}",
    "Confirm the action without prompting.": "Bekræft uden at spørge.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan ikke køres.",
    "{value!r} is not a valid UUID.": "{value!r} er ikke et gyldigt UUID.",
}
CLI_OPTIONS_METAVAR = "[TILVALG]"
CLI_SUBCOMMAND_METAVAR = "[KOMMANDO] [ARGUMENTER]..."
CLI_METAVAR_FILE = "FIL"
CLI_METAVAR_PATH = "STI"
CLI_METAVAR_NUMBER = "TAL"
CLI_METAVAR_TEXT = "TEKST"

# --- Year over year (CLI) ----------------------------------------------------
CLI_FOLLOWUP_HELP = (
    "Opret næste års dialog for samme skole ud fra en tidligere dialog og skriv dens id."
)
CLI_FOLLOWUP_DATE_HELP = "Mødets dato, fx 2026-03-10 eller 10.3.2026 (standard: i dag)."
CLI_GOALS_HELP = "Vis en skoles mål gennem årene med status og opnåede værdier."
CLI_GOALS_SCHOOL_HELP = "Skolen (skal angives)."
CLI_GOALS_NEED_SCHOOL = "angiv skolen med --school"
CLI_GOALS_EMPTY = "Ingen mål for {school}."
CLI_GOAL_HEADER = "Mål: {text}"
CLI_GOAL_DETAILS = "  {line}"
CLI_GOAL_STEP = "  {date}  {status:<8}  {text}"
CLI_GOAL_FOLLOWUP = "      opfølgning: {status}"
CLI_GOAL_NOT_FOLLOWED = "ikke vurderet endnu"
CLI_SEARCH_HELP = 'Søg i alle dialogers noter: ord (alle skal findes), "fraser" og præfiks*.'
CLI_SEARCH_KIND_HELP = "Kun noter markeret som mål, opmærksomhedspunkt, aftale eller observation."
CLI_SEARCH_CUT = "Viser de første {limit} noter; brug --limit for flere"
CLI_SEARCH_THEME_HELP = (
    'Kun noter med dette tema: navn eller nøgle (fx tilstedeværelse, "Faglige resultater").'
)
CLI_SEARCH_LIMIT_HELP = "Højst så mange resultater (standard: 100)."
CLI_SEARCH_EMPTY = "Intet fundet."
CLI_SEARCH_HIT = "{date}  {school}  punkt {number} {title}: {internal}{snippet}"
CLI_SEARCH_INTERNAL = "(intern) "
CLI_STATUS_HELP = (
    "Sæt en dialogs status: afholdt eller endelig. "
    "Ikke mens dialogen er åben til redigering et andet sted."
)
CLI_STATUS_BAD = "ukendt status: {status} (brug afholdt eller endelig; genåbn med »reopen«)"
CLI_STATUS_DONE = "Dialog {id} er nu {status}."
CLI_UNTICKED = "Advarsel: {count} punkt(er) på tjeklisten er ikke krydset af:"
CLI_UNTICKED_ITEM = "  - {text}"
CLI_REOPEN_HELP = "Genåbn en endelig dialog til rettelser; begrundelsen gemmes med tidspunktet."
CLI_REOPEN_REASON_HELP = "Hvorfor dialogen genåbnes (skal angives)."
CLI_REOPENED = "Dialog {id} er genåbnet (afholdt)."
CLI_BAD_ID = "ugyldigt id: {value} (skriv et tal, fx 12)"
CLI_BAD_NUMBER = "ugyldig værdi for {option}: {value} (skriv et tal)"
CLI_ID_OUT_OF_RANGE = "ugyldigt id: {value} (et id er et tal fra 1 til {max})"
CLI_NUMBER_OUT_OF_RANGE = "ugyldig værdi for {option}: {value} (skriv et tal fra 1 til {max})"
CLI_BAD_DATE = "ugyldig dato: {value} (skriv fx 2026-03-10 eller 10.3.2026)"

STATUS = {"draft": "kladde", "held": "afholdt", "final": "endelig"}

KIND_LABELS = {
    "observation": "Observation",
    "goal": "Mål",
    "attention": "Opmærksomhedspunkt",
    "agreement": "Aftale",
}
THEME_LABELS = {
    "trivsel": "Trivsel",
    "faglige-resultater": "Faglige resultater",
    "tilstedevaerelse": "Tilstedeværelse og fravær",
    "ungdomsuddannelse": "Overgang til ungdomsuddannelse",
    "elevinddragelse": "Elevinddragelse og indflydelse",
    "foraeldresamarbejde": "Forældresamarbejde",
    "inklusion": "Inklusion",
    "skolefritid": "Skolefritidsliv",
    "medarbejdere": "Medarbejdere",
}
FOLLOWUP_STATUS_LABELS = {
    "opfyldt": "Opfyldt",
    "delvist opfyldt": "Delvist opfyldt",
    "ikke opfyldt": "Ikke opfyldt",
    "videreført": "Videreført",
}

# Pydantic's error types in Danish; unknown types fall back to pydantic's text.
VALIDATION_ERRORS = {
    "missing": "mangler",
    "extra_forbidden": "ukendt felt",
    "string_type": "skal være tekst",
    "string_too_short": "må ikke være tom",
    "string_too_long": "er for lang (højst {max_length} tegn)",
    "int_type": "skal være et heltal",
    "int_parsing": "skal være et heltal",
    "int_from_float": "skal være et heltal",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "list_type": "skal være en liste",
    "dict_type": "skal være et objekt",
    "model_type": "skal være et objekt",
    "too_short": "må ikke være tom",
    "greater_than_equal": "er for lille (mindst {ge})",
    "less_than_equal": "er for stor (højst {le})",
    "date_from_datetime_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_type": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "time_parsing": "skal være et klokkeslæt (TT:MM)",
    "time_type": "skal være et klokkeslæt (TT:MM)",
    "datetime_parsing": "skal være et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)",
    "literal_error": "skal være en af: {expected}",
    "enum": "skal være en af: {expected}",
    "value_error": "{error}",
    # The model's classes are dataclasses: their own names for the same errors.
    "unexpected_keyword_argument": "ukendt felt",
    "missing_argument": "mangler",
    "dataclass_type": "skal være et objekt",
}
VALUE_ERRORS = {
    "title must not be empty": "titlen må ikke være tom",
    "school must not be empty": "skolen skal have et navn",
    "case handler initials are 2-4 letters": "sagsbehandlerens initialer er 2-4 bogstaver",
    "the meeting must end after it starts": "mødet skal slutte efter det begynder",
    "agenda point numbers start at 1": "dagsordenspunkter tælles fra 1",
    "moment out of range": "tidspunktet ligger uden for årene 1–9999",
}
ROOT_FIELD = "(rod)"

# --- App: common -------------------------------------------------------------
APP_TITLE = "dialog-tui"
HELP_GROUP_APP = "Generelt"
HELP_GROUP_LIST = "Dialoger"
HELP_GROUP_NOTES = "Noter"
HELP_GROUP_MEETING = "Møde og dagsorden"
HELP_GROUP_AGENDA = "Dagsordenslisten"
HELP_GROUP_MODAL = "Dialogbokse"
KEY_QUIT = "Afslut"
KEY_HELP = "Hjælp"
KEY_PALETTE = "Kommandoer"
PALETTE_PLACEHOLDER = "Søg efter en kommando …"
GOAL_THEME_LABEL = "Tema (skriv begyndelsen, → fuldfører; tomt: intet tema)"
KEY_BACK = "Tilbage"
KEY_TO_LIST = "Tilbage (til listen, søgningen eller målene)"
KEY_CANCEL = "Fortryd"
KEY_OK = "OK"
HELP_TITLE = "Taster"
HELP_FOOTER = (
    "Esc eller F1 (Ctrl+_) lukker. Alle handlinger findes også i kommandopaletten (Ctrl+P)."
)
YES = "Ja"
CONFIRM_KEYS = "[b]J[/b]a / [b]N[/b]ej"
NO = "Nej"
SAVE_FAILED = "Kunne ikke gemme: {message}"

# --- App: dialogue list ------------------------------------------------------
LIST_TITLE = "Skoleudviklingssamtaler"
LIST_BIN_TITLE = "Papirkurv (slettede dialoger)"
LIST_FILTER_PLACEHOLDER = "Skriv for at filtrere (skole, dato, sagsnr.) …"
LIST_COLUMNS = ("Dato", "Skole", "Status", "Sagsnr.", "Sagsbeh.")
LIST_EMPTY = "Ingen dialoger endnu. Tryk Ctrl+N for at oprette den første."
LIST_BIN_EMPTY = "Papirkurven er tom."
KEY_OPEN = "Åbn"
KEY_NEW = "Ny dialog"
KEY_DELETE = "Slet"
KEY_BIN = "Papirkurv"
KEY_RESTORE = "Gendan"
CONFIRM_DELETE = "Flyt dialogen med {school} ({date}) til papirkurven?\nDen kan gendannes derfra."
DELETED = "{school} ({date}) er flyttet til papirkurven (F8 viser den)."
RESTORED = "{school} ({date}) er gendannet."

# --- App: new dialogue form --------------------------------------------------
FORM_TITLE = "Ny skoleudviklingssamtale"
FORM_SCHOOL = "Skole"
FORM_MUNICIPALITY = "Kommune"
FORM_DATE = "Dato (fx 4.4.2025)"
FORM_STARTS = "Fra kl."
FORM_ENDS = "Til kl."
FORM_LOCATION = "Sted"
FORM_AGENDA = "Dagsorden"
FORM_CASE_NUMBER = "Sagsnr. (fx 17.01.00-G01-1-25)"
FORM_CASE_HANDLER = "Sagsbehandler (initialer)"
FORM_MEMO_DATE = "Notatets dato"
FORM_PARTICIPANTS = "Deltagere, én pr. linje: Navn, rolle, organisation"
FORM_SAVE = "Opret (Ctrl+S)"
KEY_SAVE = "Opret"
FORM_BAD_DATE = "Ugyldig dato: skriv fx 4.4.2025 eller 2025-04-04"
FORM_BAD_TIME = "Ugyldigt klokkeslæt: skriv fx 9 eller 09:30"
FORM_REQUIRED = "Skal udfyldes"
FORM_CASE_NUMBER_WARNING = (
    "Sagsnummeret ligner ikke et KLE-nummer (fx 17.01.00-G01-1-25); det gemmes alligevel."
)
FORM_HAS_ERRORS = "Ret de markerede felter."
CREATED = "Dialogen med {school} er oprettet."

# --- App: meeting ------------------------------------------------------------
MEETING_PROMPTS = "Spørgsmål til punktet"
MEETING_TAGGED = "Markeret indtil nu"
MEETING_NO_TAGGED = "Intet markeret endnu (F3 mål, F4 opmærksomhedspunkt, F5 aftale)."
MEETING_EMPTY_POINT = "Ingen noter endnu."
MEETING_CLOCK = "Møde {clock}"
MEETING_POINT_CLOCK = "Punkt {number}: {used}/{planned} min"
MEETING_POINT_CLOCK_UNPLANNED = "Punkt {number}: {used} min"
MEETING_OVER = "OVER TID"
MEETING_SAVED = "Gemt {time}"
MEETING_READ_ONLY = "Endelig: kun læsning"
AGENDA_MINUTES = "{used}/{planned} min"
AGENDA_MINUTES_UNPLANNED = "{used} min"
KEY_NEW_NOTE = "Ny note"
KEY_INDENT = "Indryk"
KEY_OUTDENT = "Ryk ud"
KEY_TOGGLE_KIND = "Punkt/afsnit"
KEY_NOTE_UP = "Flyt note op"
KEY_NOTE_DOWN = "Flyt note ned"
KEY_NOTE_TO_POINT = "Flyt til punkt"
KEY_DELETE_NOTE = "Slet note"
KEY_UNDO = "Fortryd"
KEY_OBSERVATION = "Obs."
KEY_GOAL = "Mål"
KEY_ATTENTION = "Opm."
KEY_AGREEMENT = "Aftale"
KEY_THEME = "Tema"
KEY_INTERNAL = "Intern"
KEY_GOAL_DETAILS = "Måldetaljer"
KEY_PREV_POINT = "Forrige punkt"
KEY_NEXT_POINT = "Næste punkt"
KEY_NEW_POINT = "Nyt punkt"
KEY_RENAME_POINT = "Omdøb punkt"
KEY_PARTICIPANTS = "Deltagere"
KEY_AGENDA = "Dagsorden"
KEY_POINT_UP = "Flyt punkt op"
KEY_POINT_DOWN = "Flyt punkt ned"
TAG_MARKERS = {
    "observation": "OBS",
    "goal": "MÅL",
    "attention": "OPM",
    "agreement": "AFT",
}
INTERNAL_MARKER = "INTERN"
UNDONE = "Fortrudt: {what}"
NOTHING_TO_UNDO = "Intet at fortryde."
UNDO_WHAT = {
    "delete": "sletning",
    "move": "flytning",
    "tags": "markering",
    "level": "indrykning",
    "kind": "punkt/afsnit",
    "internal": "intern",
    "paste": "indsætning",
}
PROMPT_NEW_POINT = "Nyt dagsordenspunkt: titel[, minutter]"
PROMPT_RENAME_POINT = "Omdøb punkt {number}: titel[, minutter]"
PROMPT_THEME = "Tema (skriv for at søge)"
PROMPT_MOVE_TO_POINT = "Flyt noten til punkt nr. (1-{count})"
BAD_POINT_NUMBER = "Skriv et punktnummer fra 1 til {count}."
UNKNOWN_THEME = "Ukendt tema: {theme}"

# --- App: goal details -------------------------------------------------------
GOAL_INDICATOR = "Indikator (hvad måles?)"
GOAL_BASELINE = "Udgangspunkt"
GOAL_TARGET = "Mål"
GOAL_DUE = "Frist (dato)"
GOAL_KEYS = "Enter/Ctrl+S: gem · Esc: fortryd"
GOAL_F9_HINT = "Markeret som mål. F9: indikator, udgangspunkt, mål og frist."

# --- App: participants -------------------------------------------------------
PARTICIPANTS_ADD = "Tilføj: Navn, rolle, organisation (Enter)"
PARTICIPANTS_KEYS = "Mellemrum: til stede/afbud · P: kun punkt … · F: fra dette punkt · Esc: luk"
PARTICIPANTS_EMPTY = "Ingen deltagere endnu."
PARTICIPANT_PRESENT = "til stede"
PARTICIPANT_ABSENT = "afbud"
PARTICIPANT_ONLY = "kun punkt {points}"
KEY_TOGGLE_PRESENT = "Til stede/afbud"
KEY_ONLY_POINTS = "Kun under punkt …"
KEY_REMOVE_PARTICIPANT = "Fjern"
PROMPT_ONLY_POINTS = "Deltog kun under punkt (fx 2 eller 2,3; tomt = alle)"
BAD_POINT_LIST = "Skriv punktnumre adskilt af komma, fx 2,3."

# --- Year over year (app) ------------------------------------------------------
HELP_GROUP_SEARCH = "Søgning"
HELP_GROUP_GOALS = "Målhistorik"
KEY_FOLLOWUP_NEW = "Næste års dialog"
KEY_SEARCH = "Søg"
KEY_GOAL_HISTORY = "Skolens mål"
KEY_OVERVIEW = "Oversigt til byrådet"
KEY_FOLLOWUPS = "Opfølgning"
KEY_CHECKLIST = "Tjekliste"
KEY_STATUS = "Status"
KEY_TICK = "Afkryds"
KEY_MET = "Opfyldt"
KEY_PARTLY_MET = "Delvist opfyldt"
KEY_NOT_MET = "Ikke opfyldt"
KEY_CARRY_ON = "Videreført"
KEY_CLEAR_STATUS = "Ingen status"
KEY_MARK_HELD = "Afholdt"
KEY_MARK_FINAL = "Endelig"
KEY_REOPEN = "Genåbn"
KEY_TO_CHECKLIST = "Til tjeklisten"
KEY_HELD_ANYWAY = "Afholdt alligevel"
KEY_OPEN_RESULT = "Åbn ved noten"
KEY_NEXT_RESULT = "Næste resultat"
KEY_PREV_RESULT = "Forrige resultat"
FOLLOWUP_ALREADY = "Bemærk: dialogen er allerede fulgt op ({dates})."
PROMPT_FOLLOWUP_DATE = "Opfølgning af {school} ({date}): dato for næste års dialog"
FOLLOWUP_CREATED = "Opfølgningen er oprettet. Ctrl+O viser sidste års mål og aftaler."
READ_ONLY_FINAL = (
    "Dialogen er endelig og kan ikke ændres. Genåbn den først (F10, eller Esc Ctrl+F)."
)
READ_ONLY_LOCKED = "Dialogen er åben et andet sted og kan kun læses her."
FINAL_OPENED = "Dialogen er endelig og vises kun til læsning. F10 (eller Esc Ctrl+F) genåbner den."

FOLLOWUPS_TITLE = "Opfølgning på sidste års mål"
FOLLOWUPS_EMPTY = (
    "Ingen opfølgning: dialogen er ikke oprettet som opfølgning af en tidligere "
    "(Ctrl+O på dialoglisten)."
)
FOLLOWUPS_KEYS = (
    "1 opfyldt · 2 delvist · 3 ikke opfyldt · 4 videreført · 0 ingen · "
    "Tab: nået værdi og kommentar · Esc: luk"
)
FOLLOWUP_REACHED_LABEL = "Nået værdi"
FOLLOWUP_COMMENT_LABEL = "Kommentar"
FOLLOWUP_REACHED_SHORT = "nået {reached}"
FOLLOWUP_CARRIED_GOAL_KEPT = (
    "Målet, der blev videreført i denne dialog, står der stadig; slet det med F8, "
    "hvis det ikke skal videreføres."
)
FOLLOWUP_CARRIED = "Videreført som mål i denne dialog (punkt {number})."
FOLLOWUP_SUMMARY = "{done}/{total} vurderet"
FOLLOWUP_PROGRESS = "Opfølgning {done}/{total} vurderet"
FOLLOWUP_PROGRESS_SHORT = "Opfølgning {done}/{total}"

CHECKLIST_TITLE = "Tjekliste (Folkeskoleloven § 40 a)"
CHECKLIST_EMPTY = "Dagsordenen har ingen tjekliste."
CHECKLIST_KEYS = "Mellemrum/Enter: afkryds · Esc: luk"
CHECKLIST_PROGRESS = "Tjekliste {done}/{total}"
MEETING_STATUS = "Status: {status}"
CHECKLIST_DONE = "{done}/{total} afkrydset"

STATUS_TITLE = "Dialogens status"
STATUS_NOW = "Status nu: [b]{status}[/b]"
STATUS_CHANGE = "{at}: {from_status} → {to_status}"
STATUS_ACTIONS = {
    "held": "Markér som afholdt",
    "final": "Markér som endelig (kan derefter kun læses)",
    "reopen": "Genåbn til redigering (årsag skal angives)",
}
STATUS_KEYS = "A: afholdt · E: endelig · G: genåbn · Enter: valgte · Esc: luk"
STATUS_UNTICKED = "Disse punkter på tjeklisten er ikke afkrydset:"
STATUS_UNTICKED_KEYS = "T: til tjeklisten · J: markér som afholdt alligevel · Esc: tilbage"
STATUS_NOT_ALLOWED = "Det kan ikke lade sig gøre fra status »{status}«."
CONFIRM_FINAL = (
    "Markér dialogen som endelig?\nDen kan derefter kun læses, indtil den genåbnes "
    "(genåbningen registreres med tid og årsag)."
)
PROMPT_REOPEN_REASON = "Hvorfor genåbnes dialogen? (registreres)"
REOPEN_REASON_MISSING = "Skriv en årsag for at genåbne; dialogen er uændret."
STATUS_SET = "Dialogen er nu {status}."

SEARCH_TITLE = "Søg i alle dialoger"
SEARCH_PLACEHOLDER = 'Søg: ord eller ordbegyndelser, "en frase" …'
SEARCH_YEAR = "År"
SEARCH_KIND = "Type"
SEARCH_HINT = (
    "Skriv for at søge i alle noter, eller vælg kun et filter. Enter åbner dialogen ved noten."
)
SEARCH_NO_HITS = "Ingen noter matcher."
SEARCH_COUNT = "{count} noter · ↑↓ vælg · Enter åbner dialogen ved noten"
SEARCH_COUNT_ONE = "1 note · Enter åbner dialogen ved noten"
SEARCH_COUNT_MAX = "De første {count} noter; skriv mere for at indsnævre · Enter åbner"
SEARCH_FAILED = "Søgningen kunne ikke udføres: {message}"
SEARCH_HIT_HEAD = "{school} · {date} · punkt {number}. {title}"

GOALS_TITLE = "Målhistorik: {school}"
GOALS_EMPTY = "{school} har ingen mål endnu."
GOALS_CHAIN = "Mål {number}: {years}"
GOALS_FOLLOWED = "Året efter: {status}"
GOALS_NOT_FOLLOWED = "Ikke fulgt op endnu"
GOALS_KEYS = "Enter: åbn dialogen ved målet · Esc: tilbage"

OVERVIEW_SCREEN_TITLE = "Oversigt til byrådet: skolernes mål"
OVERVIEW_YEAR_LABEL = "År (afholdte og endelige samtaler det år)"
OVERVIEW_KEYS = "Enter/Ctrl+S: skriv Word-filen · Esc: fortryd"
OVERVIEW_BAD_YEAR = "Skriv året med fire cifre, fx 2025."
OVERVIEW_CPR_CONFIRM = (
    "Der ser ud til at stå et CPR-nummer i {places}.\n"
    "Oversigten sendes til byrådet. Eksportér alligevel?"
)
OVERVIEW_DONE = "Oversigten er skrevet: {path}"
# --- Export ------------------------------------------------------------------
MEMO_DATE = "Dato: {date}"
MEMO_CASE_NUMBER = "Sags nr.: {case_number}"
MEMO_CASE_HANDLER = "Sagsbehandler: {initials}"
MEMO_TITLE = "Referat fra skoleudviklingssamtale på {school} {date}"
MEMO_SUBJECT = "Skoleudviklingssamtale {school} {year}"
MEMO_RUNNING_HEADER = "Notat: {title}"
MEMO_PAGE = "Side "
MEMO_PAGE_OF = " af "
MEMO_PARTICIPANTS = "Deltagere:"
MEMO_FROM = "Fra {organisation}: {people}"
MEMO_ADMINISTRATION = "forvaltningen"
MEMO_ABSENT = "Afbud: {people}"
MEMO_ATTENDED_POINTS = "deltog under punkt {points}"
MEMO_ATTENDED_FROM = "deltog fra punkt {point}"
MEMO_ATTENDED_THIS_POINT = "Under dette punkt deltog {people}."
MEMO_ATTENDED_FROM_HERE = "Fra dette punkt deltog {people}."
MEMO_ATTENDED_STRETCH = "Under punkt {points} deltog {people}."
MEMO_OPENING = "Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:"
MEMO_SECTION = "{number}) {title}"
MEMO_SUMMARY = "Opsummering"
MEMO_SUMMARY_NO_THEME = "Øvrige"
MEMO_SUMMARY_KINDS = {
    "goal": "Mål",
    "attention": "Opmærksomhedspunkt",
    "agreement": "Aftale",
}
MEMO_GOAL_CHANGE = "{baseline} → {target}"
MEMO_GOAL_DUE = "senest {date}"
MEMO_FILE_NAME = "Referat {school} {date}.docx"

TEMPLATE_NOT_FOUND = "skabelonen {path} findes ikke"
TEMPLATE_UNREADABLE = "skabelonen {path} kan ikke læses: {reason}"
TEMPLATE_NOT_WORD = "skabelonen {path} er ikke en Word-fil (.docx, .dotx eller .dotm)"
TEMPLATE_ENCRYPTED = (
    "skabelonen {path} er beskyttet med adgangskode; gem en kopi uden adgangskode og brug den"
)
TEMPLATE_OLD_WORD = "skabelonen {path} er i det gamle Word-format (.doc/.dot); gem den som .docx"
# --- Hostile templates (issue 11) ---
TEMPLATE_NOT_REGULAR = "det er ikke en almindelig fil"
TEMPLATE_TOO_BIG = "skabelonen {path} er for stor til en Word-skabelon (over {mb} MB)"
TEMPLATE_ZIP_BOMB = (
    "skabelonen {path} pakker sig ud til langt mere, end en Word-skabelon fylder; den bruges ikke"
)
TEMPLATE_PROBLEM = "skabelonen {path}: pladsholderen {tag} {problem}"
TEMPLATE_PROBLEM_SYNTAX = "er ikke skrevet rigtigt (mangler den fx sin afslutning?)"
TEMPLATE_PROBLEM_UNKNOWN = (
    "bruger et navn, der ikke findes; en skabelon kan bruge dato, sagsnr, sagsbehandler, "
    "titel, skole, aar og kommune"
)
TEMPLATE_PROBLEM_FORBIDDEN = "gør noget, en skabelon ikke må (kun pladsholdere, if og for)"
TEMPLATE_PROBLEM_INCLUDE = (
    "henter en anden fil (include, import eller extends); det må en skabelon ikke"
)
TEMPLATE_PROBLEM_TOO_BIG = (
    "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)"
)
TEMPLATE_PROBLEM_ERROR = "giver en fejl, når den udfyldes"
TEMPLATE_RENDER_FAILED = (
    "skabelonen {path} kan ikke udfyldes: pladsholderne passer ikke med Word-filens opbygning"
)
TEMPLATE_CPR = "der står et CPR-nummer ({number}) i skabelonen {path}; ret skabelonen"
TEMPLATE_OK = "skabelonen {path} er i orden"
TEMPLATE_SAMPLE_VALUES = {
    "dato": "1. januar 2025",
    "sagsnr": "00.00.00-A00-1-25",
    "sagsbehandler": "ABC",
    "titel": "Skoleudviklingssamtale på Eksempelskolen 1. januar 2025",
    "skole": "Eksempelskolen",
    "aar": "2025",
    "kommune": "Eksempel Kommune",
}
"""Values a template is tried with when it is chosen (``template check``)."""
CLI_TEMPLATE_HELP = "Kommunens Word-skabelon."
CLI_TEMPLATE_CHECK_HELP = (
    "Tjek en Word-skabelon (.docx, .dotx eller .dotm): at den kan læses, renses og udfyldes, "
    "og at dens egen tekst ikke indeholder CPR-numre."
)

CPR_FOUND = (
    "der står et CPR-nummer i {places}; ret teksten, eller brug --allow-cpr "
    "for at eksportere alligevel"
)
CPR_PLACE_POINT = "punkt {number}"
CPR_PLACE_POINTS = "punkt {numbers}"
CPR_PLACE_PARTICIPANTS = "deltagerlisten"
CPR_PLACE_FOLLOWUPS = "opfølgningen på sidste års mål"
CPR_PLACE_FIELD = "pladsholderen {{{{ {name} }}}}"
CPR_PLACE_TEMPLATE = "skabelonen"
CPR_PLACE_SCHOOL = "målene fra {school}"
CPR_PLACE_FIGURES = "nøgletallene"

PDF_NO_LIBREOFFICE = (
    "kan ikke lave PDF: LibreOffice er ikke installeret (soffice blev ikke fundet); "
    "Word-filen {path} er skrevet"
)
PDF_FAILED = "kan ikke lave PDF af {path}: {reason}"
PDF_TIMEOUT = "LibreOffice svarede ikke inden for {seconds} sekunder"

CLI_EXPORT_HELP = "Skriv dialogens notat (referat) som Word-fil."
CLI_EXPORT_OUTPUT_HELP = "Word-filen der skrives (standard: »Referat <skole> <dato>.docx«)."
CLI_EXPORT_TEMPLATE_HELP = (
    "Kommunens Word-skabelon (.docx/.dotx/.dotm); standard: template.docx i konfigurationsmappen."
)
CLI_EXPORT_NO_SUMMARY_HELP = "Udelad opsummeringen af mål, opmærksomhedspunkter og aftaler."
CLI_EXPORT_PDF_HELP = "Skriv også en PDF (kræver LibreOffice)."
CLI_EXPORT_ALLOW_CPR_HELP = "Eksportér selv om teksten ser ud til at indeholde CPR-numre."
CLI_EXPORT_WROTE = "Skrev {path}"

EXPORT_OUTPUT_LABEL = "Word-fil"
EXPORT_TEMPLATE_LABEL = "Skabelon (tom: standardlayout)"
EXPORT_SUMMARY_LABEL = "Opsummering til sidst"
EXPORT_BUTTON = "Eksportér"
EXPORT_CANCEL = "Annullér"
EXPORT_CPR_TITLE = "Mulige CPR-numre fundet"
EXPORT_CPR_EXPLAIN = (
    "Notatet bliver en del af sagen og kan ses ved aktindsigt. Ret teksten, "
    "eller bekræft at den skal eksporteres som den er."
)
EXPORT_CPR_HIT = "{place}: {number} i »{context}«"
EXPORT_CPR_CHECKSUM = " (kontrolcifret passer også)"
EXPORT_TEMPLATE_OK = "Skabelonen er i orden."
EXPORT_CPR_FIX = "Tilbage og ret"
EXPORT_CPR_CONFIRM = "Eksportér alligevel"
EXPORT_OVERWRITE = "{path} findes allerede (måske rettet i Word siden). Overskriv den?"
EXPORT_DONE = "Notatet er skrevet: {path}"
EXPORT_NO_OUTPUT = "Angiv en Word-fil at skrive til"
EXPORT_BINDING = "Eksportér notat"
EXPORT_BINDING_CANCEL = "Luk"
HELP_GROUP_EXPORT = "Eksport"

# --- Follow-up in the memo and the council overview ---------------------------
FOLLOWUP_STATUS_TEXT = {
    "opfyldt": "opfyldt",
    "delvist opfyldt": "delvist opfyldt",
    "ikke opfyldt": "ikke opfyldt",
    "videreført": "videreført",
}
FOLLOWUP_NOT_ASSESSED = "ikke vurderet"
FOLLOWUP_OUTCOME_REACHED = "{status}, nået {reached}"
FOLLOWUP_OUTCOME_TARGET = " (mål: {target})"
MEMO_FOLLOWUP_STATUS = "Status: {outcome}"
MEMO_FOLLOWUP_COMMENT = "Bemærkning: {comment}"

OVERVIEW_TITLE = "Skolernes mål fra skoleudviklingssamtalerne {year}"
OVERVIEW_SUBJECT = "Samlet oversigt til byrådet og børne- og skoleudvalget"
OVERVIEW_RUNNING_HEADER = "Oversigt: {title}"
OVERVIEW_FILE_NAME = "Skolernes mål {year}.docx"
OVERVIEW_DIALOGUES = ("{count} skoleudviklingssamtale", "{count} skoleudviklingssamtaler")
OVERVIEW_SCHOOLS = ("{count} skole", "{count} skoler")
OVERVIEW_PERIOD_ONE = "holdt {date}"
OVERVIEW_PERIOD = "holdt mellem {first} og {last}"
OVERVIEW_INTRO = (
    "Oversigten samler målene fra {dialogues} på {schools}, {period}. For hver skole står "
    "målene med indikator, udgangspunkt → mål, frist og tema, og for et mål, der er "
    "videreført fra sidste år, hvordan det gik med det."
)
OVERVIEW_DIALOGUE = "Skoleudviklingssamtale {date}"
OVERVIEW_NOT_FINAL = "{line} (referatet er endnu ikke endeligt)"
OVERVIEW_NO_GOALS = "Der blev ikke sat mål på samtalen."
OVERVIEW_THEME = "Tema: {theme}"
OVERVIEW_LAST_YEAR = "Sidste år: {outcome}"
OVERVIEW_LAST_YEAR_COMMENT = "Sidste år: {outcome}. {comment}"
OVERVIEW_NO_THEME = "Uden tema"
OVERVIEW_THEMES_HEADING = "Mål fordelt på temaer"
OVERVIEW_THEMES_INTRO = "Antal mål i alt og antal skoler med mindst ét mål inden for hvert tema."
OVERVIEW_TABLE_HEADER = ("Tema", "Mål", "Skoler")
OVERVIEW_TABLE_TOTAL = "I alt"
OVERVIEW_NONE_HELD = (
    "ingen skoleudviklingssamtaler er afholdt i {year} (kun afholdte og endelige "
    "samtaler kommer med i oversigten)"
)
CLI_OVERVIEW_HELP = (
    "Skriv skolernes mål fra årets afholdte skoleudviklingssamtaler som én Word-fil til "
    "byrådet og udvalget."
)
CLI_OVERVIEW_YEAR_HELP = "Året samtalerne er holdt i."
CLI_OVERVIEW_OUTPUT_HELP = "Word-filen der skrives (standard: »Skolernes mål <år>.docx«)."
CLI_OVERVIEW_CASE_NUMBER_HELP = "Sagsnummeret oversigten journaliseres på (byrådssagen)."

# --- Backup and restore ------------------------------------------------------
CLI_BACKUP_HELP = "Tag en sikkerhedskopi af databasen (også mens programmet er åbent)."
CLI_RESTORE_HELP = "Gendan databasen fra en sikkerhedskopi (den nuværende gemmes som .bak)."
CLI_YES_HELP = "Spørg ikke først."
BACKUP_DONE = "Sikkerhedskopi skrevet: {path}"
RESTORE_CONFIRM = "Erstat alt i {db} med indholdet af {path}?"
RESTORE_NEEDS_YES = "gendannelse erstatter hele databasen: gentag med --yes for at bekræfte"
RESTORE_DONE = "Gendannet fra {path}; den tidligere database er gemt som {bak}"
BACKUP_DAMAGED = "{path} er beskadiget (integritetstjek: {result}) (intet er ændret)"
CLI_UNLOCK_HELP = (
    "Fjern redigeringslåsen på en dialog, fx efter et nedbrud (siger først, hvis den var)."
)
UNLOCK_WHOSE = "pid {pid} på {host} siden {since}"
UNLOCK_NONE = "Dialog {id} er ikke låst."
UNLOCK_CONFIRM = (
    "Dialog {id} er låst af {whose}. Kører det program stadig, kan det ikke gemme mere. "
    "Fjern låsen?"
)
UNLOCK_NEEDS_YES = "dialogen er låst af {whose}: gentag med --yes for at fjerne låsen"
UNLOCK_DONE = "Låsen på dialog {id} er fjernet (den var {whose})."

# --- Two at once ---------------------------------------------------------------
MEETING_LOCKED = (
    "Dialogen er åben til redigering et andet sted (proces {pid} på {host}, siden {since}). "
    "Den vises kun til læsning, så ingen ændringer går tabt."
)
MEETING_LOCKED_SHORT = "Åben et andet sted: kun læsning"
LOCK_RETAKEN = "Det andet vindue er lukket: dialogen kan redigeres her nu."

# --- Meeting session: the lock lost while open (issue 12) --------------------------
LOCK_LOST = (
    "Dialogen er overtaget af et andet vindue og vises nu kun til læsning her. "
    "Det du skrev efter overtagelsen er ikke gemt: kopiér det, hvis det skal med."
)
READ_ONLY_LOCK_LOST = "Dialogen er overtaget et andet sted og kan kun læses her."
MEETING_LOCK_LOST_SHORT = "Overtaget: kun læsning"

# --- Keys that survive terminals, timers, agenda editing (issue 14) ---------------
KEYMAP_UNREADABLE = "Tastaturfilen {path} kunne ikke læses ({error}); standardtasterne bruges."
KEYMAP_PROBLEMS = "Tastaturfilen {path}: {problems} – resten bruges."
KEYMAP_NOT_TABLE = "filen er ikke en tabel"
KEYMAP_UNKNOWN_ID = "ukendt handling '{id}'"
KEYMAP_BAD_KEY = "ugyldig tast '{keys}' for '{id}'"
CLI_KEYS_HELP = "Vis hvilke taster denne terminal sender, og hvad de gør i programmet."
KEYS_TITLE = "Taster i denne terminal"
KEYS_HINT = (
    "Tryk på en tast: dens navn og hvad den gør vises. Esc to gange eller Ctrl+Q afslutter."
)
KEYS_UNBOUND = "(ikke brugt i programmet)"
KEY_CLOCK = "Start/pause mødeuret"
KEY_RESET_TIME = "Nulstil punktets tid"
MEETING_TIME_OF_DAY = "kl. {time}"
MEETING_CLOCK_PAUSED = "⏸ Esc F8"
MEETING_BEHIND = "{minutes} min. bagud"
MEETING_AHEAD = "{minutes} min. foran"
MEETING_ON_TIME = "til tiden"
KEY_DELETE_POINT = "Slet punkt"
DELETE_LAST_POINT = "Dagsordenen skal have mindst ét punkt."
DELETE_POINT_NOTES_TOO = "slet"
CONFIRM_DELETE_POINT = "Slet punkt {number} ({title})? Det har ingen noter."
PROMPT_DELETE_POINT = (
    "Punkt {number} ({title}) har noter ({count}). Flyt dem til punkt nr. (1-{last}), "
    "eller skriv slet for at slette dem med punktet:"
)
KEY_SPEAKER = "Hvem siger (navn i noten)"
PROMPT_SPEAKER = "Hvem siger det? (begyndelsen af navnet er nok)"
SPEAKER_PREFIX = "{name}: "
KEY_JOINS_FROM_HERE = "Deltager fra dette punkt"
KEY_SIDE_PANEL = "Højre panel: vis, næste side, skjul"


# --- Faults: full disks, busy, vanished or damaged databases (issue 13) -----------
DB_DAMAGED_USE_CHECK = (
    "databasen {path} er beskadiget ({reason}); kør »dialog-tui check« for at se hvad, "
    "og »dialog-tui rescue -o MAPPE« for at redde de dialoger, der kan læses"
)
UNSAVED_BANNER = "Ikke gemt: {reason}"
UNSAVED_SHORT = "Ikke gemt"
DB_WAITING = (
    "venter på databasen (en anden proces skriver i den); det skrevne gemmes, så snart den er fri"
)
UNSAVED_REFUSED = (
    "Ikke udført: der er tekst, som endnu ikke er gemt. Skriv videre; handlingen "
    "kan bruges, når teksten er gemt."
)
RECOVERY_WRITTEN = (
    "Noter, der ikke kunne gemmes i databasen, er skrevet til {path}. "
    "Kopiér teksten tilbage i dialogen, når databasen virker igen."
)
RECOVERY_FAILED = "Noter, der ikke kunne gemmes, kunne heller ikke skrives til en fil: {reason}"
CHECK_FOREIGN_KEY = "rækken {row} i tabellen {table} peger på noget i {parent}, som ikke findes"
CHECK_OK = "Databasen {path} er i orden (integritetstjek og fremmednøgler)."
CHECK_DAMAGED = (
    "Databasen {path} er beskadiget. SQLite fandt:\n{problems}\n"
    "Red de dialoger, der kan læses, med »dialog-tui rescue -o MAPPE«, eller gendan "
    "fra en sikkerhedskopi med »dialog-tui restore«."
)
RESCUE_WROTE = "Reddet: dialog {id} → {path}"
RESCUE_LOST = "Kunne ikke læses: dialog {id} ({reason})"
RESCUE_SUMMARY = "{saved} dialoger reddet til {folder}; {lost} kunne ikke læses."
BACKUP_SOURCE_DAMAGED = (
    "databasen {path} er beskadiget, så en sikkerhedskopi ville også være det "
    "(intet skrevet); kør »dialog-tui check« og »dialog-tui rescue -o MAPPE«"
)
CLI_CHECK_HELP = "Tjek om databasen er hel (SQLites integritetstjek og fremmednøgler)."
CLI_RESCUE_HELP = "Skriv hver dialog, der stadig kan læses, som JSON i en mappe."
CLI_RESCUE_OUTPUT_HELP = "Mappen, dialogerne skrives i (oprettes om nødvendigt)."
RESCUE_DAMAGED_PAGE = "en beskadiget side i databasen"
RESTORE_OPEN_ELSEWHERE = (
    "gendannelse afvist: dialog {id} er åben til redigering (proces {pid} på {host}, "
    "siden {since}); luk den dér først (intet er ændret)"
)
NETWORK_DRIVE = (
    "{path} ligger på et netværksdrev: databasen bruges af ét program ad gangen "
    "(ingen WAL), og andre må vente, til det er lukket"
)
DB_VANISHED = "databasen {path} findes ikke længere (slettet eller flyttet)"
DB_REPLACED = "databasen {path} er erstattet af en anden fil"
DB_GONE_CHOICE = (
    "Ctrl+S: skriv alt til en ny database samme sted · Ctrl+Q: afslut; det ikke gemte "
    "skrives til en gendannelsesfil"
)
KEY_RECREATE_DB = "Ny database samme sted"
DB_RECREATED = "Databasen er skrevet på ny: {path}"
DB_RECREATED_ASIDE = "Databasen er skrevet på ny: {path} (filen, der lå der, er gemt som {aside})"
# --- Key figures (nøgletal) ----------------------------------------------------
FIGURES_BAD_YEAR = "»{value}« er ikke et skoleår (skriv fx 2023/24)"
FIGURES_BAD_NUMBER = "»{value}« er ikke et tal (skriv fx 10,2; tom, .. eller - for udeladt)"
FIGURES_BAD_FLAG = "»{value}« skal være ja eller nej"
FIGURES_BAD_DATE = "»{value}« er ikke en dato (skriv fx 1.9.2024)"
FIGURES_CONFIDENTIAL = "fortroligt"
FIGURES_NO_VALUE = "intet tal"
FIGURES_TABLE_SOURCE = "Kilde"
FIGURES_EMPTY = "{path} indeholder ingen nøgletal (intet er indlæst)"
FIGURES_NOT_TEXT = (
    "{path} er hverken en CSV-fil (UTF-8 eller Windows-tegnsæt) eller en XLSX-fil "
    "(intet er indlæst)"
)
FIGURES_OLD_EXCEL = (
    "{path} er en gammel Excel-fil (.xls): gem den som .xlsx eller CSV (intet er indlæst)"
)
FIGURES_BAD_CSV = (
    "række {row}: CSV-filen kan ikke læses (anførselstegn der ikke passer, eller et felt "
    "der er alt for langt) (intet er indlæst)"
)
FIGURES_BAD_XLSX = "XLSX-filen kan ikke læses: {reason} (intet er indlæst)"
FIGURES_ZIP_TOO_BIG = "den pakker sig ud til mere end en nøgletalsfil kan fylde"
FIGURES_TOO_MANY_ROWS = "filen har over {rows} rækker (intet er indlæst)"
FIGURES_TOO_MANY_COLUMNS = "filen har over {columns} kolonner (intet er indlæst)"
FIGURES_BAD_CELL = "række {row}, kolonne {column} ({name}): {reason} (intet er indlæst)"
FIGURES_BAD_HEADER = (
    "første række skal være overskrifter: skole;indikator;skoleår;værdi eller "
    "skole;indikator;2022/23;2023/24;… (mangler: {missing}) (intet er indlæst)"
)
FIGURES_UNKNOWN_COLUMN = "ukendt kolonne »{name}« (kendte: {known} eller et skoleår)"
FIGURES_DUPLICATE_COLUMN = "kolonnen »{name}« står to gange"
FIGURES_CELL_TOO_LONG = "cellen er over {chars} tegn"
FIGURES_CELL_WITHOUT_HEADER = "værdi i en kolonne uden overskrift"
FIGURES_DUPLICATE_ROW = (
    "række {row}: samme skole, indikator, skoleår og sammenligning som række {first} "
    "(intet er indlæst)"
)
CLI_FIGURES_HELP = "Skolernes nøgletal: indlæs fra CSV eller Excel, og vis dem."
CLI_FIGURES_LOAD_HELP = (
    "Indlæs nøgletal fra en CSV- eller XLSX-fil (se docs/figures.md); samme fil igen opdaterer."
)
CLI_FIGURES_SHOW_HELP = "Vis en skoles nøgletal, én række pr. indikator."
CLI_FIGURES_SCHOOL_HELP = "Skolen (navnet som i filen; store og små bogstaver er lige gode)."
CLI_FIGURES_JSON_HELP = "Som JSON (til andre programmer)."
CLI_FIGURES_LOADED = (
    "{path}: {total} nøgletal, {added} nye, {updated} opdateret, {unchanged} uændret"
)
CLI_FIGURES_NONE = "ingen nøgletal for »{school}«{known}"
CLI_FIGURES_KNOWN = " (skoler med nøgletal: {schools})"
FIGURES_CHANGE = "{sign}{change} siden {year}"
FIGURES_SUPPRESSED = "udeladt"
FIGURES_SECRET_MARK = "fortrolig"
FIGURES_COMPARISON = "{name} {value}"
KEY_FIGURES = "Nøgletal: vis/skjul"
FIGURES_PANEL_TITLE = "Nøgletal · {school}"
FIGURES_PANEL_EMPTY = (
    "Ingen nøgletal for {school}. Indlæs dem i en terminal: dialog-tui figures load FIL "
    "(se docs/figures.md)."
)
GOAL_FIGURES_HINT = "Skolens nøgletal (→ fuldfører): {names}"
GOAL_FIGURES_LATEST = "Seneste: {value}"
FIGURES_LATEST = "Nyeste tal: {value}"
FOLLOWUP_PROPOSAL = "forslag ud fra tallene: {status} (tast {digit})"
OVERVIEW_CONFIDENTIAL = (
    "Nyeste tal: fortroligt (resultater af de nationale test offentliggøres ikke)"
)
KEY_FIGURES_HEADING = "Nøgletal"
MEMO_FIGURES_LEFT_OUT = (
    "Fortrolige nøgletal (resultater af de nationale test) er udeladt, da notatet kan "
    "blive offentligt tilgængeligt."
)
EXPORT_FIGURES_LABEL = "Nøgletal for målenes indikatorer (uden fortrolige)"
CLI_EXPORT_FIGURES_HELP = (
    "Tilføj en tabel med nøgletallene for målenes indikatorer (fortrolige udelades)."
)

# --- The case handler's day (issue 15) ----------------------------------------
# Settings files (themes.toml, memo.toml) and system errors.
NOT_UTF8 = "filen er ikke UTF-8-tekst"
THEMES_BAD_KEY = (
    "temanøglen »{key}« skal være små bogstaver a-z, tal og bindestreg (fx synlig-laering)"
)
THEMES_BAD_LABEL = "temaet »{key}« skal have et navn på én linje (højst {max} tegn)"
THEMES_TWICE = "temanavnet »{label}« står to gange"
THEME_AMBIGUOUS = "»{theme}« passer på flere temaer: {themes}; skriv mere af navnet"
OS_ERRORS = {
    "FileNotFoundError": "filen eller mappen findes ikke",
    "PermissionError": "ingen adgang (tilladelse nægtet)",
    "IsADirectoryError": "det er en mappe, ikke en fil",
    "NotADirectoryError": "en del af stien er ikke en mappe",
    "FileExistsError": "findes allerede",
    "TimeoutError": "tog for lang tid",
}
OS_ERRNO = {
    28: "disken er fuld",
    30: "drevet er skrivebeskyttet",
    36: "navnet er for langt",
    5: "læse-/skrivefejl på drevet",
}
OS_ERROR_OTHER = "systemfejl (fejlkode {errno})"
JSON_ERRORS = {
    "Expecting value": "her forventes en værdi",
    "Expecting property name enclosed in double quotes": "her forventes et feltnavn i "
    "dobbelte anførselstegn",
    "Expecting ',' delimiter": "her mangler et komma",
    "Expecting ':' delimiter": "her mangler et kolon",
    "Extra data": "der står mere efter slutningen",
    "Unterminated string": 'en tekst slutter ikke (mangler ")',
    "Invalid control character": "ugyldigt kontroltegn",
    "Invalid \\escape": "ugyldig \\-kode",
}
OS_ERROR_LINE = "{path}: {reason}"
TOML_ERRORS = {
    "Invalid value": "ugyldig værdi",
    "Invalid statement": "ugyldig linje",
    "Expected '=' after a key": "der mangler = efter navnet",
    "Unclosed array": "en liste [ … ] slutter ikke",
    "Unterminated string": 'en tekst slutter ikke (mangler ")',
    "Cannot overwrite a value": "samme navn står to gange",
    "Cannot declare": "samme tabel står to gange",
    "Illegal character": "ugyldigt tegn",
    "Expected newline or end of document": "der står mere efter værdien på linjen",
}

# The header ("Oplysninger"): app screen and `dialog-tui set`.
HEADER_LABELS = {
    "school": "Skole",
    "municipality": "Kommune",
    "held_on": "Dato",
    "starts_at": "Fra kl.",
    "ends_at": "Til kl.",
    "location": "Sted",
    "case_number": "Sagsnr.",
    "case_handler": "Sagsbehandler",
    "memo_date": "Notatets dato",
    "kle": "KLE-nr.",
}
HEADER_FIELD_ERROR = "{field}: {reason}"
HEADER_KLE_WARNING = (
    "Ligner ikke et KLE-nummer (fx 17.01.00 eller 17.01.00-G01); gemmes alligevel."
)
FORM_KLE = "KLE-nr. (fx 17.01.00-G01)"
HEADER_TITLE = "Oplysninger om samtalen"
HEADER_SAVE = "Gem (Ctrl+S)"
KEY_HEADER = "Oplysninger"
KEY_HEADER_SAVE = "Gem"
HEADER_SAVED = "Oplysningerne er gemt."
HEADER_FINAL = "Dialogen er endelig: oplysningerne kan kun læses. Genåbn den først (F10 i mødet)."
CLI_SET_HELP = (
    "Ret en dialogs oplysninger (sagsnr., notatets dato, sagsbehandler, skole, dato, "
    "tidspunkt, sted, kommune, KLE-nr.). Tom tekst sletter en dato eller et klokkeslæt."
)
CLI_SET_OPTION_HELP = {
    "case_number": "Sagsnummer, fx 17.01.00-G01-1-25.",
    "memo_date": "Notatets dato, fx 14.3.2025.",
    "case_handler": "Sagsbehandlerens initialer (2-4 bogstaver).",
    "school": "Skolens navn.",
    "held_on": "Mødets dato, fx 10.3.2025.",
    "starts_at": "Mødet begynder kl., fx 9 eller 9.30.",
    "ends_at": "Mødet slutter kl., fx 12.",
    "location": "Mødested.",
    "municipality": "Kommunen.",
    "kle": "KLE-nummer med eller uden facet, fx 17.01.00-G01.",
}
CLI_SET_NOTHING = "angiv mindst én oplysning at rette, fx --case-number 17.01.00-G01-1-25"
CLI_SET_DONE = "Dialog {id} er opdateret."
CLI_WARNING = "Advarsel: {message}"
CLI_FOLLOWUP_NO_CASE_NUMBER = (
    "Den nye dialog ({id}) har intet sagsnummer endnu; sæt det med "
    "»dialog-tui set {id} --case-number …«{kle}."
)
CLI_FOLLOWUP_KLE = " (KLE {kle} som sidste år)"
PROMPT_FOLLOWUP_CASE_NUMBER = (
    "Sagsnummer for den nye dialog{kle}\nTomt: sæt det senere under Oplysninger (F12)."
)
FOLLOWUP_CASE_NUMBER_LATER = "Ingen sagsnummer endnu: sæt det under Oplysninger (F12)."

# Memo style (memo.toml).
STYLE_BAD_BULLET = "punkttegnet skal være ét synligt tegn, fx • eller o"
MEMO_TIME_RANGE = " kl. {start}-{end}"
MEMO_TIME_FROM = " kl. {start}"
MEMO_DATE_LINE_SHORT = "{weekday} d. {day}/{month} {year}"
MEMO_DATE_LINE_LONG = "{weekday} d. {date}"
MEMO_GOAL_TARGET_ONLY = "mål {target}"
MEMO_GOAL_BASELINE_ONLY = "udgangspunkt {baseline}"
EXPORT_STYLE_LINE = "Notatlayout: {style}\nSkabelon: {template}"
EXPORT_STYLE_DEFAULT = "standard (ingen memo.toml i {folder})"
EXPORT_TEMPLATE_DEFAULT = "standardlayout"
CLI_EXPORT_STYLE_HELP = "Notatlayout (TOML-fil; standard: memo.toml i konfigurationsmappen)."
CLI_EXPORT_SUMMARY_HELP = "Tag opsummeringen med (standard: som notatlayoutet siger)."

# Filing in one step.
FILING_NAME = "{case_number} Referat fra skoleudviklingssamtale {school} {date}"
FILING_NO_CASE_NUMBER = (
    "dialogen har intet sagsnummer, så notatet kan ikke journaliseres; sæt det med "
    "»dialog-tui set {id} --case-number …« eller under Oplysninger (F12)"
)
FILING_NOT_A_FOLDER = "{path} er ikke en mappe"
FILING_NO_FOLDER = "mappen {path} findes ikke"
FILING_CATEGORY = "Referat"
CLI_FILE_HELP = (
    "Journalisér i ét trin: notatet som Word-fil (og PDF/A med --pdf) navngivet "
    "»<sagsnr.> Referat fra skoleudviklingssamtale <skole> <åååå-mm-dd>«, med sagens "
    "oplysninger i dokumentegenskaberne og i en .json-fil ved siden af."
)
CLI_FILE_TO_HELP = "Mappen filerne skrives i (fx sagens mappe på drevet)."
CLI_FILE_PDF_HELP = "Skriv også en PDF/A (kræver LibreOffice)."
EXPORT_FOLDER_LABEL = "Journalisér i sagens mappe (Ctrl+G)"
KEY_FILE = "Journalisér"
FILING_DONE = "Journaliseret: {path} (+ .json)"

# The council's overview.
CLI_OVERVIEW_MUNICIPALITY_HELP = (
    'Kun denne kommunes dialoger (standard: kommunen med flest dialoger det år; "": alle).'
)
OVERVIEW_MUNICIPALITY_CHOSEN = "Oversigten gælder {municipality} ({count} af {total} dialoger)."
OVERVIEW_NO_MUNICIPALITY = "ingen dialoger fra »{municipality}« i {year} (kendte: {known})"
OVERVIEW_NOT_CARRIED = "Sidste års mål, der ikke er videreført:"
OVERVIEW_MUNICIPALITY_LABEL = "Kommune (den med flest samtaler det år; tom: alle)"
OVERVIEW_NOT_CARRIED_GOAL = "{text}: {outcome}"

# CLI filters.
CLI_NO_SCHOOL = "ingen skole hedder »{school}« eller begynder sådan"
CLI_SCHOOLS_AMBIGUOUS = "»{school}« passer på flere skoler: {schools}; skriv mere af navnet"
CLI_SEARCH_NEEDS_SOMETHING = (
    "skriv noget at søge efter, eller vælg med --school, --year, --kind eller --theme"
)

# --- The notes panel (issue 14) --------------------------------------------------
NOTE_TOO_LONG = "Noten kan højst have {max} tegn. Fortsæt i en ny note med Enter."

# --- Keys that survive terminals, @ completion (issue 14) ------------------------
KEY_NOTE_MOVE_MODE = "Flyt noten (derefter ↑/↓)"
NOTE_MOVE_MODE = "Flyt noten med ↑ og ↓; en anden tast slutter."
MEETING_CLOCK_RESUMED_SHORT = "▶ fortsat"
MEETING_CLOCK_RESUMED = (
    "Mødeuret kørte, da mødet sidst blev lukket, og kører videre nu "
    "(tiden imens tælles ikke). F8 i dagsordenslisten (Esc F8) sætter det på pause."
)
SPEAKER_CHOICE_HINT = "Tab/Enter: vælg · ↑/↓ · Esc: luk"
SPEAKER_MORE = "… og {count} til: skriv mere af navnet"

# --- Modals at 80x24: the keys, always in view (issue 14) -------------------------
EXPORT_KEYS = "Ctrl+S: eksportér · Ctrl+G: journalisér · Esc: annullér"
HEADER_KEYS = "Ctrl+S: gem · Tab: næste felt · Esc: fortryd"
PROMPT_KEYS = "Enter: OK · Esc: fortryd"

# --- The agenda list as a typist meets it (issue 14's review) -----------------
CONFIRM_RESET_TIME = (
    "Nulstil tiden for punkt {number} ({title})? Punktets {minutes} min trækkes fra mødeuret."
)
DELETE_POINT_NOT_ITSELF = (
    "Punkt {number} er det, der slettes: skriv et andet punktnummer, eller slet."
)
MEETING_CLOCK_RAN_ON = "Mødeuret kørte videre, mens mødet var lukket her ({minutes} min)."
MEETING_END = "slut {end} · "
MEETING_LEFT = "{minutes} min tilbage"
MEETING_LEFT_SHORT = "{minutes} min til slut"
MEETING_PAST_END = "+{minutes} min over"
MEETING_SAVED_SHORT = "Gemt"
MEETING_POINT_CLOCK_SHORT = "Pkt {number}: {used}/{planned}"

# --- The side panel scrolls (issue 14, big-point) ---------------------------------
KEY_SIDE_DOWN = "Højre panel: en side ned"
KEY_SIDE_UP = "Højre panel: en side op"

# --- Dialogue list, read in pages ---------------------------------------------
LIST_REST_FAILED = "Resten af listen kunne ikke læses: {message}"
