"""The text, tokens and lower-cased words of a Doc, built once per article.

spaCy stores none of these as Python objects: `Doc.text` joins every token's text each time
it is read, and each pass over a Doc makes a new Token object per token. The rules read the
whole doc a dozen times, which cost more than a tenth of extraction time; they ask through
here instead. Tokens stay valid because nothing retokenizes a doc after it is made.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

TEXT_KEY = "polikg_text"
TOKENS_KEY = "polikg_tokens"
WORDS_KEY = "polikg_words"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined on the first call and kept in the doc's user data."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """`list(doc)`, made on the first call and kept."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[TOKENS_KEY] = list(doc)
    return tokens


def doc_words(doc: Doc) -> list[str]:
    """Each token's `lower_`, made on the first call and kept."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None:
        words = doc.user_data[WORDS_KEY] = [t.lower_ for t in doc_tokens(doc)]
    return words
