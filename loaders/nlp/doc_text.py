"""The text of a Doc, built once.

`Doc.text` is not stored: spaCy joins every token's text each time it is read, which made
one article's extraction read its whole text once per fact. Rules ask for it through here.
"""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "polikg_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined on the first call and kept in the doc's user data."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
