"""The user's own records of one category as a lazy table.

``RecordsModel`` is a thin ``QAbstractTableModel`` adapter over ``Vault.records`` keyset pages:
it holds only the pages the view has scrolled to (``canFetchMore``/``fetchMore``), so a category
with a million rows opens and scrolls at once. Sorting is by time (newest or oldest first,
the vault's index) at any size, and by any other column while the (filtered) rows number at
most ``SORT_LIMIT`` (a keyset over the field's value, no index: every page scans the rows);
above that the model says why (``sort_refused``) and keeps the time order. Filtering passes
the user's text to the vault. Columns are chosen per category from the item's
keys (Date/Link for watch history, Date/IP/Device for logins, …) with a generic fallback of the
JSON keys. Times are shown in local time, locale-formatted, with the stored UTC in the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from plainview import dates
from plainview.columns import FieldDef, humanize, load_tables, norm_key, tables_for
from plainview.vault.filters import RecordFilter, parse_filter

PAGE_SIZE = 400
SORT_LIMIT = 100_000  # rows up to which a column other than the time sorts
MAX_CELL_CHARS = 300
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIELDS_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordsModel", text)


def ui_lang(locale: QLocale | None = None) -> str:
    """The UI language the default locale stands for (the translations set it)."""
    return "zh_CN" if (locale or QLocale()).name().startswith("zh") else "en"


@dataclass(frozen=True)
class Column:
    """One table column: an English fallback header, the item keys it shows, and its field
    definition from the platform's table data (labels in every language, tooltip)."""

    header: str  # a generic column's own header (translated at display time)
    keys: tuple[str, ...] = ()  # normalized candidate keys; empty = the record's time
    fdef: FieldDef | None = field(default=None, compare=False, hash=False)

    @property
    def is_time(self) -> bool:
        return not self.keys

    def label(self, lang: str) -> str:
        if self.fdef is not None:
            return self.fdef.label(lang)
        if self.keys in _TRANSLATED_KEYS:
            return _tr(self.header)
        return humanize(self.header)

    def tip(self, lang: str) -> str:
        return self.fdef.tip(lang) if self.fdef is not None else ""


_TIKTOK = load_tables("tiktok")
TIME = Column("Date", (), _TIKTOK.fields.get("time"))
CHAT = Column("Chat", ("<chat>",), _TIKTOK.fields.get("chat"))  # from the message's place
WHERE = Column("Where in the export", ("<source>",), _TIKTOK.fields.get("source"))
CONTENT = Column("Content", ("*",), _TIKTOK.fields.get("content"))
FIELD = Column("Field", ("<key>",))
VALUE = Column("Value", ("<value>",))
_PSEUDO_KEYS = (("<chat>",), ("<source>",), ("*",))
_TRANSLATED_KEYS = (("<key>",), ("<value>",), ("*",))
_PSEUDO_COLUMNS = {"time": TIME, "chat": CHAT, "source": WHERE, "content": CONTENT}

# Keys never shown as their own generic column (they are the time column already).
TIME_KEYS = {norm_key(k) for k in ("Date", "date", "Time", "TimeStamp", "WatchTime", "CreateDate")}
TIME_KEYS |= set(_TIKTOK.fields["time"].keys) if "time" in _TIKTOK.fields else set()
MAX_GENERIC_COLUMNS = 5
MAX_EXTRA_COLUMNS = 3  # keys the category's table does not name, shown after its columns


def _column(fdef: FieldDef) -> Column:
    if fdef.id in _PSEUDO_COLUMNS:
        return _PSEUDO_COLUMNS[fdef.id]
    return Column(fdef.label("en"), fdef.keys, fdef)


