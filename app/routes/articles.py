"""POST /articles: ingest one article or a small batch through the same loader as the CLI."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Response
from pydantic import BaseModel, Field, field_validator

from app.deps import ApiKeyDep, DriverDep, ReaderDep, SettingsDep
from app.errors import NotFoundError
from app.routes.common import NOT_FOUND, READ_ERRORS, answer
from app.schemas import ArticleDetail
from loaders.contract import ArticleMeta
from loaders.records import published_problem
from queries import read

router = APIRouter(tags=["articles"])
MAX_BATCH = 20
MAX_TEXT = 1_000_000


class ArticleIn(BaseModel):
    """An article to ingest; `text` is required, the rest optional."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    id: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}", examples=["2023-12-21"])

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @field_validator("text", "id", "url", "title")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        """What the CLI's readers refuse (NUL bytes) or Neo4j cannot store (unpaired
        surrogates, which are not UTF-8) is a 422 here too, not a failed write."""
        if value is not None and ("\x00" in value or not _is_utf8(value)):
            raise ValueError("must be valid Unicode text without NUL characters")
        return value

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if reason := published_problem(value):
            raise ValueError(reason)
        return value


def _is_utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class ArticleOut(BaseModel):
    id: str
    status: str = Field(
        description="new, unchanged or replaced; failed: extraction failed "
        "and the article's earlier facts are kept; duplicate: the same id "
        "came earlier in this request, which was written instead"
    )
    entities: dict[str, str] = Field(description="graph id -> name of the entities it names")
    claims: int
    quotes: int


class IngestOut(BaseModel):
    articles: list[ArticleOut]
    nodes_created: int
    relationships_created: int


def _to_meta(article: ArticleIn) -> ArticleMeta:
    from loaders.article import default_article_id

    ident = article.id or article.url or default_article_id(article.text)
    return ArticleMeta(
        id=ident,
        source=article.url,
        title=article.title,
        published=article.published,
        text=article.text,
    )


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=200,
    responses={401: {"description": "API key missing or wrong"}},
)
def post_articles(
    driver: DriverDep,
    settings: SettingsDep,
    _: ApiKeyDep,
    body: Annotated[
        ArticleIn | list[ArticleIn],
        Body(
            examples=[
                {
                    "id": "example-1",
                    "published": "2024-01-05",
                    "text": "Congress president Mallikarjun Kharge attacked Prime Minister "
                    "Narendra Modi on Friday.",
                }
            ]
        ),
    ],
) -> IngestOut:
    """Extract and write one article (or up to 20); re-posting the same text changes nothing."""
    from app.errors import BadRequestError
    from loaders.extract import extract_many
    from loaders.write import write_batch

    items = body if isinstance(body, list) else [body]
    if not items or len(items) > MAX_BATCH:
        raise BadRequestError(f"send between 1 and {MAX_BATCH} articles per request")
    metas = [_to_meta(a) for a in items]
    docs = list(extract_many(metas, model=settings.spacy_model))  # small: in this process
    result = write_batch(driver, docs)
    status = {
        **dict.fromkeys(result.new, "new"),
        **dict.fromkeys(result.replaced, "replaced"),
        **dict.fromkeys(result.failed, "failed"),
    }
    out = []
    seen: set[str] = set()
    for doc in docs:
        ids = result.entity_ids.get(doc.article.id, {})
        names = {ids[e.id]: e.name for e in doc.entities if e.id in ids}
        state = (
            "duplicate"
            if doc.article.id in seen and doc.failed is None
            else status.get(doc.article.id, "unchanged")
        )
        seen.add(doc.article.id)
        out.append(
            ArticleOut(
                id=doc.article.id,
                status=state,
                entities=names,
                claims=len(doc.relations),
                quotes=len(doc.quotes),
            )
        )
    return IngestOut(
        articles=out,
        nodes_created=result.counters.nodes_created,
        relationships_created=result.counters.relationships_created,
    )


@router.get(
    "/articles/{article_id:path}",
    response_model=ArticleDetail,
    responses={**NOT_FOUND, **READ_ERRORS},
)
def get_article(
    reader: ReaderDep,
    article_id: Annotated[
        str, Path(min_length=1, max_length=500, examples=["seed-kharge-2023-12-21"])
    ],
) -> Response:
    """One article: its text and metadata, and the entities, claims and quotes taken from it.

    The id may contain slashes (articles without an id are known by their URL)."""
    article = read.get_article(reader, article_id)
    if article is None:
        raise NotFoundError("article", article_id)
    return answer(ArticleDetail.model_validate(article))
