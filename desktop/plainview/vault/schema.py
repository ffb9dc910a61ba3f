"""Database schema and migrations. The version lives in ``PRAGMA user_version``.

``user_version = MAJOR * 1000 + MINOR``. A vault whose major version is newer than this
code's is refused (``VaultTooNew``); a newer minor version is opened (additive changes only).
Migrations are append-only: never edit a shipped step, add a new one.
"""

from __future__ import annotations

from typing import Final

SCHEMA_MAJOR: Final = 1

# (user_version after the step, SQL). Each step runs inside one transaction.
MIGRATIONS: Final[tuple[tuple[int, str], ...]] = (
    (
        1001,
        """
        CREATE TABLE imports (
            id           INTEGER PRIMARY KEY,
            platform     TEXT NOT NULL,
            format       TEXT NOT NULL,            -- json | txt
            schema       TEXT NOT NULL,            -- v1 | v2 | v3 | txt
            source_name  TEXT NOT NULL,            -- file name only, never a full path
            account      TEXT,                     -- account the export belongs to, if known
            fingerprint  TEXT,                     -- hash of the archive, to spot re-imports
            started_at   TEXT NOT NULL,            -- ISO 8601 UTC
            finished_at  TEXT,
            status       TEXT NOT NULL CHECK (status IN
                             ('running', 'complete', 'cancelled', 'failed')),
            records      INTEGER NOT NULL DEFAULT 0,   -- items read from the export
            added        INTEGER NOT NULL DEFAULT 0,   -- new records stored
            duplicates   INTEGER NOT NULL DEFAULT 0,   -- items already in the vault
            result_json  TEXT                      -- full import result (per category, warnings)
        );

        CREATE TABLE records (
            id           INTEGER PRIMARY KEY,
            category     TEXT NOT NULL,
            occurred_at  INTEGER,                  -- Unix seconds, UTC; NULL when unknown
            fields       TEXT NOT NULL,            -- the original item, JSON
            import_id    INTEGER NOT NULL REFERENCES imports(id),
            source_path  TEXT NOT NULL,
            content_hash BLOB NOT NULL,            -- sha256(category, canonical JSON)[:16]
            occurrence   INTEGER NOT NULL,         -- n-th identical item in one import
            UNIQUE (content_hash, occurrence)
        );
        CREATE INDEX records_by_category_time ON records (category, occurred_at, id);
        CREATE INDEX records_by_import ON records (import_id);

        -- Full-text index over Record.text; rowid = records.id. Contentless: the text
        -- itself stays only in records.fields.
        CREATE VIRTUAL TABLE records_fts USING fts5 (
            text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
        );

        -- Per import, what happened to each section of the export.
        CREATE TABLE sections (
            import_id    INTEGER NOT NULL REFERENCES imports(id),
            path         TEXT NOT NULL,            -- section path inside the export
            category     TEXT NOT NULL,
            status       TEXT NOT NULL CHECK (status IN
                             ('imported', 'empty', 'missing', 'unrecognized')),
            count        INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (import_id, path)
        );

        -- Small typed settings kept inside the encrypted vault (never in QSettings).
        CREATE TABLE settings (
            key          TEXT PRIMARY KEY,
            value        TEXT NOT NULL             -- JSON
        );

        -- Sharing choices (DESIGN.md "Sharing choices"). Absent row = private.
        CREATE TABLE choices (
            category     TEXT PRIMARY KEY,
            share        TEXT NOT NULL CHECK (share IN ('private', 'anonymized', 'shared')),
            updated_at   TEXT NOT NULL
        );

        -- Per purpose: may the platform use this data for ...? yes | no | unsure.
        CREATE TABLE purpose_answers (
            purpose      TEXT PRIMARY KEY,
            answer       TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
            updated_at   TEXT NOT NULL
        );

        -- Append-only consent ledger. Triggers refuse UPDATE and DELETE.
        CREATE TABLE ledger (
            id           INTEGER PRIMARY KEY,
            at           TEXT NOT NULL,
            kind         TEXT NOT NULL,            -- share | purpose
            subject      TEXT NOT NULL,            -- category id or purpose id
            old          TEXT,
            new          TEXT NOT NULL
        );
        CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
        CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;

        -- Guided audit: one row per (audit, category) step.
        CREATE TABLE audits (
            id           INTEGER PRIMARY KEY,
            participant  TEXT NOT NULL DEFAULT '',
            started_at   TEXT NOT NULL,
            finished_at  TEXT,
            position     INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE audit_answers (
            audit_id     INTEGER NOT NULL REFERENCES audits(id),
            category     TEXT NOT NULL,
            expected     TEXT CHECK (expected IN ('yes', 'no', 'unsure')),
            notes        TEXT NOT NULL DEFAULT '',
            updated_at   TEXT NOT NULL,
            PRIMARY KEY (audit_id, category)
        );
        """,
    ),
    (
        1002,
        """
        -- Newest-first search across every category (vault.search) without sorting all hits.
        CREATE INDEX records_by_time ON records (occurred_at, id);
        """,
    ),
    (
        1003,
        """
        -- While an import runs: how often it met an item already stored by an earlier import
        -- (so not stored again). With the import's own records this gives each item's
        -- occurrence in bounded memory. Written inside the import's transaction and emptied
        -- before it commits: a committed vault holds no rows here.
        CREATE TABLE import_repeats (
            import_id    INTEGER NOT NULL,
            content_hash BLOB NOT NULL,
            seen         INTEGER NOT NULL,
            PRIMARY KEY (import_id, content_hash)
        ) WITHOUT ROWID;
        """,
    ),
    (
        1004,
        """
        -- Every export of data (share package, report, letter, export file) is a ledger line
        -- of kind 'export': subject says what, new which file and what it held. Who it was
        -- for and why are optional.
        ALTER TABLE ledger ADD COLUMN recipient TEXT;
        ALTER TABLE ledger ADD COLUMN purpose TEXT;
        """,
    ),
)

LATEST_VERSION: Final = MIGRATIONS[-1][0]
