"""Meta's three record shapes (platform-exports-multi.md Q3) and localised keys (Q2).

(a) plain objects under a root key (``{"friends_v2": [{name, timestamp}]}``);
(b) ``string_map_data`` / ``string_list_data`` / ``media_map_data`` wrappers whose values are
    ``{href, value, timestamp}`` (``timestamp: 0`` = no time);
(c) ``label_values`` records: ``{timestamp?, label_values: [{label, value, href?} |
    {label, vec: [...]} | {title?, dict: [...]} | {label: "Time", timestamp_value}], fbid}``.

Fields are found by meaning, not by one English key: the time is the entry with a non-zero
timestamp (or a time-labelled entry's text), and the labels below are known in English,
French, German, Dutch, Spanish, Italian, Portuguese and Korean.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

from plainview.importers.common import item_text
from plainview.platforms.base import norm_key
from plainview.platforms.meta.times import any_time, epoch, text_time


def _aliases(names: str) -> frozenset[str]:
    return frozenset(norm_key(n) for n in names.split("|") if n.strip())


TIME_LABELS: Final = _aliases(
    "Time | Heure | Zeit | Uhrzeit | Tijd | Hora | Ora | 시간 | Date | Datum | Fecha | "
    "Last Login | Dernière connexion | Letzte Anmeldung | GPS Time Uploaded | "
    "Website session start time | Received on | Reçu le"
)
USERNAME_LABELS: Final = _aliases(
    "Username | User Name | Nom d’utilisateur | Nom d'utilisateur | Benutzername | "
    "Gebruikersnaam | Nombre de usuario | Nome utente | Nome de usuário | 사용자 이름"
)
NAME_LABELS: Final = _aliases("Name | Nom | Nom de profil | Naam | Nombre | Nome | 이름")
IP_LABELS: Final = _aliases(
    "IP Address | Adresse IP | IP-Adresse | IP-adres | Dirección IP | Indirizzo IP | "
    "Endereço IP | IP 주소"
)

# Keys of plain objects that carry a time, in order of preference.
TIME_KEYS: Final = (
    "timestamp_ms",
    "timestamp",
    "creation_timestamp",
    "created_timestamp",
    "start_timestamp",
    "added_timestamp",
    "registration_timestamp",
    "verification_time",
    "taken_timestamp",
    "update_timestamp",
    "created_at",
    "date",
    "time",
)


def _entry_time(entry: Any) -> datetime | None:
    if isinstance(entry, dict):
        for key in ("timestamp", "timestamp_value", "creation_timestamp"):
            found = epoch(entry.get(key))
            if found is not None:
                return found
    return None


def item_time(item: Any) -> datetime | None:
    """When a Meta item happened, or ``None`` (never 1970)."""
    if isinstance(item, list):  # 2018-20 flat pairs: ["2018-05-04T12:00:00+00:00", "user"]
        for v in item[:4]:
            found = any_time(v) if isinstance(v, str) else None
            if found is not None:
                return found
        return None
    if not isinstance(item, dict):
        return None
    for key in TIME_KEYS:
        if key in item:
            found = any_time(item[key])
            if found is not None:
                return found
    smd = item.get("string_map_data")
    if isinstance(smd, dict):
        found = _map_time(smd)
        if found is not None:
            return found
    sld = item.get("string_list_data")
    if isinstance(sld, list):
        for entry in sld:
            found = _entry_time(entry)
            if found is not None:
                return found
    for key in ("label_values", "dict", "vec"):
        entries = item.get(key)
        if isinstance(entries, list):
            found = _label_time(entries)
            if found is not None:
                return found
    event = item.get("event")  # an off-Meta event with its company around it
    if isinstance(event, dict):
        found = item_time(event)
        if found is not None:
            return found
    media = item.get("media")  # Instagram posts: the time sits on the first photo
    if isinstance(media, list):
        for m in media[:4]:
            found = _entry_time(m)
            if found is not None:
                return found
    title = item.get("title")
    if isinstance(title, str) and len(title) >= 10 and title[:4].isdigit():
        return text_time(title)
    return None


def _map_time(smd: dict[str, Any]) -> datetime | None:
    first: datetime | None = None
    text: datetime | None = None
    for key, entry in smd.items():
        t = _entry_time(entry)
        is_time = norm_key(key) in TIME_LABELS
        if t is not None:
            if is_time:
                return t
            first = first or t
        elif is_time and text is None and isinstance(entry, dict):
            text = text_time(entry.get("value"))
    return first or text


def _label_time(entries: list[Any], depth: int = 0) -> datetime | None:
    text: datetime | None = None
    for e in entries:
        if not isinstance(e, dict):
            continue
        t = _entry_time(e)
        if t is not None:
            return t
        label = e.get("label")
        if text is None and isinstance(label, str) and norm_key(label) in TIME_LABELS:
            text = text_time(e.get("value"))
        if depth < 3:
            for sub in ("dict", "vec"):
                inner = e.get(sub)
                if isinstance(inner, list):
                    t = _label_time(inner, depth + 1)
                    if t is not None:
                        return t
    return text


def labelled(item: Any, aliases: frozenset[str]) -> str | None:
    """The value of the first entry whose key or label is one of ``aliases``, any shape."""
    for key, value in walk_labels(item):
        if norm_key(key) in aliases and isinstance(value, str) and value.strip():
            return value.strip()
    return None


def walk_labels(item: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """``(key or label, value)`` pairs of every shape: plain keys, string_map_data entries,
    label_values entries (nested ``dict``/``vec`` too)."""
    if depth > 6:
        return
    if isinstance(item, dict):
        label = item.get("label")
        if isinstance(label, str) and "value" in item:
            yield label, item.get("value")
        for key, value in item.items():
            if key == "string_map_data" and isinstance(value, dict):
                for k, entry in value.items():
                    if isinstance(entry, dict):
                        yield k, entry.get("value")
            elif isinstance(value, dict | list):
                yield from walk_labels(value, depth + 1)
            elif isinstance(key, str) and key not in ("label", "value"):
                yield key, value
    elif isinstance(item, list):
        for v in item:
            yield from walk_labels(v, depth + 1)


def account_of(profile: Any) -> str | None:
    """The username in a profile record (any language, any shape), at most 200 characters."""
    found = labelled(profile, USERNAME_LABELS)
    if found is None and isinstance(profile, dict):
        name = profile.get("name")
        if isinstance(name, dict):
            full = name.get("full_name")
            found = full if isinstance(full, str) and full.strip() else None
    if found is None:
        found = labelled(profile, NAME_LABELS)
    return found[:200] if found else None


def search_text(item: Any, extra: str = "") -> str:
    """What full-text search indexes: the words of the item (no links or dates)."""
    return item_text(item, extra)
