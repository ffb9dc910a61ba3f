"""Meta's HTML pages (Instagram and Facebook "HTML" downloads), read safely with lxml.

lxml's ``HTMLParser`` (libxml2) with ``no_network=True``, ``huge_tree=False`` and no entity
loading, fed in chunks, with a *target*: the parser calls ``start``/``data``/``end`` as it
goes and no tree is ever built, so memory does not grow with the page. Never regexes.
Limits, each refused with the section named (``platforms.messages``):

- a page larger than ``MAX_PAGE_BYTES`` (counted as it is read; the declared size is checked
  first) -> ``html_too_large``: refused whole, never half-read;
- nesting deeper than ``MAX_NESTING`` -> ``html_too_deep``;
- an attribute longer than ``MAX_ATTRIBUTE`` or a text node longer than ``MAX_NODE_TEXT`` ->
  ``html_too_long``.

HTML's own named character references (``&amp;``) are decoded by the parser; entities declared
in a document type (``<!ENTITY ...>``, the billion-laughs trick) are never expanded: the HTML
parser does not read internal subsets, so ``&lol9;`` stays those six characters.

Records: every outermost element whose class holds ``_a6-g`` (2021+ pages) or ``uiBoxWhite``
(2018-20 pages) is one record. Inside it: the title (``_a6-h`` / ``_2lel``), label/value rows of
tables (``td._a6_q`` label, ``td._a6_r`` value; a one-cell row is label then value), the footer
time (``_a72d`` / ``_2lem``), links, and every other text. Several tables in one record (an
off-Meta company with its events) are kept as ``tables``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from lxml import etree

from plainview.errors import ArchiveRejected
from plainview.platforms.base import Readable
from plainview.platforms.messages import reject

MAX_PAGE_BYTES: Final = 128 * 1024 * 1024
MAX_NESTING: Final = 256
MAX_ATTRIBUTE: Final = 64 * 1024
MAX_NODE_TEXT: Final = 1024 * 1024
CHUNK: Final = 64 * 1024

_RECORD: Final = frozenset({"_a6-g", "uiBoxWhite"})
_TITLE: Final = frozenset({"_a6-h", "_2lel"})
_TIME: Final = frozenset({"_a72d", "_2lem"})
_SKIP: Final = frozenset({"script", "style", "head", "title"})


class _Stop(Exception):
    """Raised inside the target to end the parse with one of our refusals."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class _Rec:
    def __init__(self) -> None:
        self.title: list[str] = []
        self.time: list[str] = []
        self.tables: list[list[dict[str, str]]] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.media: list[str] = []

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.title:
            out["title"] = " ".join(self.title)
        tables = [t for t in self.tables if t]
        if len(tables) == 1:
            out["label_values"] = tables[0]
        elif tables:
            out["tables"] = tables
        if self.text:
            out["text"] = self.text
        if self.links:
            out["links"] = self.links
        if self.media:
            out["media"] = self.media
        if self.time:
            out["time"] = " ".join(self.time)
        return out


