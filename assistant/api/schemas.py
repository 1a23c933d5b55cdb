"""The JSON the API takes and gives (pydantic stays here, at the HTTP edge), and conversions from the domain records."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from index.filters import Filters

if TYPE_CHECKING:  # the library pulls in the index writer, which the API only needs once it has started
    from assistant.library import DocumentInfo, FileOutcome
    from assistant.models import Answer, Citation
    from index.models import Hit

K = Field(None, ge=1, le=50, description="how many passages to retrieve (default: the assistant's)")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or whitespace")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is a 422, not silently ignored


class FiltersIn(Strict):
    """Keep only passages of documents matching every given condition."""

    date_from: date | None = None
    date_to: date | None = None
    kinds: list[str] = []
    sources: list[str] = Field([], description="source prefixes, e.g. `uploads/` or `charter/`")

    def domain(self) -> Filters:
        return Filters(self.date_from, self.date_to, tuple(self.kinds), tuple(self.sources))


class Turn(Strict):
    role: Literal["user", "assistant"]
    content: str


class AskIn(Strict):
    question: Text
    history: list[Turn] = Field([], description="earlier turns, oldest first")
    k: int | None = K
    filters: FiltersIn | None = None


class SearchIn(Strict):
    query: Text
    k: int = Field(5, ge=1, le=50)
    filters: FiltersIn | None = None


class PassageOut(BaseModel):
    """A passage with where it comes from; `start`/`end` are character offsets into the document's text."""

    text: str
    doc_id: str
    title: str
    source: str
    date: str | None
    start: int
    end: int
    score: float


class CitationOut(PassageOut):
    """A cited passage; `n` is its [n] marker in the answer and `start`/`end` the cited span."""

    n: int


class HitOut(PassageOut):
    heading: str


class AnswerOut(BaseModel):
    answer: str
    abstained: bool
    citations: list[CitationOut]
    retrieved: list[PassageOut] = Field(
        description="the passages retrieved, best first: the first three by how well their best sentence answers"
    )
    mode: Literal["extractive", "generative", "fallback"] = Field(
        description="extractive: quoted sentences; generative: written by the language model and verified; "
        "fallback: the model's answer could not be used and the quoted one is given (`note` says why)"
    )
    note: str = Field(description="what verification removed, or why the answer fell back; empty otherwise")


class SearchOut(BaseModel):
    hits: list[HitOut]


class FileOutcomeOut(BaseModel):
    filename: str
    status: Literal["added", "updated", "unchanged", "skipped"]
    source: str
    doc_id: str | None
    chunks: int
    reason: str


class UploadOut(BaseModel):
    files: list[FileOutcomeOut]


class DocumentOut(BaseModel):
    doc_id: str
    source: str
    title: str
    date: str | None
    kind: str
    author: str | None
    doc_numbers: list[str]
    chunks: int
    chars: int


class DocumentsOut(BaseModel):
    documents: list[DocumentOut]


class DeletedOut(BaseModel):
    doc_id: str
    deleted: bool


def _fields(record: object, model: type[BaseModel]) -> dict:
    return {name: getattr(record, name) for name in model.model_fields}


def citation_out(citation: Citation) -> CitationOut:
    return CitationOut(**_fields(citation, CitationOut))


def answer_out(answer: Answer) -> AnswerOut:
    return AnswerOut(
        answer=answer.text, abstained=answer.abstained, mode=answer.mode, note=answer.note,
        citations=[citation_out(c) for c in answer.citations],
        retrieved=[PassageOut(**_fields(h, PassageOut)) for h in answer.retrieved],
    )


def hit_out(hit: Hit) -> HitOut:
    return HitOut(**_fields(hit, HitOut))


def outcome_out(outcome: FileOutcome) -> FileOutcomeOut:
    return FileOutcomeOut(**_fields(outcome, FileOutcomeOut))


def document_out(info: DocumentInfo) -> DocumentOut:
    return DocumentOut(**{**_fields(info, DocumentOut), "doc_numbers": list(info.doc_numbers)})
