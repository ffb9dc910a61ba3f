"""Platforms as plug-ins (DESIGN.md "Platforms"): one package per platform, one registry.

``DEFAULT_PLATFORMS`` is the immutable list the composition root (app, CLI) turns into a
``PlatformRegistry`` and passes down. Adding a platform: its package, its resources, its test
data generator and one line here. Qt-free.
"""

from __future__ import annotations

from typing import Final

from plainview.platforms.base import Platform
from plainview.platforms.facebook import FACEBOOK
from plainview.platforms.instagram import INSTAGRAM
from plainview.platforms.registry import PlatformRegistry

DEFAULT_PLATFORMS: Final[tuple[Platform, ...]] = (INSTAGRAM, FACEBOOK)

__all__ = ["DEFAULT_PLATFORMS", "Platform", "PlatformRegistry"]
