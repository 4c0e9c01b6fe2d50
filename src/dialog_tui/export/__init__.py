"""Word export: the memo, and the document parts other exports reuse.

Never imports Textual. ``memo`` builds the memo and ``overview`` the council's
overview; ``opening`` opens the template (read and cleaned by ``template`` and
``scrub``, filled in the ``sandbox``) or the default layout; ``document``
resolves styles, adds running header and page numbers, scrubs properties and
saves atomically; ``cpr`` is the one CPR check over everything printed;
``pdf`` converts through LibreOffice.
"""
