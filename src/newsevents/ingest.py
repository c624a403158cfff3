"""ingest stage: turn input paths (files, folders, JSONL, stdin) into RawArticle records.

Every input is accounted for: each file, JSONL line or stdin read yields one RawArticle or one
Rejection whose reason names the problem. Nothing here raises for one bad input; only a manifest
that cannot be read at all is a usage error (the whole run depends on it).

Metadata, in order of trust: the manifest row for the file (JSONL or CSV), a sidecar
`<name>.meta.json`, then what the page itself says (HTML meta through trafilatura). JSONL articles
carry their own fields. When no manifest is given, a folder's own `manifest.jsonl` / `manifest.csv`
is used for the files inside it. Field names follow `data/input_fields.tsv`, so the output of
common scrapers ("maintext", "date_publish", "source_domain", ...) is read as it is.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from newsevents.errors import InputError, UsageError
from newsevents.knowledge import bundled_data_dir
from newsevents.knowledge.tables import read_table
from newsevents.options import Options
from newsevents.records import Metadata, RawArticle, Rejection

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
MANIFEST_NAMES = ("manifest.jsonl", "manifest.csv")
SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"
META_FIELDS = ("url", "outlet", "pub_date", "title")
BINARY_SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # share of control characters above which bytes are not text


# --------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class ManifestEntry:
    """One manifest row: the doc_id to use (if any) and the metadata it gives."""

    doc_id: str | None
    meta: Metadata


@dataclass(frozen=True)
class Manifest:
    """Manifest rows by resolved absolute path, and by file name when that is unambiguous."""

    by_path: Mapping[str, ManifestEntry]
    by_name: Mapping[str, ManifestEntry]

    def entry_for(self, path: Path) -> ManifestEntry | None:
        """The row for `path`, matched by absolute path, else by unique file name."""
        found = self.by_path.get(str(path.resolve()))
        return found if found is not None else self.by_name.get(path.name)


EMPTY_MANIFEST = Manifest({}, {})


def _clean_value(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def load_field_names(path: Path | None = None) -> Mapping[str, tuple[str, ...]]:
    """field -> the names it may have in user records, from `input_fields.tsv`."""
    rows = read_table(path or bundled_data_dir() / "input_fields.tsv")
    return MappingProxyType({row["field"]: tuple(row["names"].split("|")) for row in rows})


FIELD_NAMES = load_field_names()


def field_value(fields: Mapping[str, Any], name: str) -> Any:
    """The value of field `name` under the first of its names a record has with a value
    (exact names first, then the same names in any letter case)."""
    names = FIELD_NAMES.get(name, (name,))
    for candidate in names:
        value = fields.get(candidate)
        if value is not None and (not isinstance(value, str) or value.strip()):
            return value
    lowered = {str(k).lower(): v for k, v in fields.items()}
    for candidate in names:
        value = lowered.get(candidate.lower())
        if value is not None and (not isinstance(value, str) or value.strip()):
            return value
    return None


def metadata_from(fields: Mapping[str, Any], source: str) -> Metadata:
    """Metadata from a mapping of user fields; `source` names where a pub_date came from."""
    values = {name: _clean_value(field_value(fields, name)) for name in META_FIELDS}
    return Metadata(**values, pub_date_source=source if values["pub_date"] else None)


def _manifest_rows(path: Path) -> Iterator[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        yield from csv.DictReader(io.StringIO(text))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"manifest {path} line {number} is not JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise UsageError(f"manifest {path} line {number} is not a JSON object")
        yield row


def load_manifest(path: str | Path) -> Manifest:
    """Read a JSONL or CSV manifest; `path` values are absolute or relative to its folder."""
    manifest_path = Path(path)
    try:
        rows = list(_manifest_rows(manifest_path))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"cannot read manifest {manifest_path}: {exc}") from exc
    by_path: dict[str, ManifestEntry] = {}
    names: dict[str, list[ManifestEntry]] = {}
    for number, row in enumerate(rows, start=1):
        file_value = _clean_value(row.get("path"))
        if file_value is None:
            raise UsageError(f"manifest {manifest_path} row {number} has no 'path'")
        file_path = Path(file_value)
        if not file_path.is_absolute():
            file_path = manifest_path.parent / file_path
        entry = ManifestEntry(_clean_value(row.get("doc_id")), metadata_from(row, "manifest"))
        by_path[str(file_path.resolve())] = entry
        names.setdefault(file_path.name, []).append(entry)
    unique = {name: entries[0] for name, entries in names.items() if len(entries) == 1}
    return Manifest(by_path, unique)


def _folder_manifest(folder: Path) -> Manifest:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return load_manifest(candidate)
    return EMPTY_MANIFEST


# --------------------------------------------------------------------------- reading bytes


def looks_binary(data: bytes) -> bool:
    """True when the bytes hold NULs or many control characters (not a text file)."""
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > MAX_CONTROL_SHARE


def decode_text(data: bytes) -> str:
    """Decode input bytes as UTF-8 (BOMs honoured); raise InputError saying why not."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if looks_binary(data) and not utf16:
        raise InputError("binary data, not text")
    encoding = "utf-16" if utf16 else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"file is {size} bytes, over the {limit}-byte limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class HtmlExtract:
    """What trafilatura finds in a page: main text and page metadata."""

    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None


