"""Facts from the user's own data, worded for a person (en + zh_CN). Qt-free.

``facts_for(vault, category, lang)`` for a category page, ``headline_facts(vault, lang)`` for
the overview, ``coverage(vault)`` for the period, and chart series
``activity_by_hour`` / ``activity_over_time``. Every number is an SQL aggregate over the
vault, so a million records cost index scans, not Python loops. The stored times are UTC
(the export gives no time zone). The facts' hours and weekdays are UTC and say so unless a
``tz`` is given (the app's pages pass the user's zone; reports and share packages stay UTC so
they reveal no time zone); the chart series are in the user's local time zone (``tz``,
default ``local_zone()``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, Final, Literal

from plainview.catalog import POLICIES, policy_for_region
from plainview.insights import queries as q
from plainview.insights import zones as _zones
from plainview.insights.queries import Readable
from plainview.insights.text import Texts
from plainview.model import TIKTOK_CATEGORIES, UNRECOGNIZED

__all__ = [
    "Fact",
    "account_region",
    "activity_by_hour",
    "activity_over_time",
    "coverage",
    "facts_for",
    "headline_facts",
    "local_zone",
    "policy_for_vault",
    "section_status",
    "zone_label",
]

# Settings worth showing as they are written in the export (TikTok's own labels).
SHOWN_SETTINGS: Final = ("Personalized Ads", "Private Account", "App Language")
# Categories whose times say something about a person's day.
TIMED_ROUTINE: Final = (
    "tiktok.watch_history",
    "tiktok.likes",
    "tiktok.searches",
    "tiktok.comments",
    "tiktok.direct_messages",
    "tiktok.logins",
)
MIN_FOR_PATTERNS: Final = 10  # fewer timed records say nothing about habits


@dataclass(frozen=True, slots=True)
class Fact:
    id: str  # stable, e.g. "logins", "busiest_hour", "setting.Personalized Ads"
    text: str  # localized sentence
    value: Any  # the number(s) behind it, JSON-friendly
    category: str = ""


def coverage(vault: Readable) -> tuple[datetime, datetime] | None:
    """The period the data covers (first and last time of any record), or None."""
    return q.coverage(vault)


def local_zone() -> tzinfo:
    """This computer's time zone: the named zone (with its daylight-saving rules) when the
    system says which one it is, else the current fixed UTC offset."""
    return _zones.local_zone()


def zone_label(tz: tzinfo) -> str:
    """``UTC+08:00``, or the zone's name (``Europe/Amsterdam``) when it has daylight saving."""
    return _zones.zone_label(tz)


def activity_by_hour(vault: Readable, category: str, tz: tzinfo | None = None) -> list[int]:
    """24 counts, index = hour of day in ``tz`` (default: this computer's zone)."""
    return q.by_hour(vault, category, local_zone() if tz is None else tz)


def activity_over_time(
    vault: Readable,
    category: str,
    bucket: Literal["day", "month"] = "day",
    tz: tzinfo | None = None,
) -> list[tuple[str, int]]:
    """``[(ISO day or month, count), ...]`` oldest first, for the charts; the days and months
    are those of ``tz`` (default: this computer's zone)."""
    return q.over_time(vault, category, bucket, local_zone() if tz is None else tz)


def account_region(vault: Readable) -> str | None:
    """``accountRegion`` from the newest imported profile, if the export has it."""
    for fields in q.latest_fields(vault, "tiktok.profile", limit=3):
        if isinstance(fields, dict):
            region = fields.get("accountRegion") or fields.get("Account Region")
            if q.useful(region):
                return str(region).strip().upper()
    return None


def policy_for_vault(vault: Any) -> tuple[str, str]:
    """(policy, why): the account region's policy, else the vault setting, else EEA.

    ``why`` is ``"account_region"``, ``"setting"`` or ``"default"``.
    """
    region = account_region(vault)
    if region:
        return policy_for_region(region), "account_region"
    setting = vault.get_setting("policy", None) if hasattr(vault, "get_setting") else None
    if setting in POLICIES:
        return str(setting), "setting"
    return "eea", "default"


def section_status(vault: Any, category: str) -> str | None:
    """What the newest complete import said about a category's sections.

    ``"imported"`` (records came from it), ``"empty"`` (present but empty), ``"missing"``
    (not in the export) or ``None`` (nothing imported yet).
    """
    complete = [i for i in vault.imports() if i.status == "complete"]
    if not complete:
        return None
    latest = max(complete, key=lambda i: i.id)
    statuses = {status for _path, cat, status, _n in vault.sections(latest.id) if cat == category}
    for status in ("imported", "empty", "unrecognized"):
        if status in statuses:
            return "imported" if status == "unrecognized" else status
    return "missing"


