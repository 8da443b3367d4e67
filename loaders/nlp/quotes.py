"""Direct quotations and who said them.

Quotation spans are found on the characters (straight and curly double quotes, curly
single quotes around three words or more, a quote left open at a paragraph end that
the next paragraph continues). The speaker comes from the nearest speech verb outside
the quote in the same sentence ("...," Kharge said / said X / X told reporters / X
posted on X: "..." / she was quoted as saying), from "according to X", or, for a
paragraph that is nothing but a quotation, from the quotation just before it. Pronouns
and descriptions ("he", "the chief minister") resolve to the named entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph_schema import NodeLabel
from loaders.nlp.context import PERSON_PRONOUNS, Context
from loaders.nlp.doc_text import doc_text

MIN_WORDS = 3
SPEAKER_TYPES = frozenset({NodeLabel.PERSON, NodeLabel.PARTY})
_PARA = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass
class FoundQuote:
    start: int  # character offsets of the quoted words (without the marks)
    end: int
    speaker: int | None = None
    about: list[int] = field(default_factory=list)
    sentence: Span | None = None
    confidence: float = 0.8
    rule: str = ""


def _paragraph_end(text: str, pos: int) -> int:
    m = _PARA.search(text, pos)
    return m.start() if m else len(text)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted words, outermost quotes only."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in '“"':
            closer = "”" if c == "“" else '"'
            para_end = _paragraph_end(text, i + 1)
            j = text.find(closer, i + 1, para_end)
            if c == "“" and j < 0:
                j2 = text.find('"', i + 1, para_end)  # mixed marks: “...\"
                j = j2
            if j < 0:  # open to the paragraph end: a quote continued in the next paragraph
                spans.append((i + 1, para_end))
                i = para_end
                continue
            spans.append((i + 1, j))
            i = j + 1
            continue
        if c == "‘" and (i == 0 or not text[i - 1].isalnum()):
            para_end = _paragraph_end(text, i + 1)
            for m in re.finditer("’", text[i + 1 : para_end]):
                k = i + 1 + m.start()
                if k + 1 >= n or not text[k + 1].isalpha():
                    spans.append((i + 1, k))
                    i = k
                    break
        i += 1
    return [(s, e) for s, e in spans if len(_WORD.findall(text[s:e])) >= MIN_WORDS]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _speech_verbs(ctx: Context, lo: int, hi: int, inside: set[int]) -> list[Token]:
    return [
        t
        for t in ctx.doc[lo:hi]
        if t.i not in inside and t.lemma_.lower() in ctx.lex.speech and t.pos_ in ("VERB", "AUX")
    ]


def _speaker_of_verb(ctx: Context, verb: Token, inside: set[int]) -> int | None:
    """Who a speech verb outside the quote makes the speaker: its subject, else the mention
    just before it, else a description or a name right after it ("said Vijay Kumar Singh")."""
    subject = _speaker_subject(ctx, verb, inside)
    if subject is not None:
        return subject
    if (before := _mention_before(ctx, verb, inside)) is not None:
        return before
    return _speaker_after(ctx, verb, inside)


def _speaker_subject(ctx: Context, verb: Token, inside: set[int]) -> int | None:
    cands = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not cands and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp"):
        cands = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for tok in cands:
        if tok.i in inside:
            continue
        if _former_description(ctx, tok):  # "the former chief minister posted"
            return ctx.last_person_before(tok.left_edge.i)
        for e in ctx.actor(tok):
            if ctx.type_of(e) in SPEAKER_TYPES:
                return e
        if _described_person(ctx, tok):  # "the five-time MLA from Padrauna wrote"
            return ctx.last_person_before(tok.left_edge.i)
    return None


def _speaker_after(ctx: Context, verb: Token, inside: set[int]) -> int | None:
    if any(
        c.dep_ in ("dobj", "nsubj", "attr")
        and c.i > verb.i
        and c.i not in inside
        and _described_person(ctx, c)
        for c in verb.children
    ):
        return ctx.last_person_before(verb.i)  # '"...," wrote the five-time MLA'
    for tok in ctx.doc[verb.i + 1 : min(len(ctx.doc), verb.i + 4)]:  # "said Vijay Kumar Singh"
        if ctx.mention(tok) is not None and tok.i not in inside:
            found = ctx.resolve(tok)
            if found is not None and ctx.type_of(found) in SPEAKER_TYPES:
                return found
    return None


def _former_description(ctx: Context, tok: Token) -> bool:
    """ "the former chief minister": a past holder, so not whoever holds the office now."""
    return any(c.lower_ == "the" for c in tok.children) and any(
        c.lower_ in ctx.lex.former_words for c in tok.subtree if c.i < tok.i
    )


def _described_person(ctx: Context, tok: Token) -> bool:
    """ "the outgoing chief minister", "the five-time MLA": a definite description of a
    politician, which news prose uses for the person just written about."""
    if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.children):
        return False
    m = ctx.mention(tok)
    return (m is not None and m.type == NodeLabel.OFFICE) or tok.lower_ in ctx.lex.seat_words


def _mention_before(ctx: Context, verb: Token, inside: set[int]) -> int | None:
    """ "Dhankhar – referring to Rahul Gandhi – said": the name before an aside."""
    doc = ctx.doc
    i = verb.i - 1
    closers = {"–": "–", "—": "—", ")": "(", ",": ","}
    while i >= verb.sent.start and (doc[i].pos_ == "ADV" or doc[i].text in closers):
        if doc[i].text in closers:
            opener = closers[doc[i].text]
            j = i - 1
            while j >= verb.sent.start and doc[j].text != opener and verb.i - j < 15:
                j -= 1
            if j < verb.sent.start or doc[j].text != opener:
                return None
            i = j - 1
        else:
            i -= 1
    if i < verb.sent.start or i in inside:
        return None
    m = ctx.mention(doc[i])
    if m is None:
        return None
    e = ctx.resolve(doc[i])
    return e if e is not None and ctx.type_of(e) in SPEAKER_TYPES else None


def _according_to(ctx: Context, lo: int, hi: int, inside: set[int]) -> int | None:
    for t in ctx.doc[lo:hi]:
        if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to":
            for tok in ctx.doc[t.i + 2 : min(hi, t.i + 7)]:
                if tok.i in inside:
                    break
                e = ctx.resolve(tok)
                if e is not None and ctx.type_of(e) in SPEAKER_TYPES:
                    return e
    return None


def attribute(
    ctx: Context, q_lo: int, q_hi: int, inside: set[int], *, recent: int | None = None
) -> tuple[int | None, Span, str]:
    """The speaker of the quote occupying tokens [q_lo, q_hi), its sentence span and the
    name of the rule that found the speaker.

    `recent` is the speaker of a quotation just before: "He added: ..." continues them.
    """
    doc = ctx.doc
    first, last = doc[q_lo].sent, doc[max(q_lo, q_hi - 1)].sent
    lo, hi = first.start, last.end
    if hi < len(doc) and hi <= q_hi + 1 and doc[hi].is_quote:
        hi = doc[hi].sent.end  # the closing mark was split off into the next "sentence"
    if (
        hi < len(doc)
        and hi <= q_hi + 1
        and len(doc[hi].sent) <= 8
        and any(t.lemma_.lower() in ctx.lex.speech for t in doc[hi].sent)
    ):
        hi = doc[hi].sent.end  # '“... all of Punjab?” he asked.': the tag became a sentence
    sentence = doc[lo:hi]
    after = [(v.i - q_hi, v) for v in _speech_verbs(ctx, q_hi, hi, inside)]
    before = [(q_lo - v.i, v) for v in _speech_verbs(ctx, lo, q_lo, inside)]
    # ',” Kharge said' right after the quote wins; otherwise the nearest verb either side
    close_after = [(d, v) for d, v in after if d <= 6]
    ordered = [v for _, v in sorted(close_after, key=lambda x: x[0])] + [
        v for _, v in sorted([*after, *before], key=lambda x: x[0])
    ]
    for verb in ordered:
        if recent is not None and any(
            c.dep_ == "nsubj" and c.lower_ in PERSON_PRONOUNS for c in verb.children
        ):
            return recent, sentence, "quote.pronoun_continues_speaker"
        if (speaker := _speaker_of_verb(ctx, verb, inside)) is not None:
            return speaker, sentence, "quote.speech_verb"
    if (speaker := _according_to(ctx, lo, hi, inside)) is not None:
        return speaker, sentence, "quote.according_to"
    return _sentence_subject(ctx, first, q_lo, inside), sentence, "quote.sentence_subject"


def _sentence_subject(ctx: Context, sent: Span, q_lo: int, inside: set[int]) -> int | None:
    """A quotation inside a sentence without a speech verb ("Sarma accused Gandhi of
    "provoking the crowd"") belongs to the sentence's subject."""
    if q_lo <= sent.start + 1:
        return None
    for tok in sent.root.children:
        if tok.dep_ == "nsubj" and tok.i not in inside and tok.i < q_lo:
            for e in ctx.actor(tok):
                if ctx.type_of(e) in SPEAKER_TYPES:
                    return e
    return None


def quoted_spans(doc: Doc, clean_text: str) -> list[tuple[int, int, Span]]:
    """(start char, end char, token span) of each quotation's words."""
    spans = []
    for s, e in quote_spans(clean_text):
        s, e = _strip(clean_text, s, e)
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            spans.append((s, e, span))
    return spans


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside quotation marks: known before any relation rule runs, so a pronoun
    outside a quote never finds its person inside one."""
    return {
        i for _, _, span in quoted_spans(doc, doc_text(doc)) for i in range(span.start, span.end)
    }


def find_quotes(ctx: Context, clean_text: str) -> list[FoundQuote]:
    doc = ctx.doc
    spans = quoted_spans(doc, clean_text)
    inside = {i for _, _, span in spans for i in range(span.start, span.end)}
    ctx.quoted = inside
    out: list[FoundQuote] = []
    for s, e, span in spans:
        recent = _recent_speaker(ctx, out[-1], span.start, inside) if out else None
        speaker, sentence, rule = attribute(ctx, span.start, span.end, inside, recent=recent)
        quote = FoundQuote(s, e, speaker, sentence=sentence, rule=rule)
        if speaker is None and out and out[-1].speaker is not None:
            prev = out[-1]
            gap = clean_text[prev.end : s]
            continued = gap.count("\n") >= 1 and len(gap.strip(' \n"“”,.')) == 0
            same_paragraph = "\n" not in gap and len(gap) < 200  # '"...," X said. "..."'
            if continued or same_paragraph or _next_paragraph(clean_text, prev.end, s):
                quote.speaker, quote.confidence = prev.speaker, 0.6
                quote.rule = "quote.continues_previous"
        quote.about = _about(ctx, span, speaker)
        out.append(quote)
    return out


def _next_paragraph(text: str, prev_end: int, start: int) -> bool:
    """A paragraph that is nothing but a quotation, right after a paragraph that quoted
    someone, goes on quoting them ('"...," Gaetz told reporters.' / '"He rose to the
    top..."')."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \"“”'‘") or "\n" not in text[prev_end:start]:
        return False
    return "\n" not in text[prev_end:line_start].strip()


def _recent_speaker(ctx: Context, previous: FoundQuote, start: int, inside: set[int]) -> int | None:
    """The previous quotation's speaker, if nobody else is named since ("He added: ...")."""
    span = ctx.doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if span is None or start - span.end > 60:
        return None
    named = any(
        m.type == NodeLabel.PERSON and span.end <= m.start < start and m.start not in inside
        for m in ctx.mentions
    )
    return None if named else previous.speaker


def _about(ctx: Context, span: Span, speaker: int | None) -> list[int]:
    about: list[int] = []
    for m in ctx.mentions:
        if (
            m.start >= span.start
            and m.end <= span.end
            and m.entity >= 0
            and m.entity != speaker
            and ctx.type_of(m.entity) != NodeLabel.OFFICE
            and m.entity not in about
        ):
            about.append(m.entity)
    return about


def addressed_criticism(ctx: Context, quote: FoundQuote) -> list[int]:
    """People a critical quote addresses by name ("Mr Chidambram, your party ...")."""
    if quote.speaker is None:
        return []
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    words = {t.lower_ for t in span}
    if not words & ctx.lex.negative_words:
        return []
    targets = []
    for m in ctx.mentions:
        if m.type != NodeLabel.PERSON or not (span.start <= m.start and m.end < span.end):
            continue
        nxt = ctx.doc[m.end]
        follow = {t.lower_ for t in ctx.doc[m.end + 1 : min(span.end, m.end + 4)]}
        if nxt.text == "," and follow & {"you", "your", "yours"} and m.entity != quote.speaker:
            targets.append(m.entity)
    return targets