def extraction_options() -> dict[str, Any]:
    """The trafilatura settings used for news pages (measured in bench/extraction_benchmark.py)."""
    return {"include_comments": False, "include_tables": True, "favor_precision": True}


def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals only work in the main thread
    return config


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of an HTML page; raise InputError when it yields no text."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, config=_trafilatura_config(),
            **extraction_options(),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise InputError(f"malformed HTML: {type(exc).__name__}: {exc}") from exc
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("HTML page yields no main text")
    return HtmlExtract(
        text=text,
        title=_clean_value(getattr(document, "title", None)),
        date=_clean_value(getattr(document, "date", None)),
        sitename=_clean_value(getattr(document, "sitename", None)),
        url=_clean_value(getattr(document, "url", None)),
    )


def html_metadata(found: HtmlExtract, given: Metadata) -> Metadata:
    """`given` (manifest/sidecar/JSONL) completed by what the page says."""
    page = Metadata(
        url=found.url, outlet=found.sitename, pub_date=found.date,
        pub_date_source="html-meta" if found.date else None, title=found.title,
    )
    return merge_metadata(given, page)


def merge_metadata(trusted: Metadata, fallback: Metadata) -> Metadata:
    """Fields of `trusted`, each missing one taken from `fallback`."""
    values: dict[str, Any] = {}
    for name in ("url", "outlet", "title"):
        values[name] = getattr(trusted, name) or getattr(fallback, name)
    if trusted.pub_date:
        values.update(pub_date=trusted.pub_date, pub_date_source=trusted.pub_date_source)
    else:
        values.update(pub_date=fallback.pub_date, pub_date_source=fallback.pub_date_source)
    return Metadata(**values)


# --------------------------------------------------------------------------- documents