# --- facts ---------------------------------------------------------------------------------


def _general(vault: Readable, category: str, t: Texts, tz: tzinfo | None = None) -> list[Fact]:
    n, first, last, days = q.basics(vault, category)
    if n == 0:
        return []
    out = [Fact("count", t.fact("count", items=t.count(n, "item")), n, category)]
    if first is not None and last is not None:
        out.append(
            Fact(
                "period",
                t.fact("period", start=t.date(first), end=t.date(last)),
                {"start": first.isoformat(), "end": last.isoformat()},
                category,
            )
        )
    if category in TIMED_ROUTINE:
        hours = q.by_hour(vault, category, UTC if tz is None else tz)
        if sum(hours) >= MIN_FOR_PATTERNS:
            out += _patterns(vault, category, t, hours, days, tz)
    return out


def _zone(tz: tzinfo | None) -> str | None:
    """How an hour is labelled: ``None`` = UTC (reports, CLI), else the local zone's name."""
    return None if tz is None else zone_label(tz)


def _routine(category: str, t: Texts, hours: list[int], tz: tzinfo | None = None) -> Fact:
    busy = max(range(24), key=lambda h: (hours[h], -h))
    quiet = min(range(24), key=lambda h: (hours[h], h))
    zone = _zone(tz)
    return Fact(
        "routine",
        t.fact("routine", busy=t.hours(busy, zone, marked=False), quiet=t.hours(quiet, zone)),
        {"busiest_hour": busy, "quietest_hour": quiet},
        category,
    )


def _patterns(
    vault: Readable, category: str, t: Texts, hours: list[int], days: int, tz: tzinfo | None
) -> list[Fact]:
    busy = max(range(24), key=lambda h: (hours[h], -h))
    weekdays = q.by_weekday(vault, category, UTC if tz is None else tz)
    top_day = max(range(7), key=lambda d: (weekdays[d], -d))
    out = [
        Fact(
            "busiest_hour",
            t.fact("busiest_hour", hours=t.hours(busy, _zone(tz))),
            busy,
            category,
        ),
        Fact(
            "busiest_weekday",
            t.fact("busiest_weekday", weekday=t.weekday(top_day)),
            top_day,
            category,
        ),
        _routine(category, t, hours, tz),
    ]
    if days:
        per_day = round(sum(hours) / days, 1)
        out.append(Fact("per_day", t.fact("per_day", per_day=t.number(per_day)), per_day, category))
    return out


def _logins(vault: Readable, t: Texts, full: bool = True) -> list[Fact]:
    cat = "tiktok.logins"
    n = q.count(vault, cat)
    if not n:
        return []
    ips = q.distinct_count(vault, cat, q.IP)
    devices = q.distinct_count(vault, cat, q.MODEL)
    out = [
        Fact(
            "logins",
            t.fact(
                "logins",
                times=t.count(n, "time"),
                ips=t.count(ips, "ip"),
                devices=t.count(devices, "device"),
            ),
            {"logins": n, "ips": ips, "devices": devices},
            cat,
        )
    ]
    if not full:
        return out
    latest = q.latest_with_time(vault, cat)
    if latest is not None:
        when, fields = latest
        model = _field(fields, "DeviceModel", "Device Model", "Apparaatmodel") or "?"
        out.append(
            Fact(
                "latest_login",
                t.fact("latest_login", date=t.date(when), device=model),
                {"at": when.isoformat(), "device": model},
                cat,
            )
        )
    nets = [v for v, _n in q.top_values(vault, cat, q.NETWORK, 5)]
    if nets:
        out.append(Fact("networks", t.fact("networks", networks=t.join(nets)), nets, cat))
    return out


