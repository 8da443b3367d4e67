"""The text, tokens and lower-cased words of a Doc, built once per article.

spaCy stores none of these as Python objects: `Doc.text` joins every token's text each time
it is read, and each pass over a Doc makes a new Token object per token. The rules read the
whole doc a dozen times, which cost more than a tenth of extraction time; they ask through
here instead. Tokens stay valid because nothing retokenizes a doc after it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from spacy.tokens import Doc, Token

T = TypeVar("T")

TEXT_KEY = "polikg_text"
TOKENS_KEY = "polikg_tokens"
WORDS_KEY = "polikg_words"


def _kept(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """`build()`, made on the first call for this doc and kept in its user data."""
    if key not in doc.user_data:
        doc.user_data[key] = build()
    return cast(T, doc.user_data[key])


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    return _kept(doc, TEXT_KEY, lambda: doc.text)


def doc_tokens(doc: Doc) -> list[Token]:
    """`list(doc)`, made once."""
    return _kept(doc, TOKENS_KEY, lambda: list(doc))


def doc_words(doc: Doc) -> list[str]:
    """Each token's `lower_`, made once."""
    return _kept(doc, WORDS_KEY, lambda: [t.lower_ for t in doc_tokens(doc)])
