"""The one clock every record uses.

``MLKATA_NOW`` (an ISO 8601 time, e.g. ``2026-11-23T09:00:00+00:00``) freezes it, so drills
and their spaced-repetition schedule can be tested without waiting days.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    frozen = os.environ.get("MLKATA_NOW")
    if frozen:
        moment = datetime.fromisoformat(frozen)
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)


def timestamp() -> float:
    """:func:`now` as seconds since the epoch, as stored in the progress database."""
    return now().timestamp()