class _Target:
    """SAX-style target: builds one small dict per record, never the page's tree."""

    def __init__(self) -> None:
        self.depth = 0
        self.out: list[dict[str, Any]] = []
        self.loose: list[str] = []  # text outside any record (headings, notes)
        self.rec: _Rec | None = None
        self.rec_depth = 0
        self.mode: list[tuple[int, str]] = []  # (depth, "title"|"time"|"label"|"cell"|"skip")
        self.row: list[list[str]] | None = None
        self.row_label: list[str] | None = None
        self.row_depth = 0
        self.table_depth = 0
        self.buf: list[str] = []  # text of the current node, in the pieces lxml hands over
        self.buf_len = 0

    # lxml target interface -------------------------------------------------------------
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.flush()
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _Stop("html_too_deep")
        for value in attrib.values():
            if len(value) > MAX_ATTRIBUTE:
                raise _Stop("html_too_long")
        tag = tag.lower() if isinstance(tag, str) else ""
        classes = set(attrib.get("class", "").split())
        if tag in _SKIP:
            self.mode.append((self.depth, "skip"))
            return
        if self.rec is None:
            if classes & _RECORD:
                self.rec = _Rec()
                self.rec_depth = self.depth
            return
        rec = self.rec
        if tag == "table":
            rec.tables.append([])
            self.table_depth = self.depth
        elif tag == "tr" and rec.tables:
            self.row = []
            self.row_depth = self.depth
        elif tag == "td" and self.row is not None:
            self.row.append([])
            self.mode.append((self.depth, "cell"))
        if classes & _TITLE:
            self.mode.append((self.depth, "title"))
        elif classes & _TIME:
            self.mode.append((self.depth, "time"))
        href = attrib.get("href")
        if tag == "a" and href:
            rec.links.append(href)
        src = attrib.get("src")
        if tag in ("img", "video", "source", "audio") and src:
            rec.media.append(src)

    def end(self, tag: str) -> None:
        self.flush()
        while self.mode and self.mode[-1][0] >= self.depth:
            self.mode.pop()
        if self.rec is not None:
            if self.row is not None and self.depth == self.row_depth:
                self._close_row()
            if self.depth == self.rec_depth:
                self.out.append(self.rec.fields())
                self.rec = None
        self.depth -= 1

    def data(self, text: str) -> None:
        self.buf_len += len(text)
        if self.buf_len > MAX_NODE_TEXT:
            raise _Stop("html_too_long")
        self.buf.append(text)

    def flush(self) -> None:
        """One text node is complete (a tag starts or ends): file it where it belongs."""
        if not self.buf:
            return
        s = " ".join("".join(self.buf).split())
        self.buf.clear()
        self.buf_len = 0
        if not s:
            return
        mode = self.mode[-1][1] if self.mode else ""
        if mode == "skip":
            return
        rec = self.rec
        if rec is None:
            self.loose.append(s)
            return
        if mode == "title":
            rec.title.append(s)
        elif mode == "time":
            rec.time.append(s)
        elif self.row is not None and self.row:
            self.row[-1].append(s)
        else:
            rec.text.append(s)

    def comment(self, text: str) -> None:
        return

    def close(self) -> None:
        self.flush()

    # ------------------------------------------------------------------------------------
    def _close_row(self) -> None:
        assert self.rec is not None and self.row is not None
        cells = [c for c in self.row if c]
        self.row = None
        if not cells:
            return
        if len(cells) >= 2:
            label, value = " ".join(cells[0]), " ".join(" ".join(c) for c in cells[1:])
        else:
            label, value = cells[0][0], " ".join(cells[0][1:])
        entry = {"label": label, "value": value}
        self.rec.tables[-1].append(entry)


def too_large(section: str, max_bytes: int = MAX_PAGE_BYTES) -> ArchiveRejected:
    return reject("html_too_large", section=section, limit=max(1, max_bytes // (1024 * 1024)))


def records(
    stream: Readable,
    section: str,
    *,
    size: int = 0,
    max_bytes: int = MAX_PAGE_BYTES,
    loose: list[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of one page, in order, as plain dicts (see the module docstring).

    Text outside every record box (headings, "no data" notes) goes to ``loose`` when given;
    without it, a page with no box at all gives that text as its one record. The page is read
    to its end before the first record is given out, so a page refused half-way yields
    nothing: records are small and few per page, the tree is never built.
    """
    if size > max_bytes:
        raise too_large(section, max_bytes)
    target = _Target()
    parser = etree.HTMLParser(
        target=target,
        no_network=True,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        encoding="utf-8",
    )
    read = 0
    try:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            if read > max_bytes:
                raise too_large(section, max_bytes)
            parser.feed(chunk)
        parser.close()
    except ArchiveRejected:
        raise
    except _Stop as stop:
        raise reject(stop.code, section=section) from None
    except etree.LxmlError:
        raise reject("html_invalid", section=section) from None
    except Exception as exc:  # lxml wraps target errors; their text may quote the input
        inner = exc.__context__ or exc.__cause__
        if isinstance(inner, _Stop):
            raise reject(inner.code, section=section) from None
        raise reject("html_invalid", section=section) from None
    if loose is not None:
        loose.extend(target.loose)
    elif target.loose and not target.out:
        yield {"text": target.loose}
    yield from target.out