def _key_columns(category: str, keys: dict[str, str], taken: set[str]) -> list[Column]:
    """Columns for raw item keys (``norm -> raw``) no column shows yet, labelled from the
    platform's field names where it knows them."""
    tables = tables_for(category)
    out = []
    for norm, raw in keys.items():
        if norm in taken or norm in TIME_KEYS:
            continue
        fdef = tables.field_for(category, raw)
        if fdef is not None and not fdef.is_time:
            column = Column(fdef.label("en"), (norm, *[k for k in fdef.keys if k != norm]), fdef)
        else:
            column = Column(raw, (norm,))
        taken.update(column.keys)
        out.append(column)
    return out


def _sample_keys(samples: Sequence[Any]) -> dict[str, str]:
    """The items' keys with a value in at least one sample (normalized -> first spelling)."""
    seen: dict[str, str] = {}
    for fields in samples:
        if not isinstance(fields, dict):
            continue
        for key, value in fields.items():
            norm = norm_key(str(key))
            if norm and norm not in seen and not _is_blank(value):
                seen[norm] = str(key)
    return seen


def generic_columns(samples: Sequence[Any], category: str = "") -> tuple[Column, ...]:
    """The fallback: the time, then the first keys with a value in the items (in order)."""
    picked = _key_columns(category, _sample_keys(samples), set())[:MAX_GENERIC_COLUMNS]
    if not picked:
        return (TIME, CONTENT)
    return (TIME, *picked)


def is_field_rows(category: str) -> bool:
    """Sections that hold one object (a map of settings or profile fields): shown as one row
    per field, which reads far better than one very wide row."""
    table = tables_for(category).table(category)
    return table is not None and table.field_rows


