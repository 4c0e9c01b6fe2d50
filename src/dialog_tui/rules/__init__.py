"""Domain rules as plain functions on the model: no database, no Textual."""
