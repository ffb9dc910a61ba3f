""" "Anonymized" means anonymous (issue 16 item 1): identifiers of every shape the security
review found, planted in generated TikTok exports of every format (JSON v1-oldest, v1, v2, v3
and TXT), never survive anonymization.

Shapes planted (each a unique marker, or a distinctive number):

- free text in fields whose values are kept: the sound title "original sound - <nickname>",
  ``Source``, ``Event``, ``Type``, ``Status``, ``Carrier``, ``DeviceModel``, ``NetworkType``,
  interest lists;
- numbers under unknown keys and inside unrecognized sections: a user id, an epoch time, a
  coordinate;
- source paths and keys: a TXT (or JSON) export inside a folder named after the user with the
  export time to the second, a chat partner and a group chat's chosen name used as map keys, a
  CamelCase key holding a name;
- links to the user's own posts and comments, whose video id leads back to the account.

The records come from the real importer (in this process), the redaction from the same
function the share package uses (``package.anonymized_record``). One end-to-end test then
builds a real share package with every category anonymized and scans its bytes.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.importers import worker
from plainview.importers.archive import open_archive
from plainview.importers.registry import plan
from plainview.sharing.package import anonymized_record
from plainview.sharing.redact import Pseudonymizer, Redactor
from tests.fixtures.tiktok_export import build_export

FORMATS = [
    ("v1_oldest", "json"),
    ("v1", "json"),
    ("v2", "json"),
    ("v3", "json"),
    ("v1", "txt"),
    ("v2", "txt"),
    ("v3", "txt"),
]
EXAMPLES = 300


@dataclass
class Plant:
    """What was planted: strings that must not appear (case-insensitively) and numbers."""

    texts: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    sites: dict[str, int] = field(default_factory=dict)  # shape -> times planted


@dataclass(frozen=True)
class Ids:
    word: str  # lower-case marker: a nickname, a handle
    name: str  # CamelCase marker: a name used as a key
    user_id: int
    epoch: int
    coord: float
    video_id: int
    stamp: str  # an export time to the second: 20250301123456


ids = st.builds(
    Ids,
    word=st.text("bcdfghjkmnpqrstvwxz", min_size=6, max_size=10).map(lambda s: f"pv{s}q"),
    name=st.text("bcdfghjkmnpqrstvwxz", min_size=4, max_size=8).map(
        lambda s: f"Pv{s.capitalize()}Zq"
    ),
    user_id=st.integers(10**17, 10**19 - 1),
    epoch=st.integers(1_500_000_000, 1_800_000_000),
    coord=st.floats(10, 80).map(lambda x: round(x, 6) + 0.0000011),
    video_id=st.integers(7 * 10**18 + 10**17, 7 * 10**18 + 9 * 10**17),
    stamp=st.datetimes().map(lambda d: f"{2020 + d.year % 6}{d:%m%d%H%M%S}"),
)


def _numbers(i: Ids) -> list[str]:
    return [str(i.user_id), str(i.epoch), repr(i.coord)]


def _own_link(i: Ids) -> str:
    return f"https://www.tiktokv.com/share/video/{i.video_id}/"


# --- planting into a JSON document --------------------------------------------------------


def _dicts(value: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            out.append(v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return out


def _plant_json(doc: dict[str, Any], i: Ids, p: Plant) -> None:
    w, n = i.word, i.name
    for d in _dicts(doc):
        if "Sound" in d:  # an own post
            d["Sound"] = f"original sound - {w}"
            d["Link"] = _own_link(i)
            d["NewUserRef"] = i.user_id  # a number under an unknown key
            d[n] = 1  # a CamelCase key holding a name
            p.sites["own post"] = p.sites.get("own post", 0) + 1
        if "originalPostUrl" in d:  # an own comment
            d["originalPostUrl"] = _own_link(i)
            p.sites["own comment"] = p.sites.get("own comment", 0) + 1
        if "Source" in d and "Event" in d:
            d["Source"], d["Event"] = f"{w}.example", f"{w} opened"
            p.sites["source/event"] = p.sites.get("source/event", 0) + 1
        if "Carrier" in d:
            d["Carrier"] = w
            d["DeviceModel"] = f"{n}'s phone"
            d["NetworkType"] = w
            d["SessionPlace"] = i.coord
            p.sites["device text"] = p.sites.get("device text", 0) + 1
        if "CoinAmount" in d:
            d["Type"] = w
        if "ReviewText" in d:
            d["Status"] = w
        if "Interests" in d:
            d["Interests"] = f"Food|{w}|Travel"
            p.sites["interests"] = p.sites.get("interests", 0) + 1
        if "AdInterestCategories" in d:
            d["AdInterestCategories"] = f"{w}|Travel"
        chats = [k for k in d if k.startswith(("Chat History with", "Group Chat with"))]
        if chats:
            prefix = chats[0].split(" with ")[0]
            msg = {"Date": "2025-01-02 10:00:00", "From": w, "Content": "hello"}
            d[f"{prefix} with {w}:"] = [msg]
            p.sites["chat name"] = p.sites.get("chat name", 0) + 1
    # an unknown section: numbers and a name as a key inside an unrecognized record
    doc["Mystery Root"] = {
        n: {"OwnerId": i.user_id, "Seen": i.epoch, "Lat": i.coord, "Note": w},
        "FutureList": [{"Date": "2025-01-02 10:00:00", "Ref": i.user_id}],
    }
    p.sites["unrecognized"] = 1


# --- planting into a TXT export -----------------------------------------------------------


def _append(files: dict[str, bytes], suffix: str, block: str) -> bool:
    for name in files:
        if name.endswith(suffix):
            files[name] = files[name].rstrip(b"\n") + b"\n\n" + block.encode() + b"\n"
            return True
    return False


def _plant_txt(files: dict[str, bytes], i: Ids, p: Plant) -> dict[str, bytes]:
    w, n = i.word, i.name
    root = next(iter(files)).split("/")[0]
    if _append(
        files,
        "/Login History.txt",
        f"Date: 2025-01-02 10:00:00\nIP: 192.0.2.7\nDevice Model: {n}'s phone\n"
        f"Device System: Android 14\nNetwork Type: {w}\nCarrier: {w}\nSession Ref: {i.user_id}",
    ):
        p.sites["device text"] = 1
    if _append(
        files,
        "/Off TikTok Activity.txt",
        f"Date: 2025-01-02 10:00:00\nSource: {w}.example\nEvent: {w} opened",
    ):
        p.sites["source/event"] = 1
    files[f"{root}/Post/Posts.txt"] = (
        f"Date: 2025-01-02 10:00:00\nLink: {_own_link(i)}\nSound: original sound - {w}\n"
        f"Likes: 3\nWho Can View: Everyone\n"
    ).encode()
    p.sites["own post"] = 1
    for name in list(files):
        if name.endswith(("/Settings.txt", "/Instellingen.txt")):
            files[name] = files[name].replace(b"Food|Travel", f"Food|{w}|Travel".encode())
            p.sites["interests"] = 1
    _append(
        files,
        "/Brand New Section.txt",
        f"Owner Id: {i.user_id}\nSeen: {i.epoch}\nLat: {i.coord}\n{n}: {w}",
    )
    p.sites["unrecognized"] = 1
    # the export inside a folder named after the user, with the export time to the second
    folder = f"TikTok_Data_{w}_{i.stamp}"
    p.texts.append(i.stamp)
    p.sites["folder name"] = 1
    return {f"{folder}/{name}": data for name, data in files.items()}


# --- building, importing, anonymizing -----------------------------------------------------


def _export(gen: str, fmt: str, i: Ids, tmp: Path) -> tuple[Path, Plant, list[str]]:
    e = build_export(gen, fmt=fmt, seed=i.user_id % 1000)
    p = Plant(texts=[i.word, i.name, str(i.video_id)], numbers=_numbers(i))
    files = dict(e.files)
    if fmt == "json":
        assert e.json_member is not None
        doc = json.loads(files[e.json_member])
        _plant_json(doc, i, p)
        files[e.json_member] = json.dumps(doc).encode()
        # the JSON member inside a folder named after the user, too
        files = {f"TikTok_Data_{i.word}_{i.stamp}/{k}": v for k, v in files.items()}
        p.texts.append(i.stamp)
        p.sites["folder name"] = 1
    else:
        files = _plant_txt(files, i, p)
    path = tmp / f"{gen}-{fmt}.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path, p, list(e.markers)


def _rows(path: Path) -> list[tuple[Any, ...]]:
    with open_archive(path) as archive:
        the_plan = plan(archive)
    rows: list[tuple[Any, ...]] = []
    for message in worker.messages(path, the_plan):
        if message[0] == "records":
            rows.extend(message[1])
        assert message[0] != "rejected", message
    return rows


def _anonymized(rows: list[tuple[Any, ...]]) -> str:
    pseudonym = Pseudonymizer()
    out = []
    for category, occurred_at, fields, source, _text in rows:
        out.append(anonymized_record(category, occurred_at, fields, source, Redactor(pseudonym)))
    return json.dumps(out, ensure_ascii=False)


def _survivors(text: str, plant: Plant, markers: list[str]) -> list[str]:
    low = text.casefold()
    found = [t for t in [*plant.texts, *markers] if t.casefold() in low]
    return found + [n for n in plant.numbers if n in text]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(fmt=st.sampled_from(FORMATS), planted=ids)
def test_no_planted_identifier_survives_anonymization(fmt: tuple[str, str], planted: Ids) -> None:
    gen, kind = fmt
    with tempfile.TemporaryDirectory() as tmp:
        path, plant, markers = _export(gen, kind, planted, Path(tmp))
        rows = _rows(path)
    # the planting really reached the records (a test that cannot fail proves nothing)
    raw = json.dumps([(r[2], r[3]) for r in rows], ensure_ascii=False)
    assert planted.word in raw and str(planted.user_id) in raw
    assert planted.stamp in raw or kind == "json"  # JSON paths name the member's base name
    assert {"own post", "unrecognized", "folder name", "source/event"} <= set(plant.sites)
    text = _anonymized(rows)
    assert _survivors(text, plant, markers) == []
    # and the package still says something: days, truncated IPs, kept counts and structure
    assert "[removed]" in text and "original sound" not in text.replace("[removed]", "")
    assert "192.0.2.0/24" in text or "198.51.100.0/24" in text or "2001:db8::/48" in text


@pytest.mark.parametrize(("gen", "fmt"), FORMATS)
def test_each_format_holds_every_shape_before_anonymization(gen: str, fmt: str) -> None:
    """The planting covers each shape in each format (so the property test is not empty)."""
    i = Ids(
        "pvzzkkq",
        "PvZorroZq",
        123456789012345678,
        1712345678,
        52.3712341,
        7 * 10**18 + 10**17 + 5,
        "20250301123456",
    )
    with tempfile.TemporaryDirectory() as tmp:
        path, plant, _markers = _export(gen, fmt, i, Path(tmp))
        rows = _rows(path)
    raw = json.dumps([(r[2], r[3]) for r in rows], ensure_ascii=False)
    for shape in ("own post", "unrecognized", "folder name", "source/event", "device text"):
        assert shape in plant.sites, (gen, fmt, shape)
    assert "original sound - pvzzkkq" in raw
    if fmt == "txt":  # the folder name is in TXT source paths
        assert "TikTok_Data_pvzzkkq_20250301123456" in raw
    assert str(i.video_id) in raw
    assert "123456789012345678" in raw and "52.3712341" in raw
    if fmt == "json":
        assert "Chat History with pvzzkkq:" in raw  # a chat partner as a map key
        assert "PvZorroZq" in raw
    text = _anonymized(rows)
    assert _survivors(text, plant, []) == []


# --- end to end: a real share package, every category anonymized --------------------------


@pytest.mark.parametrize(("gen", "fmt"), [("v3", "json"), ("v2", "txt")])
def test_share_package_with_every_category_anonymized_holds_no_identifier(
    vault: Any, tmp_path: Path, gen: str, fmt: str
) -> None:
    from plainview.importers import run_import
    from plainview.model import TIKTOK_CATEGORIES
    from plainview.sharing import choices
    from plainview.sharing.package import build_share_package

    i = Ids(
        "pvwwkkq",
        "PvWalterZq",
        987654321098765432,
        1698765432,
        48.8583701,
        7 * 10**18 + 10**17 + 9,
        "20240615101112",
    )
    path, plant, markers = _export(gen, fmt, i, tmp_path)
    run_import(vault, path, isolate=False)
    for category in TIKTOK_CATEGORIES:
        choices.set_share(vault, category, "anonymized")
    out = build_share_package(vault, tmp_path / "package.zip")
    with zipfile.ZipFile(out.path) as zf:
        text = "\n".join(zf.read(n).decode("utf-8") for n in zf.namelist())
        times = {info.date_time for info in zf.infolist()}
    assert _survivors(text, plant, markers) == []
    assert times == {(1980, 1, 1, 0, 0, 0)}  # one fixed time, no local time zone
