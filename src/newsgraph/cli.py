"""The `newsgraph` command: a thin layer over the library.

Each command parses its arguments, calls one library function, and turns library errors
into click errors; the work itself lives in `newsgraph.pipeline` and `newsgraph.report`.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph import __version__
from newsgraph.config import Config
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import extract as extract_records
from newsgraph.records import ErrorRecord
from newsgraph.report import dates_table, quotes_table, read_records, summary_table, timeline_table
from newsgraph.store import EXPORT_FORMATS, open_db
from newsgraph.stories import StoryIndex, assign_stories, compare_story, comparison_table

FORMATS = ("auto", "page", "article", "html", "jsonl")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph: raw news pages in, clean source-linked articles out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, help="JSONL file to write ('-' for stdout).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="How to read the inputs; auto goes by file suffix.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any document failed.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: on when stderr is a terminal).")
def extract(inputs: tuple[str, ...], output: str, fmt: str, jobs: int, strict: bool, progress: bool | None) -> None:
    """Clean news pages into articles with metadata, one JSON object a line.

    INPUTS are files, directories (read recursively) or '-' for stdin. Page-text dumps
    (.txt) are cleaned; --format article takes the text as the body as it is; HTML goes
    through trafilatura; JSONL holds one document a line. A document that cannot be read
    becomes a record {"id", "error"} and a warning; the rest goes on.

    Example: newsgraph extract demo/corpus -o articles.jsonl
    """
    show = sys.stderr.isatty() if progress is None else progress
    failures = 0
    with _library_errors(), _open_output(output) as out, _progress(show) as advance:
        for record in extract_records(inputs, fmt, Config(), jobs=jobs):
            if isinstance(record, ErrorRecord):
                failures += 1
                click.echo(f"warning: {record.id}: {record.error}", err=True)
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            advance()
    if strict and failures:
        raise SystemExit(1)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--quotes", "with_quotes", is_flag=True, help="Also list every quote with its speaker and cue.")
@click.option("--dates", "with_dates", is_flag=True, help="Also list every date expression with its value.")
def show(path: Path, with_quotes: bool, with_dates: bool) -> None:
    """Print a table of the articles in a JSONL file written by `newsgraph extract`.

    Example: newsgraph show articles.jsonl --quotes --dates
    """
    with _library_errors():
        records = read_records(path)
    console = _wide_console()
    console.print(summary_table(records))
    if with_quotes:
        console.print(quotes_table(records))
    if with_dates:
        console.print(dates_table(records))


@main.command("timeline")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def timeline_command(paths: tuple[Path, ...]) -> None:
    """Print the events of one or several articles in date order, each with its sentence.

    Reads JSONL written by `newsgraph extract`; several files make one timeline.

    Example: newsgraph timeline articles.jsonl
    """
    with _library_errors():
        records = [rec for path in paths for rec in read_records(path) if "error" not in rec]
    _wide_console().print(timeline_table(records))


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, help="Where to write the records with their stories ('-' for stdout).")
@click.option("--index", "index_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A story index to join (read if it exists) and to update: new articles join earlier stories.")
def stories(path: Path, output: str, index_path: Path | None) -> None:
    """Link duplicates and wire copies, and group articles into stories and storylines.

    Reads JSONL written by `newsgraph extract` and writes the same records with `story`,
    `storyline`, `duplicate_of` and `wire_copy` added, in input order.

    Example: newsgraph stories articles.jsonl -o stories.jsonl --index stories.index.json.gz
    """
    with _library_errors():
        records = read_records(path)
        index = StoryIndex.load(index_path) if index_path and index_path.exists() else None
        assigned, index = assign_stories(records, index)
    with _open_output(output) as out:
        for record in assigned:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if index_path:
        index.save(index_path)
    n_stories = len({r["story"] for r in assigned if "story" in r})
    n_lines = len({r["storyline"] for r in assigned if "storyline" in r})
    click.echo(f"{len(assigned)} records, {n_stories} stories, {n_lines} storylines", err=True)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--story", help="The story id to compare (from `newsgraph stories`).")
@click.option("--storyline", help="Compare the outlets over a whole storyline instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON, for machines.")
def compare(path: Path, story: str | None, storyline: str | None, as_json: bool) -> None:
    """Compare how each outlet told one story: facts, voices, loaded language, headline.

    Reads JSONL written by `newsgraph stories`; give exactly one of --story and --storyline.

    Example: newsgraph compare stories.jsonl --story s-3f2a9c1b
    """
    if (story is None) == (storyline is None):
        raise click.UsageError("give exactly one of --story and --storyline")
    key, wanted = ("story", story) if story is not None else ("storyline", storyline)
    with _library_errors():
        records = [rec for rec in read_records(path) if "error" not in rec and rec.get(key) == wanted]
    if not records:
        raise click.ClickException(f"no article in {path} has {key} {wanted!r}")
    comparison = compare_story(records)
    if as_json:
        click.echo(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
        return
    console = _wide_console()
    for table in comparison_table(comparison):
        console.print(table)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The SQLite database to create or add to.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="How to read the inputs (as for extract).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
def ingest(inputs: tuple[str, ...], db_path: Path, fmt: str, jobs: int) -> None:
    """Extract documents, group them into stories and store everything in a SQLite database.

    Documents already stored (same content) are skipped, new ones join existing stories, and an
    ingest that was killed halfway is completed by running it again.

    Example: newsgraph ingest pages/ --db news.db
    """
    with _library_errors(), open_db(db_path) as db, _progress(sys.stderr.isatty()) as advance:
        report = db.ingest(list(inputs), fmt, jobs=jobs, on_record=lambda _record: advance())
        counts = db.counts()
    for doc_id in report.conflicts:
        click.echo(f"warning: {doc_id}: already stored with other content; kept the stored one", err=True)
    click.echo(
        f"{report.added} added, {report.unchanged} already stored, {report.errors} failed; "
        f"{counts.get('articles', 0)} articles and {counts.get('stories', 0)} stories in {db_path}",
        err=True,
    )


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The database written by `newsgraph ingest`.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one record a line as `newsgraph stories` writes; parquet, csv: one table a file.")
@click.option("-o", "--output", default="-", show_default=True,
              help="A file for jsonl ('-' for stdout), a directory for parquet and csv.")
def export(db_path: Path, fmt: str, output: str) -> None:
    """Export a database for pandas, DuckDB or R: JSON lines, Parquet tables or CSV tables.

    Example: newsgraph export --db news.db --format parquet -o tables/
    """
    if fmt != "jsonl" and output == "-":
        raise click.UsageError(f"--format {fmt} writes a directory: give it with -o")
    with _library_errors(), open_db(db_path, readonly=True) as db:
        written = db.export(fmt, output)
    if output != "-":
        click.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The database written by `newsgraph ingest` (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db_path: Path, host: str, port: int) -> None:
    """Serve a database in the browser and as a JSON API (OpenAPI at /docs), read-only.

    Example: newsgraph serve --db news.db
    """
    import uvicorn

    from newsgraph.serve.app import create_app

    with _library_errors():
        app = create_app(db_path)
    click.echo(f"newsgraph is serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@contextlib.contextmanager
def _library_errors() -> Iterator[None]:
    """Library errors (bad input, bad config) as click errors: a message and status 1, no traceback."""
    try:
        yield
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _wide_console() -> Console:
    """A console at least 200 columns wide: the tables fold badly in a narrow terminal."""
    return Console(width=max(Console().width, 200))


@contextlib.contextmanager
def _open_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield sys.stdout
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        yield handle


@contextlib.contextmanager
def _progress(show: bool) -> Iterator[Callable[[], None]]:
    """A progress counter on stderr, or a no-op when output is not a terminal."""
    if not show:
        yield lambda: None
        return
    columns = (SpinnerColumn(), TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda: bar.advance(task)