def _off_platform(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.off_platform"
    companies = q.distinct_count(vault, cat, q.SOURCE)
    out: list[Fact] = []
    if companies:
        out.append(
            Fact(
                "off_platform",
                t.fact("off_platform", companies=t.count(companies, "company")),
                companies,
                cat,
            )
        )
    events = [v for v, _n in q.top_values(vault, cat, q.EVENT, 5)]
    if events:
        out.append(
            Fact(
                "off_platform_events",
                t.fact("off_platform_events", events=t.join([t.quote(e) for e in events])),
                events,
                cat,
            )
        )
    return out


def _settings(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.settings"
    out: list[Fact] = []
    found = q.latest_fields(vault, cat)
    fields = found[0] if found and isinstance(found[0], dict) else {}
    for name in SHOWN_SETTINGS:
        value = fields.get(name)
        if q.useful(value) and not isinstance(value, dict | list):
            out.append(
                Fact(f"setting.{name}", t.fact("setting", name=name, value=value), value, cat)
            )
    interests = _interests(fields.get("Interests"))
    if interests:
        out.append(
            Fact("interests", t.fact("interests", interests=t.join(interests)), interests, cat)
        )
    return out


def _interests(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if q.useful(v)]
    if q.useful(value):
        return [p.strip() for p in str(value).replace(",", "|").split("|") if q.useful(p)]
    return []


def _ad_interests(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.ad_interests"
    out: list[Fact] = []
    for fields in q.latest_fields(vault, cat, limit=4):
        if isinstance(fields, str) and q.useful(fields):
            cats = _interests(fields)
            out.append(
                Fact("ad_interests", t.fact("ad_interests", interests=t.join(cats)), cats, cat)
            )
        elif isinstance(fields, dict):
            adv = _interests(fields.get("AdvertiserList"))
            if adv:
                out.append(
                    Fact("advertisers", t.fact("advertisers", advertisers=t.join(adv)), adv, cat)
                )
            cats = _interests(fields.get("AdInterestCategories"))
            if cats:
                out.append(
                    Fact("ad_interests", t.fact("ad_interests", interests=t.join(cats)), cats, cat)
                )
    return _unique(out)


def _profile(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.profile"
    out: list[Fact] = []
    region = account_region(vault)
    if region:
        out.append(Fact("account_region", t.fact("account_region", region=region), region, cat))
    for fields in q.latest_fields(vault, cat):
        gender = fields.get("inferredGender") if isinstance(fields, dict) else None
        if q.useful(gender):
            out.append(
                Fact("inferred_gender", t.fact("inferred_gender", gender=gender), gender, cat)
            )
    return out


def _location(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.location"
    out: list[Fact] = []
    last_region = None
    for fields in q.latest_fields(vault, cat):
        last_region = _field(fields, "LastRegion", "Last Region")
        if last_region:
            out.append(
                Fact("last_region", t.fact("last_region", region=last_region), last_region, cat)
            )
        gps = _field(fields, "GpsData", "GPS Data")
        if gps:
            out.append(Fact("gps", t.fact("gps", gps=gps), gps, cat))
    inference = _location_inference(vault, t, last_region)
    return out + inference


def _location_inference(vault: Readable, t: Texts, last_region: str | None) -> list[Fact]:
    region = account_region(vault)
    ips = q.distinct_count(vault, "tiktok.logins", q.IP)
    if not (region or last_region) or not ips:
        return []
    return [
        Fact(
            "location_inference",
            t.fact("location_inference", region=region or last_region, ips=t.count(ips, "ip")),
            {"account_region": region, "last_region": last_region, "ips": ips},
            "tiktok.location",
        )
    ]


def _interest_inference(vault: Readable, t: Texts) -> list[Fact]:
    found: list[str] = []
    for f in _settings(vault, t) + _ad_interests(vault, t):
        if f.id in ("interests", "ad_interests"):
            found += [v for v in f.value if v not in found]
    if not found:
        return []
    return [
        Fact(
            "interest_inference",
            t.fact("interest_inference", interests=t.join(found)),
            found,
            "tiktok.settings",
        )
    ]


def _messages(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.direct_messages"
    n = q.count(vault, cat)
    if not n:
        return []
    chats = q.distinct_paths(vault, cat)
    return [
        Fact(
            "chats",
            t.fact("chats", messages=t.count(n, "message"), chats=t.count(chats, "chat")),
            {"messages": n, "chats": chats},
            cat,
        )
    ]


def _searches(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.searches"
    top = [v for v, n in q.top_values(vault, cat, q.TERM, 3) if n > 1]
    if not top:
        return []
    return [
        Fact(
            "top_searches",
            t.fact("top_searches", terms=t.join([t.quote(v) for v in top])),
            top,
            cat,
        )
    ]


def _devices(vault: Readable, t: Texts) -> list[Fact]:
    n = q.ad_ids(vault)
    if not n:
        return []
    return [Fact("ad_ids", t.fact("ad_ids", ad_ids=t.count(n, "ad_id")), n, "tiktok.devices")]


def _summary(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.activity_summary"
    out: list[Fact] = []
    for fields in q.latest_fields(vault, cat):
        for name, value in q.flatten(fields):
            if name and name.lower() != "note" and q.useful(value):
                shown = t.number(value) if isinstance(value, int | float) else str(value)
                out.append(
                    Fact(
                        f"summary.{name}",
                        t.fact("summary_value", name=name, value=shown),
                        value,
                        cat,
                    )
                )
    return out


def _unrecognized(vault: Readable, t: Texts) -> list[Fact]:
    n = q.count(vault, UNRECOGNIZED)
    if not n:
        return []
    return [Fact("unrecognized", t.fact("unrecognized", parts=t.count(n, "part")), n, UNRECOGNIZED)]


def _ad_clicks(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.ad_clicks"
    top = [v for v, _n in q.top_values(vault, cat, q.AD_TITLE, 3)]
    if not top:
        return []
    titles = t.join([t.quote(v) for v in top])
    return [Fact("top_ads", t.fact("top_ads", titles=titles), top, cat)]


def _posts(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.posts"
    values = [v for v, _n in q.top_values(vault, cat, q.WHO_CAN_VIEW, 4)]
    if not values:
        return []
    shown = t.join([t.quote(v) for v in values])
    return [Fact("post_audience", t.fact("post_audience", values=shown), values, cat)]


def _purchases(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.purchases"
    gifts = q.count_where(vault, cat, q.GIFT)
    if not gifts:
        return []
    people = q.distinct_count(vault, cat, q.USER)
    return [
        Fact(
            "gifts",
            t.fact("gifts", gifts=t.count(gifts, "gift"), people=t.count(people, "person")),
            {"gifts": gifts, "people": people},
            cat,
        )
    ]


_SPECIFIC: Final[dict[str, list[Callable[[Readable, Texts], list[Fact]]]]] = {
    "tiktok.logins": [_logins],
    "tiktok.off_platform": [_off_platform],
    "tiktok.settings": [_settings, _interest_inference],
    "tiktok.ad_interests": [_ad_interests, _interest_inference],
    "tiktok.profile": [_profile],
    "tiktok.location": [_location],
    "tiktok.direct_messages": [_messages],
    "tiktok.searches": [_searches],
    "tiktok.devices": [_devices],
    "tiktok.activity_summary": [_summary],
    "tiktok.ad_clicks": [_ad_clicks],
    "tiktok.posts": [_posts],
    "tiktok.purchases": [_purchases],
    UNRECOGNIZED: [_unrecognized],
}


def facts_for(
    vault: Readable, category: str, lang: str = "en", tz: tzinfo | None = None
) -> list[Fact]:
    """Facts about one category of the user's data, in ``lang``. Empty when it has no data.

    Hours and weekdays are UTC, and say so, unless ``tz`` is given (the app passes the user's
    zone; reports and share packages stay in UTC so they reveal no time zone)."""
    if category not in TIKTOK_CATEGORIES:
        from plainview.errors import UsageError

        raise UsageError(
            f"unknown category {category!r}",
            hint="valid categories: " + ", ".join(TIKTOK_CATEGORIES),
        )
    t = Texts(lang)
    out: list[Fact] = []
    for make in _SPECIFIC.get(category, []):
        out += make(vault, t)
    if category != UNRECOGNIZED:
        out += _general(vault, category, t, tz)
    return _unique(out)


def headline_facts(
    vault: Readable, lang: str = "en", limit: int = 5, tz: tzinfo | None = None
) -> list[Fact]:
    """The most striking facts across the data, for the overview (at most ``limit``); hours
    in ``tz`` when given, else UTC (see ``facts_for``)."""
    t = Texts(lang)
    candidates: list[Callable[[], list[Fact]]] = [
        lambda: _logins(vault, t, full=False),
        lambda: [f for f in _off_platform(vault, t) if f.id == "off_platform"],
        lambda: _watched(vault, t),
        lambda: [f for f in _general(vault, "tiktok.watch_history", t, tz) if f.id == "routine"],
        lambda: [f for f in _settings(vault, t) if f.id == "setting.Personalized Ads"],
        lambda: _location_inference(vault, t, None),
        lambda: _searched(vault, t),
        lambda: _messages(vault, t),
        lambda: _interest_inference(vault, t),
    ]
    out: list[Fact] = []
    for make in candidates:
        if len(out) >= limit:
            break
        out += make()[: limit - len(out)]
    return out


def _watched(vault: Readable, t: Texts) -> list[Fact]:
    cat = "tiktok.watch_history"
    n, first, last = q.span(vault, cat)
    if not n or first is None or last is None:
        return []
    return [
        Fact(
            "watched",
            t.fact("watched", videos=t.count(n, "video"), start=t.date(first), end=t.date(last)),
            n,
            cat,
        )
    ]


def _searched(vault: Readable, t: Texts) -> list[Fact]:
    n = q.count(vault, "tiktok.searches")
    if not n:
        return []
    return [Fact("searched", t.fact("searched", times=t.count(n, "time")), n, "tiktok.searches")]


def _field(fields: Any, *names: str) -> str | None:
    if not isinstance(fields, dict):
        return None
    for name in names:
        value = fields.get(name)
        if q.useful(value) and not isinstance(value, dict | list):
            return str(value)
    return None


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    out = []
    for f in facts:
        if f.id not in seen:
            seen.add(f.id)
            out.append(f)
    return out