def _sidecar_metadata(path: Path) -> Metadata | None:
    for candidate in (path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                fields = json.loads(candidate.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"sidecar {candidate.name} is not readable JSON: {exc}") from exc
            if not isinstance(fields, dict):
                raise InputError(f"sidecar {candidate.name} is not a JSON object")
            return metadata_from(fields, "sidecar")
    return None


def _reject(doc_id: str, source: str, reason: str) -> Rejection:
    return Rejection(doc_id=doc_id, source_path=source, stage="ingest", reason=reason)


def _article(doc_id: str, source: str, fmt: str, text: str, meta: Metadata,
             html: str | None = None) -> RawArticle:
    if not text.strip():
        raise InputError("empty: no text")
    return RawArticle(doc_id=doc_id, source_path=source, fmt=fmt, text=text, meta=meta, html=html)


def _document(doc_id: str, source: str, fmt: str, content: str, meta: Metadata) -> RawArticle:
    """A RawArticle from decoded content of a .txt or .html input."""
    if fmt == "html":
        found = extract_html(content, meta.url)
        return _article(doc_id, source, "html", found.text, html_metadata(found, meta), content)
    return _article(doc_id, source, "txt", content, meta)


def _file_article(path: Path, manifest: Manifest, options: Options) -> RawArticle | Rejection:
    entry = manifest.entry_for(path)
    doc_id = (entry.doc_id if entry else None) or path.stem
    source = str(path)
    try:
        meta = entry.meta if entry else (_sidecar_metadata(path) or Metadata())
        content = decode_text(_read_bytes(path, options.max_input_bytes))
        fmt = "html" if path.suffix.lower() in HTML_SUFFIXES else "txt"
        if fmt == "txt" and sniff_format(content) == "html":
            fmt = "html"  # a page saved under a .txt name: read its main text, not its markup
        return _document(doc_id, source, fmt, content, meta)
    except InputError as exc:
        return _reject(doc_id, source, f"{path.name}: {_plain(exc)}")


def _plain(exc: Exception) -> str:
    """The message of a typed error without its code prefix, on one line."""
    message = str(exc)
    if message.startswith("[E") and "] " in message:
        message = message.split("] ", 1)[1]
    return " ".join(message.split())


def _jsonl_fields(line: str, options: Options) -> dict[str, Any]:
    if len(line.encode("utf-8")) > options.max_input_bytes:
        raise InputError(f"line is over the {options.max_input_bytes}-byte limit")
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})") from exc
    if not isinstance(fields, dict):
        raise InputError("not a JSON object")
    return fields


def _jsonl_record(number: int, line: str, stem: str, source: str,
                  options: Options) -> RawArticle | Rejection:
    doc_id = f"{stem}-{number}"
    try:
        fields = _jsonl_fields(line, options)
        doc_id = _clean_value(field_value(fields, "id")) or doc_id
        meta = metadata_from(fields, "jsonl")
        text, html = field_value(fields, "text"), field_value(fields, "html")
        if isinstance(text, str) and text.strip():
            return _article(doc_id, source, "jsonl", text, meta)
        if isinstance(html, str) and html.strip():
            found = extract_html(html, meta.url)
            return _article(doc_id, source, "jsonl", found.text, html_metadata(found, meta), html)
        others = ", ".join(FIELD_NAMES["text"][1:4])
        raise InputError(f"has no non-empty 'text' or 'html' field (nor {others}, ...: "
                         "the names in data/input_fields.tsv)")
    except InputError as exc:
        return _reject(doc_id, source, f"{Path(source).name} line {number}: {_plain(exc)}")


