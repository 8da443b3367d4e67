"""A small hand-made graph for the explorer tests (API and browser): three fictional
articles whose sentences are written here, so every offset is known.

Asha Verenna (Mayor of Port Arlen, Lumen Party) criticised Tomas Keld three times
(2024-01-10, 2024-03-05, 2024-06-20); Keld hit back once (2024-03-05); Mira Osei supported
Verenna (2024-01-10). The Lumen Party and the Civic Bloc are ALLIED_WITH each other
(2024-03-05), and the Civic Bloc with the Harbour Alliance; Keld and Osei are in the Civic Bloc.
"""

from __future__ import annotations

from typing import Any

from loaders.contract import Extraction
from tests.integration.api_support import extraction

ASHA = "person:asha-verenna"
TOMAS = "person:tomas-keld"
MIRA = "person:mira-osei"
LUMEN = "party:lumen-party"
CIVIC = "party:civic-bloc"
HARBOUR = "alliance:harbour-alliance"
MAYOR = "office:mayor-of-port-arlen"

CRITICISM_1 = "Asha Verenna criticised Tomas Keld over the harbour budget on Wednesday."
CRITICISM_2 = "Verenna again attacked Keld, saying his figures did not add up."
CRITICISM_3 = "Asha Verenna criticised Tomas Keld once more over the ferry contract."
ALLIANCE = "The Lumen Party and the Civic Bloc said they would stand together in the election."

_PEOPLE = {
    "a": {"id": "a", "name": "Asha Verenna", "type": "Person", "aliases": ["Verenna"]},
    "t": {"id": "t", "name": "Tomas Keld", "type": "Person", "aliases": ["Keld"]},
    "m": {"id": "m", "name": "Mira Osei", "type": "Person"},
    "l": {"id": "l", "name": "Lumen Party", "type": "Party"},
    "c": {"id": "c", "name": "Civic Bloc", "type": "Party"},
    "h": {"id": "h", "name": "Harbour Alliance", "type": "Alliance"},
    "o": {"id": "o", "name": "Mayor of Port Arlen", "type": "Office"},
}


def _article(
    article_id: str,
    published: str,
    sentences: list[str],
    facts: list[tuple[str, str, str, int]],
    quotes: list[dict[str, Any]] | None = None,
) -> Extraction:
    """An article made of `sentences`; each fact (type, subject, object, sentence index)
    carries the offsets of its sentence in the text."""
    text = "Port Arlen. " + " ".join(sentences)
    used = {key for _, s, o, _ in facts for key in (s, o)}
    used |= {q["speaker"] for q in quotes or []}
    relations = []
    for rel_type, subject, obj, index in facts:
        sentence = sentences[index]
        start = text.index(sentence)
        relations.append(
            {
                "type": rel_type,
                "subject": subject,
                "object": obj,
                "evidence": {
                    "start": start,
                    "end": start + len(sentence),
                    "sentence": sentence,
                    "confidence": 0.9,
                },
            }
        )
    return extraction(
        article_id,
        published,
        [_PEOPLE[k] for k in sorted(used)],
        relations,
        text=text,
        quotes=quotes,
    )


def explorer_docs() -> list[Extraction]:
    """The three articles, oldest first."""
    first = [
        CRITICISM_1,
        "Verenna, the Mayor of Port Arlen and a Lumen Party member, called the plan reckless.",
        "Mira Osei backed Verenna in a statement.",
    ]
    second = [
        CRITICISM_2,
        "Tomas Keld hit back at Asha Verenna on Tuesday.",
        "Keld, of the Civic Bloc, was joined by Mira Osei of the Civic Bloc.",
        ALLIANCE,
        "The Civic Bloc is also allied with the Harbour Alliance.",
    ]
    third = [CRITICISM_3]
    quote_text = "the plan was reckless"
    return [
        _article(
            "explorer-1",
            "2024-01-10",
            first,
            [
                ("CRITICIZED", "a", "t", 0),
                ("HOLDS_OFFICE", "a", "o", 1),
                ("MEMBER_OF", "a", "l", 1),
                ("SUPPORTED", "m", "a", 2),
            ],
            quotes=[{"speaker": "a", "text": quote_text, "about": ["t"]}],
        ),
        _article(
            "explorer-2",
            "2024-03-05",
            second,
            [
                ("CRITICIZED", "a", "t", 0),
                ("CRITICIZED", "t", "a", 1),
                ("MEMBER_OF", "t", "c", 2),
                ("MEMBER_OF", "m", "c", 2),
                ("ALLIED_WITH", "l", "c", 3),
                ("ALLIED_WITH", "c", "h", 4),
            ],
        ),
        _article("explorer-3", "2024-06-20", third, [("CRITICIZED", "a", "t", 0)]),
    ]
