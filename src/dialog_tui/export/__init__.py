"""Word export: the memo, and the document parts other exports reuse.

Never imports Textual. ``memo`` builds the memo; ``document`` opens templates,
resolves styles, adds running header and page numbers, scrubs properties and
saves atomically; ``cpr`` finds CPR numbers before anything leaves.
"""