def _jsonl_lines(stream: Iterable[bytes]) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, decoded line or None, decoding problem or None) for non-blank lines."""
    for number, raw_line in enumerate(stream, start=1):
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, None, "not valid UTF-8"
            continue
        if line.strip():
            yield number, line, None


def _iter_jsonl(stream: BinaryIO, stem: str, source: str,
                options: Options) -> Iterator[RawArticle | Rejection]:
    seen_any = False
    for number, line, problem in _jsonl_lines(stream):
        seen_any = True
        if problem is not None:
            yield _reject(f"{stem}-{number}", source, f"{Path(source).name} line {number}: {problem}")
        else:
            yield _jsonl_record(number, line, stem, source, options)
    if not seen_any:
        yield _reject(stem, source, f"{Path(source).name}: empty: no JSONL records")


def _jsonl_file(path: Path, options: Options) -> Iterator[RawArticle | Rejection]:
    try:
        with path.open("rb") as stream:
            yield from _iter_jsonl(stream, path.stem, str(path), options)
    except OSError as exc:
        yield _reject(path.stem, str(path), f"{path.name}: cannot read file: {exc.strerror or exc}")


def sniff_format(content: str) -> str:
    """"html", "jsonl" or "txt" for text read from stdin (no file name to go by)."""
    head = content.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    first = head.splitlines()[0] if head else ""
    if first.startswith("{") and first.rstrip().endswith("}"):
        return "jsonl"
    return "txt"


def _stdin_articles(options: Options) -> Iterator[RawArticle | Rejection]:
    data = sys.stdin.buffer.read(options.max_input_bytes + 1)
    if len(data) > options.max_input_bytes:
        yield _reject("stdin", STDIN, f"stdin: over the {options.max_input_bytes}-byte limit")
        return
    try:
        content = decode_text(data)
        fmt = sniff_format(content)
        if fmt == "jsonl":
            yield from _iter_jsonl(io.BytesIO(data), "stdin", STDIN, options)
            return
        yield _document("stdin", STDIN, fmt, content, Metadata())
    except InputError as exc:
        yield _reject("stdin", STDIN, f"stdin: {_plain(exc)}")


# --------------------------------------------------------------------------- walking inputs


def _is_skipped(path: Path) -> bool:
    """Files inside folders that are not articles: manifests, sidecars, gold JSON, others."""
    name = path.name.lower()
    return (name in MANIFEST_NAMES or name.endswith(SIDECAR_SUFFIX) or name.startswith(".")
            or path.suffix.lower() not in SUPPORTED_SUFFIXES)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _is_skipped(p))


def _path_articles(path: Path, manifest: Manifest,
                   options: Options) -> Iterator[RawArticle | Rejection]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_file(path, options)
    elif suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
        yield _file_article(path, manifest, options)
    else:
        yield _reject(path.stem, str(path), f"{path.name}: unsupported file type "
                      f"'{suffix or '(none)'}' (expected {', '.join(SUPPORTED_SUFFIXES)})")


def _expand(paths: Sequence[str | Path], manifest: Manifest | None,
            options: Options) -> Iterator[RawArticle | Rejection]:
    folder_manifests: dict[Path, Manifest] = {}

    def manifest_for(file: Path) -> Manifest:
        """The given manifest, else the one in the file's own folder (read once per folder)."""
        if manifest is not None:
            return manifest
        if file.parent not in folder_manifests:
            folder_manifests[file.parent] = _folder_manifest(file.parent)
        return folder_manifests[file.parent]

    for given in paths:
        if str(given) == STDIN:
            yield from _stdin_articles(options)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _path_articles(file, manifest_for(file), options)
        elif path.is_file():
            yield from _path_articles(path, manifest_for(path), options)
        else:
            yield _reject(path.stem or str(path), str(path),
                          f"{path}: no such file or directory")


def _unique(records: Iterable[RawArticle | Rejection]) -> Iterator[RawArticle | Rejection]:
    """Give repeated doc_ids a suffix (-2, -3, ...) so that every doc_id is unique."""
    seen: set[str] = set()
    for record in records:
        doc_id, n = record.doc_id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{record.doc_id}-{n}"
        seen.add(doc_id)
        yield record if doc_id == record.doc_id else replace(record, doc_id=doc_id)


def load_manifests(manifests: Sequence[str | Path]) -> Manifest:
    """Several manifests read as one (later rows win for the same path; names stay unique)."""
    loaded = [load_manifest(m) for m in manifests]
    by_path = {k: v for m in loaded for k, v in m.by_path.items()}
    names: dict[str, list[ManifestEntry]] = {}
    for m in loaded:
        for name, entry in m.by_name.items():
            names.setdefault(name, []).append(entry)
    return Manifest(by_path, {n: e[0] for n, e in names.items() if len(e) == 1})


def iter_inputs(
    paths: Sequence[str | Path],
    manifest: str | Path | Sequence[str | Path] | None,
    options: Options,
) -> Iterator[RawArticle | Rejection]:
    """Every input document as a RawArticle, or a Rejection naming the file and the reason.

    `manifest` is one manifest file, several, or None.
    """
    if manifest is None or (not isinstance(manifest, (str, Path)) and not manifest):
        loaded = None
    elif isinstance(manifest, (str, Path)):
        loaded = load_manifest(manifest)
    else:
        loaded = load_manifests(manifest)
    yield from _unique(_expand(paths, loaded, options))
