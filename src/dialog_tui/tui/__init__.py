"""The Textual app: screens, widgets and their styles. Only this package imports Textual."""
