"""Document management: upload files to the index, list what it holds, delete a document."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from assistant.api.backend import library_of
from assistant.api.schemas import DeletedOut, DocumentsOut, UploadOut, document_out, outcome_out
from index.loaders import SUPPORTED_SUFFIXES

router = APIRouter(prefix="/v1/documents", tags=["documents"])
_SUPPORTED = ", ".join(sorted(SUPPORTED_SUFFIXES))
_NAME_MAX = 255  # bytes in a file name on common file systems


@router.post("", response_model=UploadOut, responses={413: {}, 415: {}, 503: {}})
async def upload(
    request: Request, files: list[UploadFile] = File(..., description=f"one or more files: {_SUPPORTED}")
) -> UploadOut:
    """Ingest the files; 200 with one outcome per file, where a damaged file is `skipped` with its reason.

    The whole request is refused (nothing ingested) with 415 when a file's type is not supported, 413 when
    there are too many files or too many bytes, and 422 for a file name the file system cannot hold.
    """
    limit = request.app.state.settings.api.max_files
    if len(files) > limit:
        raise HTTPException(413, detail=f"{len(files)} files; at most {limit} per upload (ASSISTANT_API__MAX_FILES)")
    names = [_saved_name(f.filename) for f in files]
    unsupported = [f.filename or "(no name)" for f, n in zip(files, names) if _suffix(n) not in SUPPORTED_SUFFIXES]
    if unsupported:
        detail = f"unsupported file type: {', '.join(unsupported)}; supported: {_SUPPORTED}; nothing was ingested"
        raise HTTPException(415, detail=detail)
    too_long = [f.filename for f, name in zip(files, names) if len(name.encode("utf-8")) > _NAME_MAX]
    if too_long:
        raise HTTPException(422, detail=f"file name longer than {_NAME_MAX} bytes: {too_long[0][:60]}...; rename it")
    library = library_of(request)
    contents = [(f.filename or "document", await f.read()) for f in files]
    outcomes = await run_in_threadpool(library.add, contents)
    return UploadOut(files=[outcome_out(o) for o in outcomes])


@router.get("", response_model=DocumentsOut, responses={503: {}})
def list_documents(request: Request) -> DocumentsOut:
    """Every searchable document with its metadata and chunk count."""
    return DocumentsOut(documents=[document_out(d) for d in library_of(request).list()])


@router.delete("/{doc_id}", response_model=DeletedOut, responses={404: {}, 503: {}})
def delete_document(doc_id: str, request: Request) -> DeletedOut:
    """Remove a document and its passages (an uploaded file is deleted too)."""
    if not library_of(request).delete(doc_id):
        raise HTTPException(404, detail=f"no document {doc_id!r}; GET /v1/documents lists them")
    return DeletedOut(doc_id=doc_id, deleted=True)


def _saved_name(filename: str | None) -> str:
    """The name the library saves the file under: it decides the type and must fit the file system."""
    from assistant.library import safe_filename

    return safe_filename(filename or "")


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()
