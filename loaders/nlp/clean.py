"""Input cleaning that keeps every character offset valid.

News feeds prepend a ` date YYYY-MM-DD` header and a dateline ("New Delhi:",
"KALABURAGI:", "VANCOUVER (AP) -", "Patna (Bihar) [India], January 28 (ANI):") and
sprinkle site furniture through the text ("Also Read | ...", "Advertisement",
"(File photo)"). None of it is prose. Instead of cutting it out (which would shift
every offset) we *blank* it: the cleaned text has exactly the length of the original,
with metadata and furniture replaced by spaces, so offsets found in the cleaned text
point at the same words in the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: "City:", "CITY (AP) -", "City, Jan 24 (PTI)", "Patna (Bihar) [India], January 28 (ANI):"
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\-]+(?:[ \-][A-Z][A-Za-z.'\-]+){0,3})"
    r"(?:\s*\([A-Z][A-Za-z ]+\))?(?:\s*\[[A-Z][A-Za-z ]+\])?"
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"(?:(?:\s*\((?:[A-Z]{2,6}|Reuters|[A-Z][a-z]+ News)\))?\s*(?::|-|–|—)\s+"
    r"|\s*\((?:[A-Z]{2,6}|Reuters)\)\s+)"
)
#: A line that is only an agency credit or a place-and-date line ("PTI", "New Delhi, December 21").
AGENCY_LINE = re.compile(r"^(?:[A-Z]{2,6}|Reuters|AP|AFP)\s*$")
PLACE_DATE_LINE = re.compile(
    rf"^[A-Z][A-Za-z .'\-]{{1,40}},\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*$"
)
FURNITURE_LINE = re.compile(
    r"^\s*(?:Advertisement|ADVERTISEMENT|Also Read\b.*|ALSO READ\b.*|Read now\b.*|"
    r"Read more\b.*|READ MORE\b.*|Read also\b.*|Watch\b:.*|Updated\b.*\b(?:IST|GMT|UTC|ET)\b.*|"
    r"(?:Photo|Image|File photo|Representational image)\b.*?(?:Credit|:).*|"
    r"Subscribe\b.*|Follow us\b.*|Click here\b.*)\s*$"
)
FURNITURE_INLINE = re.compile(
    r"\((?:File(?: photo| image)?|Photo|Representational(?: image)?|Image)[^)]{0,40}\)|"
    r"\b(?:Also Read|ALSO READ)\s*\|[^\n]*"
)


@dataclass(frozen=True)
class CleanText:
    """The blanked text (same length as the original) and the metadata found."""

    text: str
    published: str | None
    dateline: str | None


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n":
            chars[i] = " "


def clean(text: str) -> CleanText:
    """Blank the header, the dateline and site furniture; return what they said."""
    chars = list(text)
    published = None
    pos = 0
    if m := HEADER.match(text):
        published = m.group(1)
        _blank(chars, m.start(), m.end())
        pos = m.end()
    dateline = None
    # Leading furniture / agency / place-date lines before the first prose line.
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if not line:
            pos = line_end + 1
            continue
        if FURNITURE_LINE.match(line) or AGENCY_LINE.match(line):
            _blank(chars, pos, line_end)
            pos = line_end + 1
            continue
        if PLACE_DATE_LINE.match(line):
            dateline = line.split(",")[0].strip()
            _blank(chars, pos, line_end)
            pos = line_end + 1
            continue
        break
    if dateline is None and (m := DATELINE.match(text, pos)):
        place = m.group("place")
        # A dateline is short and is not the start of a sentence ("Congress president: ...").
        if len(place.split()) <= 4 and not text[m.end() : m.end() + 1].islower():
            dateline = place.title() if place.isupper() else place
            _blank(chars, m.start(), m.end())
    offset = 0
    for line in text.splitlines(keepends=True):
        if FURNITURE_LINE.match(line.strip()) and line.strip():
            _blank(chars, offset, offset + len(line))
        offset += len(line)
    for m in FURNITURE_INLINE.finditer(text):
        _blank(chars, m.start(), m.end())
    return CleanText("".join(chars), published, dateline)