def columns_for(
    category: str, samples: Sequence[Any] = (), *, timed: bool = True
) -> tuple[Column, ...]:
    """The category's columns from its table data, without those empty in every sample
    (when there are samples), plus up to ``MAX_EXTRA_COLUMNS`` keys it does not name.
    ``timed=False`` (no sample has a time): no date column."""
    if is_field_rows(category):
        return (TIME, FIELD, VALUE) if timed else (FIELD, VALUE)
    table = tables_for(category).table(category)
    if table is None or not table.columns:
        generic = generic_columns(samples, category)
        return generic if timed else generic[1:]
    columns = [_column(f) for f in table.columns]
    if not timed and samples:
        columns = [c for c in columns if not c.is_time]
    if samples:
        recs = [s for s in samples if isinstance(s, dict)]
        columns = [
            c
            for c in columns
            if c.is_time or c.keys in _PSEUDO_KEYS or any(cell_text(r, c) for r in recs)
        ]
        taken = {k for c in columns for k in c.keys} | {k for f in table.columns for k in f.keys}
        extra = _key_columns(category, _sample_keys(recs), taken)
        columns += extra[:MAX_EXTRA_COLUMNS]
    if not any(not c.is_time for c in columns):
        columns.append(CONTENT)
    return tuple(columns)


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return all(_is_blank(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _item_words(item: dict[Any, Any], lang: str, category: str) -> str:
    """An object inside a list, by its text values (times, raw numbers and links left out)."""
    words = []
    for key, value in item.items():
        norm = norm_key(str(key))
        if norm in TIME_KEYS or "time" in norm or "date" in norm or isinstance(value, int | float):
            continue
        text = value_text(value, lang=lang, category=category)
        if text and "://" not in text:
            words.append(text)
    return " · ".join(words) or value_text(dict(item), lang=lang, category=category)


def value_text(value: Any, *, lang: str = "en", category: str = "") -> str:
    """A value as people read it: text as it is, lists joined, maps as "label: value" —
    never JSON, never an unexplained ``[]`` (empty values are "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("RecordsModel", "Yes")
            if value
            else QCoreApplication.translate("RecordsModel", "No")
        )
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        # items of a list read by their words: a LIVE comment is "hi", not its times and ids
        parts = [
            _item_words(v, lang, category) if isinstance(v, dict) else value_text(v, lang=lang)
            for v in value
        ]
        sep = "; " if any(isinstance(v, dict | list) for v in value) else ", "
        return sep.join(p for p in parts if p)
    if isinstance(value, dict):
        tables = tables_for(category) if category else None
        parts = []
        for key, item in value.items():
            text = value_text(item, lang=lang, category=category)
            if not text:
                continue
            if len(value) == 1 and isinstance(item, dict | list):
                parts.append(text)
                continue
            label = tables.label_for(category, str(key), lang) if tables else humanize(str(key))
            parts.append(f"{label}: {text}")
        return ", ".join(parts)
    return str(value)


def cell_text(fields: Any, column: Column, *, lang: str = "en", category: str = "") -> str:
    """The text shown for one item in one (non-time) column."""
    value: Any
    if column.keys == ("*",):
        value = fields
    elif not isinstance(fields, dict):
        value = None
    else:
        value = None
        if len(column.keys) == 1:
            key = column.keys[0]
            value = next((v for k, v in fields.items() if norm_key(str(k)) == key), None)
        else:
            lookup = {norm_key(str(k)): v for k, v in fields.items()}
            for k in column.keys:
                if k in lookup and not _is_blank(lookup[k]):
                    value = lookup[k]
                    break
    text = value_text(value, lang=lang, category=category)
    text = " ".join(text.split())
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def source_text(source_path: str, *, chat: bool = False) -> str:
    """Where an item sits in the export, without the file name; for a direct message, the
    other person or group (``…/Chat History with mila.example:`` → ``mila.example``)."""
    where = source_path.split(":", 1)[1] if ":" in source_path else source_path
    if not chat:
        return where
    last = where.rstrip(":").rsplit("/", 1)[-1]
    for prefix in ("Chat History with ", "Group Chat with "):
        if last.startswith(prefix):
            return last[len(prefix) :].strip()
    if "tako" in where.casefold():
        return QCoreApplication.translate("RecordsModel", "Tako (TikTok's AI helper)")
    return last


def local_time_text(when: datetime | None, locale: QLocale | None = None) -> str:
    if when is None:
        return ""
    # local time, in the one date style of the language (plainview.dates)
    return dates.format_datetime(when, dates.language_of((locale or QLocale()).name()))


def utc_time_text(when: datetime | None) -> str:
    if when is None:
        return ""
    return QCoreApplication.translate("RecordsModel", "Stored as {time} UTC").format(
        time=when.strftime("%Y-%m-%d %H:%M:%S")
    )


def locale_day(text: str, locale: QLocale | None = None) -> date | None:
    """A date written the way the table shows it (the locale's short date), or None."""
    loc = locale or QLocale()
    qdate = loc.toDate(text, loc.dateFormat(QLocale.FormatType.ShortFormat), 2000)
    if not qdate.isValid():
        return None
    return date(qdate.year(), qdate.month(), qdate.day())


def user_filter(text: str | None) -> RecordFilter | None:
    """The filter box's text as the vault takes it: words, a pasted link as its video id, a
    day or month (``2025-03-01``, ``2025-03`` or the locale's short date) in local time."""
    if text is None or not text.strip():
        return None
    from plainview.insights import local_zone

    return parse_filter(text, local_zone(), parse_day=locale_day)


class RecordSource(Protocol):
    """Where the rows come from (the vault, or a fake in tests). A source that can also sort
    by a column has ``count(filter_text)`` and ``sorted_page(column, descending, after,
    limit, filter_text)`` (pages of ``(record, cursor)``), as ``VaultRecordSource`` does."""

    def page(
        self, after: Any | None, limit: int, order: str, filter_text: str | None
    ) -> list[Any]: ...


def sort_keys(column: Column, raw_keys: Sequence[str]) -> list[str]:
    """The item keys to sort a column by, as the vault takes them: the raw spellings found in
    the data that match the column (``Search Term`` and ``SearchTerm``), in the column's
    order of preference; ``"<source>"`` for where the item sits, ``"*"`` for all of it."""
    if column.keys in (("<chat>",), ("<source>",)):
        return ["<source>"]
    if column.keys == ("*",):
        return ["*"]
    by_norm: dict[str, list[str]] = {}
    for raw in raw_keys:
        by_norm.setdefault(norm_key(raw), []).append(raw)
    return [raw for key in column.keys for raw in by_norm.get(key, [])]


def sortable(column: Column) -> bool:
    """Whether the vault can order rows by this column (field-per-row columns it cannot)."""
    return column is not FIELD and column is not VALUE


class VaultRecordSource:
    """Keyset pages of one category from ``Vault.records``."""

    def __init__(self, vault: Any, category: str) -> None:
        self.vault = vault
        self.category = category
        self._raw_keys: list[str] | None = None  # the items' keys, read once for sorting

    def page(self, after: Any | None, limit: int, order: str, filter_text: str | None) -> list[Any]:
        # ``after`` is the last StoredRecord shown; the vault takes it as the keyset cursor.
        rows: list[Any] = self.vault.records(
            self.category,
            after=after,
            limit=limit,
            order=order,
            filter_text=user_filter(filter_text),
        )
        return rows

    def count(self, filter_text: str | None) -> int:
        return int(self.vault.count(self.category, user_filter(filter_text)))

    def sorted_page(
        self,
        column: Column,
        descending: bool,
        after: Any | None,
        limit: int,
        filter_text: str | None,
    ) -> list[tuple[Any, Any]]:
        if self._raw_keys is None and column.keys not in _PSEUDO_KEYS:
            self._raw_keys = list(self.vault.field_keys(self.category))
        keys = sort_keys(column, self._raw_keys or [])
        rows: list[tuple[Any, Any]] = self.vault.records_by_field(
            self.category,
            keys,
            descending=descending,
            after=after,
            limit=limit,
            filter_text=user_filter(filter_text),
        )
        return rows


class RecordsModel(QAbstractTableModel):
    """Lazy rows of one category. ``load()`` starts over; the view pulls further pages.

    Unfiltered pages are one indexed keyset query (a few ms) and load at once; a filtered
    query can touch many rows, so its pages are fetched off the GUI thread (``run_task``).

    Sorting by a column other than the time is a keyset over that field (``sorted_page``),
    fetched off the GUI thread after checking the (filtered) row count against
    ``sort_limit``; the field-per-row sections (a few records) sort their loaded rows.

    Signals: ``reloaded()`` after a new query's first page is in; ``fetched(int)`` after each
    page with the number of rows now loaded; ``busy_changed(bool)`` around background fetches;
    ``sort_refused(int rows)`` when a column cannot sort because there are more rows than
    ``sort_limit`` (the time order stays).
    """

    reloaded = Signal()
    fetched = Signal(int)
    busy_changed = Signal(bool)
    sort_refused = Signal(int)

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.category = ""
        self._source: RecordSource | None = None
        self._rows: list[Any] = []  # the records loaded so far, in order
        self._lines: list[tuple[Any, str | None]] = []  # display rows: (record, field key)
        self._columns: tuple[Column, ...] = (TIME,)
        self._order = "time_desc"
        self._filter: str | None = None
        self._exhausted = True
        self._generation = 0
        self._busy = False
        self._locale = QLocale()
        self.lang: str | None = None  # the labels' language (None: the locale's)
        self.sort_limit = SORT_LIMIT
        self._sort: tuple[int, bool] | None = None  # (column, descending) sorted by the vault
        self._line_sort: tuple[int, bool] | None = None  # (column, descending) sorted here
        self._cursor: Any = None  # keyset cursor after the last row of a column sort
        self._refused: int | None = None  # rows counted when a column sort was refused

    # -- query -------------------------------------------------------------------------
    def set_source(self, source: RecordSource | None, category: str = "") -> None:
        self._source = source
        self.category = category
        self._drop_column_sort()
        self.load()

    def _drop_column_sort(self) -> None:
        self._sort = None
        self._line_sort = None
        self._cursor = None
        self._refused = None

    def set_filter(self, text: str | None) -> None:
        text = (text or "").strip() or None
        if text != self._filter:
            self._filter = text
            self._refused = None  # fewer rows may sort now
            self.load()

    @property
    def filter_text(self) -> str | None:
        return self._filter

    @property
    def order(self) -> str:
        return self._order

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def sort_column(self) -> int:
        """The column the rows are sorted by (the time column unless another was chosen)."""
        chosen = self._sort or self._line_sort
        if chosen is not None:
            return chosen[0]
        return next((i for i, c in enumerate(self._columns) if c.is_time), -1)

    @property
    def sort_descending(self) -> bool:
        chosen = self._sort or self._line_sort
        return chosen[1] if chosen is not None else self._order == "time_desc"

    @property
    def refused_rows(self) -> int | None:
        """The row count behind the last refused column sort (None: none refused)."""
        return self._refused

    def relocalize(self, lang: str | None = None) -> None:
        """Pick up a changed default locale (after a language switch) for dates and headers;
        ``lang`` is the UI language of the labels (default: the locale's)."""
        self._locale = QLocale()
        self.lang = lang
        last_col = max(0, self.columnCount() - 1)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_col)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last_col))

    def set_order(self, order: str) -> None:
        if order not in ("time_desc", "time_asc"):
            raise ValueError(order)
        if order != self._order or self._sort is not None or self._line_sort is not None:
            self._order = order
            self._drop_column_sort()
            self.load()

    def clear(self) -> None:
        """Drop every row and the source (called on lock)."""
        self._generation += 1
        self.beginResetModel()
        self._source = None
        self.category = ""
        self._rows = []
        self._lines = []
        self._columns = (TIME,)
        self._exhausted = True
        self._filter = None
        self._drop_column_sort()
        self.endResetModel()
        self._set_busy(False)

    def load(self) -> None:
        """Start the current query over from its first page."""
        self._generation += 1
        self._set_busy(False)
        if self._source is not None and (self._filter is not None or self._sort is not None):
            self.beginResetModel()
            self._rows = []
            self._lines = []
            self._exhausted = False
            self.endResetModel()
            if self._sort is not None:
                self._start_sorted(*self._sort, cleared=True)
            else:
                self._fetch_async(reset=True)
            return
        first: list[Any] = []
        if self._source is not None:
            first = self._source.page(None, self.page_size, self._order, self._filter)
        self._reset_with(first)

    def _reset_with(self, first: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(first)
        self._lines = self._expand(self._rows)
        self._exhausted = self._source is None or len(first) < self.page_size
        if self._sort is None:  # a column sort keeps the columns it was chosen from
            self._columns = columns_for(
                self.category,
                [r.fields for r in first],
                timed=not first or any(r.occurred_at is not None for r in first),
            )
        if self._line_sort is not None:
            self._sort_lines(*self._line_sort)
        self.endResetModel()
        self.reloaded.emit()
        self.fetched.emit(len(self._rows))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _fetch_async(self, *, reset: bool) -> None:
        from plainview.ui.tasks import run_task

        source = self._source
        if source is None:
            return
        generation = self._generation
        sort = self._sort

        def done(rows: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            if error is not None:
                rows = []
            rows = self._take_cursor(list(rows)) if sort is not None else list(rows)
            if reset:
                self._reset_with(rows)
            else:
                self._append(rows)

        self._set_busy(True)
        if sort is not None:
            column = self._columns[sort[0]]
            sorted_page = source.sorted_page  # type: ignore[attr-defined]
            after = None if reset else self._cursor
            args = (column, sort[1], after, self.page_size, self._filter)
            run_task(sorted_page, *args, on_done=done)
            return
        after = None if reset or not self._rows else self._rows[-1]
        run_task(source.page, after, self.page_size, self._order, self._filter, on_done=done)

    def _take_cursor(self, pairs: list[tuple[Any, Any]]) -> list[Any]:
        """Records of a column-sorted page; keeps the last one's keyset cursor."""
        if pairs:
            self._cursor = pairs[-1][1]
        return [rec for rec, _cursor in pairs]

    # -- sorting by a column -----------------------------------------------------------
    def _start_sorted(self, column: int, descending: bool, *, cleared: bool) -> None:
        """Count the rows off the GUI thread; at most ``sort_limit``: show the first page in
        the column's order; more: say so (``sort_refused``) and keep the time order.
        ``cleared``: the rows were already emptied (a reload), so a refusal reloads them."""
        from plainview.ui.tasks import run_task

        source = self._source
        if source is None:
            return
        self._generation += 1
        generation = self._generation

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            if error is not None:
                result = ("rows", [])
            kind, payload = result
            if kind == "refused":
                self._sort = None
                self._refused = int(payload)
                last = max(0, self.columnCount() - 1)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
                self.sort_refused.emit(int(payload))
                if cleared:
                    self.load()
                return
            self._sort = (column, descending)
            self._line_sort = None
            self._refused = None
            self._cursor = None
            self._reset_with(self._take_cursor(list(payload)))

        self._set_busy(True)
        run_task(
            _first_sorted_page,
            source,
            self._columns[column],
            descending,
            self.sort_limit,
            self._filter,
            self.page_size,
            on_done=done,
        )

    def _sort_lines(self, column: int, descending: bool) -> None:
        """Sort the loaded rows by their text (field-per-row sections: a few records)."""
        col = self._columns[column]
        keyed = [(self._cell(rec, key, col).casefold(), (rec, key)) for rec, key in self._lines]
        filled = sorted((k for k in keyed if k[0]), key=lambda k: k[0], reverse=descending)
        self._lines = [line for _t, line in filled] + [line for t, line in keyed if not t]

    # -- lazy fetching -----------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self._exhausted
            and not self._busy
            and self._source is not None
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._source is None:
            return
        if self._filter is not None or self._sort is not None:
            self._fetch_async(reset=False)
            return
        after = self._rows[-1] if self._rows else None
        self._append(self._source.page(after, self.page_size, self._order, self._filter))

    def _append(self, more: list[Any]) -> None:
        self._exhausted = len(more) < self.page_size
        lines = self._expand(more)
        if lines:
            start = len(self._lines)
            self.beginInsertRows(QModelIndex(), start, start + len(lines) - 1)
            self._rows.extend(more)
            self._lines.extend(lines)
            self.endInsertRows()
        else:
            self._rows.extend(more)
        self.fetched.emit(len(self._rows))

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    # -- table -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def _expand(self, records: list[Any]) -> list[tuple[Any, str | None]]:
        if not is_field_rows(self.category):
            return [(rec, None) for rec in records]
        lines: list[tuple[Any, str | None]] = []
        for rec in records:
            if isinstance(rec.fields, dict) and rec.fields:
                lines.extend((rec, str(key)) for key in rec.fields)
            else:
                lines.append((rec, "*"))
        return lines

    def loaded_records(self) -> int:
        """How many records are loaded (a record can span several rows)."""
        return len(self._rows)

    def record_at(self, row: int) -> Any:
        return self._lines[row][0]

    def row_of(self, record_id: int) -> int | None:
        """The first row of a loaded record, or None."""
        for i, (rec, _key) in enumerate(self._lines):
            if rec.id == record_id:
                return i
        return None

    def sample_texts(self, column: int, rows: int = 30) -> list[str]:
        """Display texts of the first rows of a column (to size it without asking the view
        to measure every loaded row)."""
        out = []
        for row in range(min(rows, self.rowCount())):
            text = self.data(self.index(row, column))
            out.append(str(text or ""))
        return out

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.label(self._lang())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.is_time:
                return QCoreApplication.translate(
                    "RecordsModel", "Local time. Click to sort by time."
                )
            if self._refused is not None:
                how = self.refusal_text(self._refused)
            else:
                how = QCoreApplication.translate("RecordsModel", "Click to sort by this column.")
            tip = column.tip(self._lang())
            return f"{tip}\n{how}" if tip else how
        return None

    def refusal_text(self, rows: int) -> str:
        """Why a column other than the time does not sort, in plain words."""
        return QCoreApplication.translate(
            "RecordsModel",
            "These {rows} rows stay sorted by date: sorting by another column works for up "
            "to {limit} rows. Filter the rows first to sort them by this column.",
        ).format(rows=self._locale.toString(rows), limit=self._locale.toString(self.sort_limit))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        rec, key = self._lines[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.is_time:
                return local_time_text(rec.occurred_at, self._locale)
            return self._cell(rec, key, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.is_time:
                return utc_time_text(rec.occurred_at) or QCoreApplication.translate(
                    "RecordsModel", "No time in the export"
                )
            if column is FIELD and key not in (None, "*"):
                tip = tables_for(self.category).tip_for(self.category, str(key), self._lang())
                raw = QCoreApplication.translate("RecordsModel", "In the export: “{key}”").format(
                    key=key
                )
                return f"{tip}\n{raw}" if tip else raw
            text = self._cell(rec, key, column)
            if column.fdef is not None and column.fdef.tip(self._lang()) and text:
                return f"{text}\n\n{column.fdef.tip(self._lang())}"  # what an id is
            return text if len(text) > 40 else None
        if role == RECORD_ID_ROLE:
            return rec.id
        if role == FIELDS_ROLE:
            return rec.fields
        return None

    def _lang(self) -> str:
        return self.lang or ui_lang(self._locale)

    def _cell(self, rec: Any, key: str | None, column: Column) -> str:
        lang, category = self._lang(), self.category
        if column is CHAT or column is WHERE:
            return source_text(str(getattr(rec, "source_path", "")), chat=column is CHAT)
        if column is FIELD:
            if key in (None, "*"):
                return ""
            return tables_for(category).label_for(category, str(key), lang)
        if column is VALUE:
            if key in (None, "*"):
                return cell_text(rec.fields, CONTENT, lang=lang, category=category)
            text = cell_text(
                {key: rec.fields[key]},
                Column("", (norm_key(str(key)),)),
                lang=lang,
                category=category,
            )
            return text or QCoreApplication.translate("RecordsModel", "(empty)")
        return cell_text(rec.fields, column, lang=lang, category=category)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Time sorts at any size (the vault's index). Another column sorts while the
        (filtered) rows number at most ``sort_limit``; above, ``sort_refused`` explains and
        the time order stays. The answer for a column comes off the GUI thread."""
        if not 0 <= column < len(self._columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._columns[column].is_time:
            self.set_order("time_desc" if descending else "time_asc")
            return
        if self._source is None or (column, descending) in (self._sort, self._line_sort):
            return
        if not sortable(self._columns[column]):
            if self._exhausted:
                self.beginResetModel()
                self._line_sort = (column, descending)
                self._sort_lines(column, descending)
                self.endResetModel()
            return
        if not hasattr(self._source, "sorted_page"):
            return
        self._start_sorted(column, descending, cleared=False)


def _first_sorted_page(
    source: Any,
    column: Column,
    descending: bool,
    limit: int,
    filter_text: str | None,
    page_size: int,
) -> tuple[str, Any]:
    """Worker side: ``("refused", rows)`` above ``limit``, else ``("rows", first page)``."""
    rows = int(source.count(filter_text))
    if rows > limit:
        return "refused", rows
    return "rows", source.sorted_page(column, descending, None, page_size, filter_text)


# Texts for lupdate that are stored as data above.
def _texts_for_translation() -> None:  # pragma: no cover - only read by lupdate
    for text in (
        QCoreApplication.translate("RecordsModel", "Field"),
        QCoreApplication.translate("RecordsModel", "Value"),
        QCoreApplication.translate("RecordsModel", "Content"),
    ):
        del text
