"""The `assistant` command line: one console script with subcommands."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from assistant.settings import Settings, load_settings


def _add_index_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: from settings)")
    parser.add_argument("--embedder", default=None, help="embedder name (default: from settings)")


def _add_llm(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--llm", default=None, metavar="PROVIDER",
                        help="none | openai | local (default: ASSISTANT_LLM__PROVIDER, else none)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Vietnamese Party-document assistant")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="index documents (incremental: unchanged files cost nothing)")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the bundled corpus)")
    ingest.add_argument("--keep-missing", action="store_true", help="do not remove documents whose files are gone")
    ingest.add_argument("--chunk-chars", type=int, default=None, help="largest chunk in characters")
    _add_index_dir(ingest)
    search = commands.add_parser("search", help="show the passages retrieved for a query")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5)
    _add_index_dir(search)
    ask = commands.add_parser("ask", help="answer a question with cited sources")
    ask.add_argument("question")
    ask.add_argument("-k", type=int, default=10)
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    _add_llm(ask)
    _add_index_dir(ask)
    chat = commands.add_parser("chat", help="ask questions one after another (follow-ups use the history)")
    chat.add_argument("-k", type=int, default=10)
    _add_llm(chat)
    _add_index_dir(chat)
    from evals.cli import add_eval_arguments

    evaluate = commands.add_parser("eval", help="evaluate on Q&A sets and write a report")
    add_eval_arguments(evaluate)
    _add_index_dir(evaluate)
    for name, text in (("serve", "serve the HTTP API"), ("run", "index the bundled corpus if needed, then serve")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--host", default=None)
        sub.add_argument("--port", type=int, default=None)
        sub.add_argument("--no-ui", action="store_true", help="serve the API only, without the chat page")
        _add_index_dir(sub)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    if getattr(args, "embedder", None):
        settings.embedder.name = args.embedder
    if getattr(args, "llm", None):
        settings.llm.provider = args.llm
    return settings


def cmd_ingest(args: argparse.Namespace) -> int:
    """Index the given paths and print the summary."""
    from tqdm import tqdm

    from assistant.compose import open_store
    from index.ingest import ingest, plan

    settings = _settings(args)
    paths = args.paths or settings.index.corpus
    total = len(plan(paths))
    store = open_store(settings, index_dir=args.index_dir, create=True)
    with tqdm(total=total, unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True) as bar:

        def progress(source: str, outcome: str) -> None:
            bar.set_postfix_str(f"{outcome}: {source[-40:]}", refresh=False)
            bar.update(1)

        report = ingest(
            paths,
            store=store,
            chunk_chars=args.chunk_chars or settings.index.chunk_chars,
            remove_missing=not args.keep_missing,
            progress=progress,
        )
    print(report.summary())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Print the fused ranking for a query."""
    from assistant.compose import open_store
    from assistant.retrieval import HybridRetriever

    store = open_store(_settings(args), index_dir=args.index_dir, create=False)
    for rank, hit in enumerate(HybridRetriever(store).retrieve(args.query, k=args.k), 1):
        where = " > ".join(p for p in (hit.title, hit.heading) if p)
        print(f"[{rank}] {hit.score:.4f} {hit.source} [{hit.start}:{hit.end}] {where}")
        print(f"    {hit.text[:300]}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Print the answer and its sources, or the Answer as JSON."""
    import dataclasses
    import json

    from assistant.compose import build_assistant

    if not args.question.strip():
        print("assistant: the question is empty", file=sys.stderr)
        return 2
    answer = build_assistant(_settings(args), index_dir=args.index_dir).answer(args.question, k=args.k)
    if args.json:
        print(json.dumps(dataclasses.asdict(answer), ensure_ascii=False, indent=2))
        return 0
    _print_answer(answer)
    return 0


def _print_answer(answer) -> None:
    """The answer, a note when it was not simply quoted or written as asked, and its sources."""
    print(answer.text)
    if answer.note:
        print(f"({answer.note})")
    for c in answer.citations:
        print(f"[{c.n}] {c.title} ({c.date or 'không rõ ngày'}) — {c.source} [{c.start}:{c.end}]")


def cmd_chat(args: argparse.Namespace) -> int:
    """Read questions from stdin until EOF or "thoát"/"exit"; each answer sees the earlier turns."""
    from assistant.compose import build_assistant
    from index.text import nfc

    assistant = build_assistant(_settings(args), index_dir=args.index_dir)
    typed = sys.stdin.isatty()
    if typed:
        import readline  # noqa: F401  (line editing for input())

        print("Hỏi về các văn kiện; gõ \"thoát\" hoặc Ctrl-D để kết thúc.")
    history: list[tuple[str, str]] = []
    while True:
        try:
            question = input("Bạn: ").strip()
        except EOFError:
            print()
            return 0
        if not typed:
            print(question)  # a piped question is not echoed by a terminal: show it, so the transcript reads
        if nfc(question).casefold() in ("thoát", "thoat", "exit", "quit"):
            return 0
        if not question:
            continue
        answer = assistant.answer(question, history=history, k=args.k)
        print("Trợ lý: ", end="")
        _print_answer(answer)
        print(flush=True)
        history.append((question, answer.text))


def cmd_eval(args: argparse.Namespace) -> int:
    """Ingest --corpus paths if given, then run the Q&A sets through the assistant (and the baselines)."""
    from assistant.compose import build_assistant
    from evals.cli import main_eval

    if args.corpus:
        args.paths, args.keep_missing, args.chunk_chars = args.corpus, True, None
        cmd_ingest(args)
    assistant = build_assistant(_settings(args), index_dir=args.index_dir)
    return main_eval(args, assistant=assistant, store=assistant.retriever.store)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the API with uvicorn on the configured host and port."""
    import uvicorn

    from assistant.api import create_app
    from assistant.compose import offline_environment

    offline_environment()
    settings = _settings(args)
    host, port = args.host or settings.api.host, args.port or settings.api.port
    app = create_app(settings, index_dir=args.index_dir, mount_ui=not args.no_ui)
    page = "" if args.no_ui else f"chat page: http://{host}:{port}/ui/   "
    print(f"serving on http://{host}:{port}/   {page}API docs: http://{host}:{port}/docs", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """The main job: bring the index of the bundled corpus up to date, then serve."""
    args.paths, args.keep_missing, args.chunk_chars = [], False, None
    cmd_ingest(args)
    return cmd_serve(args)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; library errors become one-line messages and exit code 1."""
    from assistant.errors import BadSetting, LlmUnavailable
    from index.errors import IndexingError

    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    for handler in logging.getLogger().handlers:  # bm25s sets its own logger to DEBUG on import; filter here
        handler.setLevel(logging.INFO if args.verbose else logging.WARNING)
    handlers = {
        "ingest": cmd_ingest, "search": cmd_search, "ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval,
        "serve": cmd_serve, "run": cmd_run,
    }
    try:
        return handlers[args.command](args)
    except BadSetting as err:
        print(f"assistant: bad setting: {err}", file=sys.stderr)
        return 1
    except (IndexingError, LlmUnavailable, FileNotFoundError) as err:
        print(f"assistant: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("assistant: interrupted; the index is consistent, run the same command again to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
