"""Ingest: from paths on disk to an up-to-date index, one document at a time, with a report of what changed."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import IndexingError
from index.store import IndexStore

# Bump when cleaning, metadata or chunking changes, so unchanged files are re-prepared once.
PIPELINE_VERSION = "2"


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    chunks_embedded: int = 0
    chunks_total: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line per count, then one line per skipped file with its reason."""
        lines = [
            f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
            f"removed {len(self.removed)}, skipped {len(self.skipped)} documents",
            f"{self.chunks_embedded} chunks embedded, {self.chunks_total} chunks in the index, {self.seconds:.1f} s",
        ]
        lines += [f"skipped {source}: {reason}" for source, reason in self.skipped]
        return "\n".join(lines)


Progress = Callable[[str, str], None]  # (source, outcome) after each file


def source_name(path: Path, root: Path) -> str:
    """A stable name for a file: the root folder's name plus the path below it, with '/' separators."""
    base = Path(os.path.abspath(root))
    base = base if base.is_dir() else base.parent
    try:  # symlinked files keep their place in the folder, wherever they point
        below = Path(os.path.abspath(path)).relative_to(base)
    except ValueError:
        below = path.resolve().relative_to(base.resolve())
    return "/".join((base.name, *below.parts))


def plan(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every file under `paths` with its source name, in a deterministic order."""
    from index.loaders import iter_files

    found: dict[str, Path] = {}
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise FileNotFoundError(f"{root} does not exist")
        for path in iter_files([root]):
            found.setdefault(source_name(path, root), path)
    return [(path, source) for source, path in sorted(found.items())]


def ingest(
    paths: Iterable[Path],
    *,
    store: IndexStore,
    chunk_chars: int = 900,
    remove_missing: bool = True,
    progress: Progress | None = None,
) -> IngestReport:
    """Bring the index in line with the files under `paths`; a bad file is reported and skipped, never fatal."""
    started = time.perf_counter()
    roots = [Path(p) for p in paths]
    files = plan(roots)
    report = IngestReport()
    for path, source in files:
        outcome = _ingest_file(path, source, store=store, chunk_chars=chunk_chars, report=report)
        if progress:
            progress(source, outcome)
    if remove_missing:
        seen = {source for _, source in files}
        scopes = tuple(source_name(r, r) + "/" for r in roots if r.is_dir())
        for source in store.documents.sources():
            if source not in seen and source.startswith(scopes):
                store.remove_document(source)
                report.removed.append(source)
    store.refresh_lexical()
    report.chunks_total = store.chunk_count()
    report.seconds = time.perf_counter() - started
    return report


def _ingest_file(path: Path, source: str, *, store: IndexStore, chunk_chars: int, report: IngestReport) -> str:
    from index.chunking import chunk_document
    from index.loaders import SUPPORTED_SUFFIXES, load_file
    from index.prepare import prepare_document

    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        report.skipped.append((source, f"unsupported file type {path.suffix or '(none)'}"))
        return "skipped"
    try:
        file_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as err:
        report.skipped.append((source, f"cannot read: {err.strerror or err}"))
        return "skipped"
    pipeline = f"{PIPELINE_VERSION}:{chunk_chars}"
    stored = store.documents.get(source=source)
    if stored and stored.file_hash == file_hash and stored.pipeline == pipeline:
        report.unchanged.append(source)
        return "unchanged"
    try:
        raw = load_file(path)
        doc = prepare_document(raw.text, source=source, title_hint=raw.title)
        chunks = chunk_document(doc, max_chars=chunk_chars)
    except IndexingError as err:
        report.skipped.append((source, str(err)))
        return "skipped"
    report.chunks_embedded += store.write_document(doc, chunks, file_hash=file_hash, pipeline=pipeline)
    if stored is None:
        report.added.append(source)
        return "added"
    if stored.version == doc.version and stored.pipeline == pipeline:
        report.unchanged.append(source)
        return "unchanged"
    report.updated.append(source)
    return "updated"
