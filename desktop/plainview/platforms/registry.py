"""The registry: the platforms Plainview reads, and those it only recognises.

One immutable ``PlatformRegistry`` is built by the composition root (app or CLI) from
``DEFAULT_PLATFORMS`` and passed down; nothing here is a module-level mutable global.
``detect`` asks every platform's detector about the normalised member list and the best
score wins (ties: the one registered first, as in Picard's ``guess_format``). A
known-but-unsupported platform that wins is refused with a message naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from plainview.platforms.base import Detection, Platform
from plainview.platforms.known import KNOWN_PLATFORMS, KnownPlatform
from plainview.platforms.members import MemberList
from plainview.platforms.messages import reject


class PlatformRegistry:
    """Platforms by id, in registration order; read-only after construction."""

    def __init__(
        self, platforms: Sequence[Platform], known: Sequence[KnownPlatform] = KNOWN_PLATFORMS
    ) -> None:
        ids = [p.id for p in platforms]
        if len(set(ids)) != len(ids):
            raise ValueError("a platform id is registered twice")
        self._platforms: tuple[Platform, ...] = tuple(platforms)
        self._known: tuple[KnownPlatform, ...] = tuple(k for k in known if k.id not in ids)

    def __iter__(self) -> Iterator[Platform]:
        return iter(self._platforms)

    def __len__(self) -> int:
        return len(self._platforms)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self._platforms)

    def get(self, platform_id: str) -> Platform:
        for p in self._platforms:
            if p.id == platform_id:
                return p
        raise KeyError(platform_id)

    def platform_of(self, category_id: str) -> Platform:
        """The platform a category id belongs to (``instagram.logins`` -> Instagram)."""
        return self.get(category_id.split(".", 1)[0])

    @property
    def roots(self) -> frozenset[str]:
        """Every layout root any platform knows: never stripped as a wrapper folder."""
        out: frozenset[str] = frozenset()
        for p in self._platforms:
            out |= p.roots
        return out

    def members(self, names: Iterable[str | tuple[str, int]]) -> MemberList:
        return MemberList.from_names(names, self.roots)

    def scores(self, members: MemberList) -> list[Detection]:
        """Every verdict, best first (stable: registration order breaks ties)."""
        found: list[Detection] = []
        for p in self._platforms:
            d = p.detect(members)
            if d is not None:
                found.append(d)
        for k in self._known:
            d = k.detect(members)
            if d is not None:
                found.append(d)
        return sorted(found, key=lambda d: -d.score)

    def detect(self, members: MemberList) -> Detection | None:
        """The best verdict among the supported platforms, or ``None`` if none knows it.

        ``ArchiveRejected`` (``unsupported_platform``) when a platform Plainview only
        recognises scores best.
        """
        ranked = self.scores(members)
        if not ranked:
            return None
        best = ranked[0]
        if not best.supported:
            names = ", ".join(p.name for p in self._platforms)
            raise reject("unsupported_platform", platform=best.name, supported=names)
        return best
