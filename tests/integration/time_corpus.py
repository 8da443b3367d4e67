"""Hand-made articles for the time features (issue 12): a chief minister sworn in,
reshuffling, resigning and re-appointed while a successor serves between; a party joining and
leaving an alliance; a leader praising, attacking and again praising her; a Speaker seat with
two holders at once; a governor who left with no successor seen. One sentence per fact, with
the sentence's offsets as evidence, so tests can check evidence against the text."""

from __future__ import annotations

from typing import Any

from loaders.contract import Extraction
from tests.integration.api_support import extraction

ASHA = "person:asha-rao"
BALA = "person:bala-iyer"
LATA = "person:lata-singh"
MOHAN = "person:mohan-das"
DEV = "person:dev-menon"
ESHA = "person:esha-pillai"
FARID = "person:farid-khan"
CM = "office:chief-minister-of-testland"
SPEAKER = "office:speaker-of-the-testland-assembly"
GOVERNOR = "office:governor-of-testland"
MINISTER = "office:minister-of-roads-of-testland"
TPP = "party:testland-peoples-party"
FRONT = "alliance:testland-front"

#: local key -> (name, type)
ENTITIES = {
    "asha": ("Asha Rao", "Person"),
    "bala": ("Bala Iyer", "Person"),
    "lata": ("Lata Singh", "Person"),
    "mohan": ("Mohan Das", "Person"),
    "dev": ("Dev Menon", "Person"),
    "esha": ("Esha Pillai", "Person"),
    "farid": ("Farid Khan", "Person"),
    "cm": ("Chief Minister of Testland", "Office"),
    "speaker": ("Speaker of the Testland Assembly", "Office"),
    "governor": ("Governor of Testland", "Office"),
    "minister": ("Minister of Roads of Testland", "Office"),
    "tpp": ("Testland Peoples Party", "Party"),
    "front": ("Testland Front", "Alliance"),
}

#: (type, subject, object, status or None, sentence)
Fact = tuple[str, str, str, str | None, str]

ARTICLES: dict[str, tuple[str, list[Fact]]] = {
    "time-01": (
        "2024-01-10",
        [
            (
                "HOLDS_OFFICE",
                "asha",
                "cm",
                "current",
                "Asha Rao was sworn in as Chief Minister of Testland on Wednesday.",
            ),
            ("MEMBER_OF", "asha", "tpp", "current", "Asha Rao leads the Testland Peoples Party."),
            (
                "ALLIED_WITH",
                "tpp",
                "front",
                "current",
                "The Testland Peoples Party joined the Testland Front.",
            ),
            ("HOLDS_OFFICE", "dev", "speaker", "current", "Speaker Dev Menon opened the session."),
            ("HOLDS_OFFICE", "dev", "minister", "current", "Dev Menon is Minister of Roads."),
            ("HOLDS_OFFICE", "esha", "minister", "current", "Esha Pillai is Minister of Roads."),
        ],
    ),
    "time-02": (
        "2024-01-12",
        [
            ("SUPPORTED", "lata", "asha", None, "Lata Singh praised Asha Rao's first budget."),
            (
                "HOLDS_OFFICE",
                "farid",
                "governor",
                "current",
                "Governor Farid Khan welcomed the new government.",
            ),
        ],
    ),
    "time-03": (
        "2024-01-20",
        [
            ("SUPPORTED", "lata", "asha", None, "Lata Singh backed Asha Rao on the dam."),
        ],
    ),
    "time-04": (
        "2024-02-01",
        [
            (
                "HOLDS_OFFICE",
                "esha",
                "speaker",
                "current",
                "Speaker Esha Pillai adjourned the house.",
            ),
            ("SUPPORTED", "mohan", "asha", None, "Mohan Das welcomed Asha Rao's plan."),
            ("CRITICIZED", "mohan", "asha", None, "Mohan Das also attacked Asha Rao's tax."),
        ],
    ),
    "time-05": (
        "2024-02-15",
        [
            (
                "HOLDS_OFFICE",
                "asha",
                "cm",
                "current",
                "Chief Minister Asha Rao reshuffled her cabinet.",
            ),
            ("CRITICIZED", "mohan", "asha", None, "Mohan Das slammed the reshuffle."),
        ],
    ),
    "time-06": (
        "2024-03-01",
        [
            ("HOLDS_OFFICE", "dev", "speaker", "current", "Speaker Dev Menon ruled on the bill."),
        ],
    ),
    "time-07": (
        "2024-03-05",
        [
            ("CRITICIZED", "lata", "asha", None, "Lata Singh accused Asha Rao of betrayal."),
        ],
    ),
    "time-08": (
        "2024-03-06",
        [
            ("CRITICIZED", "asha", "lata", None, "Asha Rao hit back at Lata Singh."),
        ],
    ),
    "time-09": (
        "2024-03-20",
        [
            (
                "HOLDS_OFFICE",
                "asha",
                "cm",
                "former",
                "Former Chief Minister Asha Rao resigned on Saturday.",
            ),
            (
                "MEMBER_OF",
                "asha",
                "tpp",
                "former",
                "Asha Rao also quit the Testland Peoples Party.",
            ),
        ],
    ),
    "time-10": (
        "2024-04-01",
        [
            (
                "HOLDS_OFFICE",
                "bala",
                "cm",
                "current",
                "Bala Iyer took over as Chief Minister of Testland.",
            ),
            (
                "ALLIED_WITH",
                "tpp",
                "front",
                "former",
                "The Testland Peoples Party quit the Testland Front.",
            ),
        ],
    ),
    "time-11": (
        "2024-05-02",
        [
            (
                "HOLDS_OFFICE",
                "asha",
                "cm",
                "current",
                "Asha Rao was re-appointed Chief Minister of Testland.",
            ),
        ],
    ),
    "time-12": (
        "2024-06-01",
        [
            (
                "HOLDS_OFFICE",
                "farid",
                "governor",
                "former",
                "Former Governor Farid Khan left for Delhi.",
            ),
        ],
    ),
    "time-13": (
        "2024-06-10",
        [
            ("SUPPORTED", "lata", "asha", None, "Lata Singh made peace with Asha Rao."),
        ],
    ),
}


def article(article_id: str, published: str, facts: list[Fact]) -> Extraction:
    """One article whose text is the facts' sentences, each fact citing its sentence."""
    text, relations, used = "", [], set()
    for rel_type, subject, obj, status, sentence in facts:
        start = len(text)
        text += sentence + " "
        used |= {subject, obj}
        rel: dict[str, Any] = {
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
        if status:
            rel["status"] = status
        relations.append(rel)
    entities = [
        {"id": key, "name": ENTITIES[key][0], "type": ENTITIES[key][1]} for key in sorted(used)
    ]
    return extraction(article_id, published, entities, relations, text=text.strip())


def time_corpus() -> list[Extraction]:
    return [article(ident, day, facts) for ident, (day, facts) in ARTICLES.items()]
