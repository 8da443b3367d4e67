"""Typed read functions: the only place that runs the `read/*.cypher` queries.

Every read is one auto-commit READ transaction (see `_fetch`) on the configured database with
a per-query timeout, so a slow query ends as a timeout instead of holding a worker. Rows come
back JSON-safe (dates as ISO strings) in the shape of the API's response models; the caller
decides what an empty answer means (e.g. 404 when an id names nothing, see `lookup_entities`).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from neo4j import READ_ACCESS, Driver, Query, Result, RoutingControl
from neo4j.exceptions import DatabaseError, DriverError, Neo4jError, TransientError

from graph_schema import FACT_TYPES, SINGLE_SEAT_OFFICE_PREFIXES, UNDIRECTED_TYPES, RelType
from queries import load, tenure
from queries.cypher_guard import CypherResultError, check_plan, precheck
from queries.rows import EntityRefRow
from queries.values import nesting_depth, to_json

log = logging.getLogger(__name__)
Row = dict[str, Any]

#: Lucene's query syntax characters, escaped in user words so they match literally.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
MAX_SEARCH_WORDS = 12


@dataclass(frozen=True)
class Reader:
    """Where reads go: the process-wide driver, the database, and the time budget per query."""

    driver: Driver
    database: str
    timeout_s: float


def _fetch(reader: Reader, name: str, **params: Any) -> list[Row]:
    """The rows of read query `name`, JSON-safe, in one auto-commit READ transaction.

    `execute_query` runs a managed transaction: BEGIN, RUN and PULL in one round trip, then
    COMMIT in a second. A read has nothing to commit, and an auto-commit transaction (RUN
    and PULL, pipelined) needs one round trip: on a busy 2-core box `RETURN 1` took p50 11
    ms and p95 45 ms through `execute_query` against 5.5 and 25 ms auto-committed. What the
    managed transaction gave is kept: the same timeout, READ access (routed to a reader in a
    cluster), the driver's bookmarks (a read sees the API's own earlier writes), and, when
    the one attempt fails with an error the driver would retry (an outage, a leader
    switch), the managed path with its bounded retries, so outages still end as 503."""
    query = Query(load(f"read/{name}"), timeout=reader.timeout_s)
    try:
        with reader.driver.session(
            database=reader.database,
            default_access_mode=READ_ACCESS,
            bookmark_manager=reader.driver.execute_query_bookmark_manager,
        ) as session:
            rows = _json_rows(session.run(query, params))
    except (Neo4jError, DriverError) as exc:
        if not exc.is_retryable():
            raise
        log.info("read/%s: %s; run again with the driver's retries", name, type(exc).__name__)
        rows = reader.driver.execute_query(
            query,
            params,
            routing_=RoutingControl.READ,
            database_=reader.database,
            result_transformer_=_json_rows,
        )
    log.debug("read/%s: %d records", name, len(rows))
    return rows


def _json_rows(result: Result) -> list[Row]:
    """Every record as a JSON-safe dict, in one pass: the read queries return maps and
    scalars only, so `Record.data()`'s own recursive walk (it turns nodes into dicts) was
    a second full pass over every value, as costly as `to_json` itself."""
    keys = result.keys()
    return [to_json(dict(zip(keys, record, strict=True))) for record in result]


def date_bounds(since: date | None, until: date | None) -> dict[str, Any]:
    """since/until as an always-closed range, so the planner sees one index range seek
    (`x >= $lo AND x <= $hi`) it can read in order, whichever bounds the caller gave."""
    return {
        "lo": since or date.min,
        "hi": until or date.max,
        "dated_only": since is not None or until is not None,
    }


def _types(types: Sequence[str] | None) -> list[str]:
    return [str(t) for t in types] if types else [str(t) for t in FACT_TYPES]


def lucene_query(text: str) -> str | None:
    """A typo-tolerant Lucene query for the user's words (None when there are none): each
    word matches exactly (boosted), as a prefix, or within 1-2 edits, all escaped."""
    clauses = []
    for word in _WORD.findall(text.lower())[:MAX_SEARCH_WORDS]:
        term = _LUCENE_SPECIAL.sub(r"\\\1", word)
        parts = [f"{term}^4"]
        if len(word) >= 3:
            parts.append(f"{term}*")
        if len(word) >= 4:
            parts.append(f"{term}~{1 if len(word) < 7 else 2}")
        clauses.append("(" + " OR ".join(parts) + ")")
    return " OR ".join(clauses) or None


def search_entities(
    reader: Reader, *, q: str | None, label: str | None, limit: int, offset: int
) -> list[Row]:
    """Entities by name or alias (full-text, best first), or all entities by name."""
    lucene = lucene_query(q) if q is not None else None
    if q is not None and lucene is None:
        return []  # the text has no searchable word
    return _fetch(reader, "search_entities", q=lucene, label=label, limit=limit, offset=offset)


def get_entity(reader: Reader, entity_id: str, *, evidence_limit: int) -> Row | None:
    """The profile, with the stored terms of each office, party and alliance added to its
    tie (read/get_entity returns them beside the ties, keyed by pair, so that the ties'
    counts and evidence stay free of the terms' own evidence)."""
    rows = _fetch(reader, "get_entity", id=entity_id, evidence_limit=evidence_limit)
    if not rows:
        return None
    profile = rows[0]
    terms = {found["pair"]: found["terms"] for found in profile.pop("terms")}
    for key, rel_type in (
        ("offices", RelType.HOLDS_OFFICE),
        ("parties", RelType.MEMBER_OF),
        ("alliances", RelType.ALLIED_WITH),
    ):
        for tie in profile[key]:
            tie["terms"] = terms.get(_tie_pair(entity_id, rel_type, tie["entity"]["id"]), [])
    return profile


def _tie_pair(entity_id: str, rel_type: str, other: str) -> str:
    """The pair key of a profile tie: alliances are stored once, smaller id first."""
    if rel_type == RelType.ALLIED_WITH:
        entity_id, other = sorted((entity_id, other))
    return f"{entity_id}|{rel_type}|{other}"


def pair_terms(reader: Reader, pairs: Sequence[str]) -> dict[str, list[Row]]:
    """The stored terms of each pair key, oldest first; pairs without terms are absent."""
    if not pairs:
        return {}
    return {r["pair"]: r["terms"] for r in _fetch(reader, "pair_terms", pairs=sorted(set(pairs)))}


def get_article(reader: Reader, article_id: str) -> Row | None:
    """One article's text, metadata, entities, claims and quotes; None when unknown."""
    rows = _fetch(reader, "get_article", id=article_id)
    return rows[0] if rows else None


def lookup_entities(reader: Reader, ids: Sequence[str]) -> dict[str, EntityRefRow]:
    """{id, name, type} of each id that names an entity; unknown ids are absent."""
    rows = _fetch(reader, "lookup_entities", ids=list(ids))
    return {r["id"]: cast(EntityRefRow, r) for r in rows}


def list_statements(
    reader: Reader,
    *,
    speaker: str | None,
    about: str | None,
    q: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> list[Row]:
    lucene = lucene_query(q) if q is not None else None
    if q is not None and lucene is None:
        return []
    if q is None and speaker is not None:  # the page-bounded path through the speaker index
        return _fetch(
            reader,
            "list_statements_by_speaker",
            speaker=speaker,
            about=about,
            **date_bounds(since, until),
            limit=limit,
            offset=offset,
        )
    return _fetch(
        reader,
        "list_statements",
        q=lucene,
        speaker=speaker,
        about=about,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


def entity_relationships(
    reader: Reader,
    entity_id: str,
    *,
    types: Sequence[str] | None,
    direction: str,
    since: date | None,
    until: date | None,
    evidence_limit: int,
    limit: int,
    offset: int,
) -> list[Row]:
    return _fetch(
        reader,
        "entity_relationships",
        id=entity_id,
        types=_types(types),
        direction=direction,
        since=since,
        until=until,
        evidence_limit=evidence_limit,
        limit=limit,
        offset=offset,
    )


def entity_counterparts(
    reader: Reader,
    entity_id: str,
    *,
    types: Sequence[str] | None,
    direction: str,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> list[Row]:
    return _fetch(
        reader,
        "entity_counterparts",
        id=entity_id,
        types=_types(types),
        direction=direction,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


def relationships_between(
    reader: Reader,
    a: str,
    b: str,
    *,
    types: Sequence[str] | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> list[Row]:
    return _fetch(
        reader,
        "relationships_between",
        a=a,
        b=b,
        types=_types(types),
        **date_bounds(since, until),
        limit=limit,
        offset=offset,
    )


def office_terms(reader: Reader, office_ids: Sequence[str]) -> list[Row]:
    """Each holder of the offices with its stored terms (read/office_terms, then
    read/pair_terms), latest holder first per office."""
    rows = _fetch(reader, "office_terms", ids=list(office_ids))
    terms = pair_terms(reader, [r["pair"] for r in rows])
    for row in rows:
        row["terms"] = terms.get(row.pop("pair"), [])
    return rows


def single_seat_terms(reader: Reader) -> tuple[int, list[Row]]:
    """How many single-seat offices (graph_schema.SINGLE_SEAT_OFFICE_PREFIXES) have holders,
    and the office_terms rows of all of them with bare terms: bounds of {date, kind,
    precision}, without text or evidence (read/single_seat_terms, one round trip)."""
    rows = _fetch(reader, "single_seat_terms", prefixes=list(SINGLE_SEAT_OFFICE_PREFIXES))
    offices = rows[0]["offices"] if rows else 0
    return offices, [
        {key: value for key, value in row.items() if key != "offices"}
        for row in rows
        if row["holder"] is not None
    ]


def tenure_checks(reader: Reader, *, offset: int, limit: int) -> tuple[int, list[Row]]:
    """How many single-seat offices were checked, and the page of their tenure checks
    (queries.tenure.tenure_checks). Every term is checked, but from bare terms; only the
    terms the page shows are then read whole (text, evidence) by their pair keys, so the
    evidence read is bounded by the page, not by the offices' history (issue 12)."""
    offices, rows = single_seat_terms(reader)
    checks = tenure.tenure_checks(rows)[offset : offset + limit]
    shown = {
        _tie_pair(entry["holder"]["id"], RelType.HOLDS_OFFICE, check["office"]["id"])
        for check in checks
        for entry in check["terms"]
    }
    whole = pair_terms(reader, list(shown))
    places = {
        id(term): (_tie_pair(row["holder"]["id"], RelType.HOLDS_OFFICE, row["office"]["id"]), i)
        for row in rows
        for i, term in enumerate(row["terms"])
    }

    def whole_term(term: Row) -> Row:
        pair, i = places[id(term)]
        found = whole.get(pair, [])
        return found[i] if i < len(found) else term  # terms rewritten in between: keep

    return offices, [
        {**check, "terms": [{**e, "term": whole_term(e["term"])} for e in check["terms"]]}
        for check in checks
    ]


def entity_stance(
    reader: Reader,
    entity_id: str,
    *,
    toward: str | None,
    by: str,
    since: date | None,
    until: date | None,
    evidence_limit: int,
    limit: int,
    offset: int,
) -> tuple[EntityRefRow | None, list[Row]]:
    """The entity's {id, name, type} and its page of stance rows. The reference comes with
    the rows (no lookup round trip first); it is None when there is no row, and then only
    the caller's lookup can tell an unknown id from a quiet entity."""
    bounds = date_bounds(since, until)
    rows = _fetch(
        reader,
        "entity_stance",
        id=entity_id,
        toward=toward,
        by=by,
        lo=bounds["lo"],
        hi=bounds["hi"],
        evidence_limit=evidence_limit,
        limit=limit,
        offset=offset,
    )
    entity = None
    for row in rows:
        entity = cast(EntityRefRow, row.pop("entity"))
    return entity, rows


def turnarounds(
    reader: Reader, *, since: date | None, until: date | None, limit: int, offset: int
) -> list[Row]:
    return _fetch(reader, "turnarounds", since=since, until=until, limit=limit, offset=offset)


def entity_timeline(
    reader: Reader,
    entity_id: str,
    *,
    types: Sequence[str] | None,
    quotes: bool,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> list[Row]:
    return _fetch(
        reader,
        "entity_timeline",
        id=entity_id,
        types=_types(types),
        quotes=quotes,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


def list_alliances(
    reader: Reader, *, since: date | None, until: date | None, limit: int, offset: int
) -> list[Row]:
    return _fetch(reader, "list_alliances", since=since, until=until, limit=limit, offset=offset)


def find_paths(
    reader: Reader,
    source: str,
    target: str,
    *,
    types: Sequence[str] | None,
    max_hops: int,
    since: date | None,
    until: date | None,
    evidence_limit: int,
    limit: int,
    offset: int,
) -> list[Row]:
    return _fetch(
        reader,
        "find_paths",
        source=source,
        target=target,
        types=_types(types),
        max_hops=max_hops,
        since=since,
        until=until,
        evidence_limit=evidence_limit,
        limit=limit,
        offset=offset,
    )


def ego_network(
    reader: Reader,
    center: str,
    *,
    depth: int,
    types: Sequence[str] | None,
    since: date | None,
    until: date | None,
    max_nodes: int,
) -> Row | None:
    """{nodes, edges, total_nodes} around `center`, or None when the id names nothing.
    Each node gets `hidden`: its neighbours (in these types and dates) that this answer does
    not show, i.e. what expanding it would add. The returned edges are exactly the links among
    the kept nodes in the window, so hidden = degree - neighbours seen in them; counting that
    here keeps a per-node list-membership test out of the query."""
    if since is None and until is None:  # all time: the aggregated edges suffice
        rows = _fetch(
            reader,
            "ego_network",
            center=center,
            depth=depth,
            types=_types(types),
            max_nodes=max_nodes,
        )
    else:
        rows = _fetch(
            reader,
            "ego_network_window",
            center=center,
            depth=depth,
            types=_types(types),
            since=since,
            until=until,
            max_nodes=max_nodes,
        )
    if not rows:
        return None
    found = rows[0]
    shown: dict[str, set[str]] = {}
    for edge in found["edges"]:
        shown.setdefault(edge["source"], set()).add(edge["target"])
        shown.setdefault(edge["target"], set()).add(edge["source"])
    for node in found["nodes"]:
        node["hidden"] = max(0, node["degree"] - len(shown.get(node["id"], ())))
    return found


def edge_evidence(
    reader: Reader,
    source: str,
    rel_type: str,
    target: str,
    *,
    since: date | None,
    until: date | None,
    context: int,
    limit: int,
    offset: int,
) -> Row | None:
    """{edge, claims} of the fact edge source-[rel_type]->target, or None when there is no
    such edge. ALLIED_WITH is stored once, from the smaller id to the larger, so either
    order of the two ids finds it."""
    if rel_type in UNDIRECTED_TYPES and target < source:
        source, target = target, source
    rows = _fetch(
        reader,
        "edge_evidence",
        source=source,
        target=target,
        type=rel_type,
        pair=f"{source}|{rel_type}|{target}",
        since=since,
        until=until,
        context=context,
        limit=limit,
        offset=offset,
    )
    return rows[0] if rows else None


def project_subgraph(
    reader: Reader,
    *,
    types: Sequence[str] | None,
    since: date | None,
    until: date | None,
    max_edges: int,
) -> list[Row]:
    """Edges {source, target, type, claims} of the fact subgraph, for analytics."""
    return _fetch(
        reader,
        "project_subgraph",
        types=_types(types),
        since=since,
        until=until,
        max_edges=max_edges,
    )


@dataclass
class CypherResult:
    columns: list[str]
    rows: list[Row]
    truncated: bool
    cut: str | None = None  # "rows" or "bytes": which cap cut the result


#: Neo4j's codes for a query that ran out of the heap one transaction may use.
_MEMORY_CODES = ("MemoryPoolOutOfMemoryError", "MemoryLimitExceeded", "OutOfMemory")
MAX_RESULT_DEPTH = 64
CYPHER_FETCH_SIZE = 100  # records Neo4j sends ahead: bounds what the byte cap cannot see


def run_cypher(
    reader: Reader, query: str, parameters: dict[str, Any], *, row_cap: int, byte_cap: int
) -> CypherResult:
    """A user's query, planned first and refused unless the plan only reads
    (ForbiddenCypherError, see `cypher_guard`), then run in the same READ transaction with
    the timeout. At most `row_cap` rows and about `byte_cap` bytes of JSON are kept.

    The transaction is unmanaged on purpose: a query that fails (runtime error, memory) is
    the user's to fix, and a driver retry would only run it again."""
    precheck(query)
    with reader.driver.session(
        database=reader.database,
        default_access_mode=READ_ACCESS,
        fetch_size=min(row_cap + 1, CYPHER_FETCH_SIZE),
    ) as session:
        try:
            with session.begin_transaction(timeout=reader.timeout_s) as tx:
                summary = tx.run("EXPLAIN " + query, parameters).consume()
                check_plan(summary.plan, summary.query_type)
                outcome = _collect(tx.run(query, parameters), row_cap=row_cap, byte_cap=byte_cap)
        except RecursionError as exc:  # the driver unpacks nested values recursively
            raise CypherResultError(
                f"the result is nested deeper than {MAX_RESULT_DEPTH} levels"
            ) from exc
        except (TransientError, DatabaseError) as exc:
            mapped = _cypher_error(exc)
            if mapped is None:
                raise
            raise mapped from exc
    log.info(
        "cypher: %d rows%s",
        len(outcome.rows),
        f" (cut at the {outcome.cut} cap)" if outcome.cut else "",
    )
    return outcome


def _cypher_error(exc: Neo4jError) -> CypherResultError | None:
    """A failure of the user's own query as a domain error; None for outages (they pass
    through to the 503 mapping)."""
    code = exc.code or ""
    if any(part in code for part in _MEMORY_CODES):
        return CypherResultError(
            "the query needs more memory than one query may use; "
            "narrow it (LIMIT, fewer rows or smaller values)"
        )
    if isinstance(exc, DatabaseError):
        return CypherResultError(f"Neo4j could not run the query: {exc.message}")
    return None


def _collect(result: Result, *, row_cap: int, byte_cap: int) -> CypherResult:
    rows: list[Row] = []
    size = 0
    columns = list(result.keys())
    for record in result:
        if len(rows) == row_cap:
            return CypherResult(columns, rows, truncated=True, cut="rows")
        values = dict(record.items())
        if nesting_depth(values, limit=MAX_RESULT_DEPTH) > MAX_RESULT_DEPTH:
            raise CypherResultError(f"the result is nested deeper than {MAX_RESULT_DEPTH} levels")
        row = to_json(values)
        size += len(json.dumps(row))
        if size > byte_cap:
            return CypherResult(columns, rows, truncated=True, cut="bytes")
        rows.append(row)
    return CypherResult(columns, rows, truncated=False)
