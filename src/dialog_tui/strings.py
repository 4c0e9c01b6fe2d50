"""Every user-facing string, in Danish, in one place for review.

Sections follow the layers: store, agenda files, exchange, CLI, then the app.
Placeholders use ``str.format`` names.
"""

# --- Store -------------------------------------------------------------------
DB_NOT_OURS = "{path} er ikke en dialog-tui-database (filen er ikke ændret)"
DB_NOT_SQLITE = "{path} er ikke en SQLite-database (filen er ikke ændret)"
DB_TOO_NEW = (
    "{path} er fra en nyere version af dialog-tui (skemaversion {found}, "
    "denne version kender {known}); opdatér programmet (filen er ikke ændret)"
)
DB_CANNOT_OPEN = "kan ikke åbne databasen {path}: {reason}"
DB_CANNOT_WRITE = "kan ikke skrive i databasen {path}: {reason}"
DB_IS_DIRECTORY = "{path} er en mappe, ikke en databasefil"
DIALOGUE_NOT_FOUND = "dialog {id} findes ikke"
AGENDA_ITEM_NOT_FOUND = "dagsordenspunkt {id} findes ikke"
NOTE_NOT_FOUND = "note {id} findes ikke"
PARTICIPANT_NOT_FOUND = "deltager {id} findes ikke"
INVALID_VALUE = "ugyldig værdi: {reason}"

# --- Agenda files ------------------------------------------------------------
AGENDA_NOT_FOUND = "dagsordenen »{name}« findes ikke (kendte: {known})"
AGENDA_UNREADABLE = "{path}: kan ikke læses: {reason}"
AGENDA_BAD_TOML = "{path}, linje {line}, kolonne {column}: ugyldig TOML: {reason}"
AGENDA_BAD_FIELD = "{path}: feltet »{field}«: {reason}"

# --- Exchange (JSON) ---------------------------------------------------------
JSON_UNREADABLE = "{path}: kan ikke læses: {reason}"
JSON_BAD_SYNTAX = "{path}, linje {line}, kolonne {column}: ugyldig JSON: {reason}"
JSON_BAD_FIELD = "{path}: feltet »{field}«: {reason}"
JSON_NEWER_FORMAT = (
    "{path}: formatet »{found}« er fra en nyere version af dialog-tui "
    "(denne version læser {known})"
)
JSON_NOT_A_DIALOGUE = "{path}: er ikke en dialog (mangler »format«: »{known}«)"
OUTPUT_UNWRITABLE = "kan ikke skrive {path}: {reason}"

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
CLI_ERROR = "dialog-tui: {message}"
CLI_LIST_EMPTY = "Ingen dialoger."
CLI_LIST_HEADER = ("Id", "Dato", "Skole", "Status", "Sagsnr.")
CLI_AGENDA_OK = "{name:<16} {items} punkter  {path}"
CLI_AGENDA_BAD = "{name:<16} FEJL: {message}"
CLI_ABORTED = "afbrudt"
CLI_AGENDAS_INVALID = "{count} dagsordensfil(er) er ugyldige"

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
}
VALUE_ERRORS = {
    "title must not be empty": "titlen må ikke være tom",
    "school must not be empty": "skolen skal have et navn",
    "case handler initials are 2-4 letters": "sagsbehandlerens initialer er 2-4 bogstaver",
    "the meeting must end after it starts": "mødet skal slutte efter det begynder",
    "agenda point numbers start at 1": "dagsordenspunkter tælles fra 1",
}
ROOT_FIELD = "(rod)"

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
MEMO_ATTENDED_THIS_POINT = "Under dette punkt deltog {people}."
MEMO_OPENING = "Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:"
MEMO_SECTION = "{number}) {title}"
MEMO_FOLLOWUPS = "Opfølgning på sidste års mål"
MEMO_FOLLOWUP_NO_STATUS = "Ikke vurderet"
MEMO_FOLLOWUP_REACHED = "Nået: {reached}"
MEMO_FOLLOWUP_TARGET = "mål: {target}"
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
TEMPLATE_NOT_WORD = "skabelonen {path} er ikke en Word-fil (.docx eller .dotx)"
TEMPLATE_ENCRYPTED = (
    "skabelonen {path} er beskyttet med adgangskode; gem en kopi uden adgangskode og brug den"
)
TEMPLATE_OLD_WORD = "skabelonen {path} er i det gamle Word-format (.doc/.dot); gem den som .docx"
TEMPLATE_BAD_PLACEHOLDER = "skabelonen {path} har en ugyldig {{{{ pladsholder }}}}: {reason}"

CPR_FOUND = (
    "der står et CPR-nummer i {places}; ret teksten, eller brug --allow-cpr "
    "for at eksportere alligevel"
)
CPR_PLACE_POINT = "punkt {number}"
CPR_PLACE_POINTS = "punkt {numbers}"
CPR_PLACE_PARTICIPANTS = "deltagerlisten"
CPR_PLACE_FOLLOWUPS = "opfølgningen på sidste års mål"
CPR_PLACE_HEADER = "dialogens oplysninger"

PDF_NO_LIBREOFFICE = (
    "kan ikke lave PDF: LibreOffice er ikke installeret (soffice blev ikke fundet); "
    "Word-filen {path} er skrevet"
)
PDF_FAILED = "kan ikke lave PDF af {path}: {reason}"

CLI_EXPORT_HELP = "Skriv dialogens notat (referat) som Word-fil."
CLI_EXPORT_OUTPUT_HELP = "Word-filen der skrives (standard: »Referat <skole> <dato>.docx«)."
CLI_EXPORT_TEMPLATE_HELP = (
    "Kommunens Word-skabelon (.docx/.dotx); standard: template.docx i konfigurationsmappen."
)
CLI_EXPORT_NO_SUMMARY_HELP = "Udelad opsummeringen af mål, opmærksomhedspunkter og aftaler."
CLI_EXPORT_PDF_HELP = "Skriv også en PDF (kræver LibreOffice)."
CLI_EXPORT_ALLOW_CPR_HELP = "Eksportér selv om teksten ser ud til at indeholde CPR-numre."
CLI_EXPORT_WROTE = "Skrev {path}"

EXPORT_SCREEN_TITLE = "Eksportér notat"
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
EXPORT_CPR_FIX = "Tilbage og ret"
EXPORT_CPR_CONFIRM = "Eksportér alligevel"
EXPORT_DONE = "Notatet er skrevet: {path}"
EXPORT_NO_OUTPUT = "Angiv en Word-fil at skrive til"
EXPORT_BINDING = "Eksportér notat"
EXPORT_BINDING_CANCEL = "Luk"
