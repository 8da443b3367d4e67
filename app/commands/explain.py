"""`polikg extract --explain`: every fact with the rule that found it, its trigger and the
words it rests on, so a wrong fact can be traced to the rule (and data entry) to fix."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from loaders.contract import Extraction


def explanation(doc: Extraction) -> Table:
    """One row per relation and quote: what, by which rule, on which words."""
    names = {e.id: e.name for e in doc.entities}
    table = Table(
        title=f"{doc.article.id}: {len(doc.relations)} relations, {len(doc.quotes)} quotes",
        show_lines=True,
    )
    for column in ("fact", "rule", "trigger", "evidence"):
        table.add_column(column, overflow="fold")
    for rel in doc.relations:
        status = f" ({rel.status})" if rel.status and rel.status != "current" else ""
        fact = f"{names[rel.subject]} {rel.type} {names[rel.object]}{status}"
        words = rel.evidence.sentence if rel.evidence else ""
        where = f"[{rel.evidence.start}:{rel.evidence.end}] " if rel.evidence else ""
        table.add_row(fact, rel.rule or "?", rel.trigger or "", where + words)
    for quote in doc.quotes:
        about = ", ".join(names[a] for a in quote.about if a in names)
        fact = f"{names[quote.speaker]} SAID" + (f" (about {about})" if about else "")
        where = f"[{quote.start}:{quote.end}] " if quote.start is not None else ""
        table.add_row(fact, quote.rule or "?", "", where + quote.text)
    return table


def print_explanation(doc: Extraction, console: Console) -> None:
    console.print(explanation(doc))
