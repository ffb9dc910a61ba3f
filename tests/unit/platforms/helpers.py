"""Helpers for platform tests: read an export through the real safe archive reader."""

from __future__ import annotations

from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from plainview.importers.archive import open_archive
from plainview.model import Record
from plainview.platforms import DEFAULT_PLATFORMS, PlatformRegistry
from plainview.platforms.base import Detection, ParseLog
from plainview.platforms.members import ExportFiles

REGISTRY = PlatformRegistry(DEFAULT_PLATFORMS)


def read_export(*paths: Path) -> tuple[Detection, list[Record], ParseLog]:
    """Detect and parse one export made of ``paths`` (zips or folders), as the app will."""
    with ExitStack() as stack:
        archives = [stack.enter_context(open_archive(p)) for p in paths]
        files = ExportFiles(archives, REGISTRY.roots)
        found = REGISTRY.detect(files.members)
        assert found is not None, "no platform recognised the export"
        platform = REGISTRY.get(found.platform)
        log = ParseLog.for_platform(platform)
        records = list(platform.parser(found.format, found.schema).parse(files, log))
    return found, records, log


def counts(records: list[Record]) -> Counter[str]:
    return Counter(r.category for r in records)
