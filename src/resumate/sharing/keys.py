"""The keys of share links, derived from the app's secret: one for the visitors' hashes that
count views (changing every day), one for the cookie a right password leaves, and one for the
names under which a client's misses and password tries are counted."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import datetime

from resumate.sharing.models import Share


class ShareKeys:
    def __init__(self, app_secret: bytes) -> None:
        self._visits = _derived(app_secret, b"resumate share visits")
        self._passes = _derived(app_secret, b"resumate share passwords")
        self._throttle = _derived(app_secret, b"resumate share throttle")

    def visitor(self, share_id: uuid.UUID, client: str, browser: str, now: datetime) -> str:
        """Who is visiting, as a hash that names no one and changes with the day."""
        day_key = _derived(self._visits, now.date().isoformat().encode())
        material = f"{share_id}\n{client}\n{browser[:300]}".encode()
        return hmac.new(day_key, material, hashlib.sha256).hexdigest()[:32]

    def client(self, address: str) -> str:
        """A client's address as the name its tries are counted under: without the app's secret,
        the name cannot be matched to an address by hashing every address there is."""
        return hmac.new(self._throttle, address.encode(), hashlib.sha256).hexdigest()[:24]

    def pass_for(self, share: Share) -> str:
        """What the cookie of a visitor who typed the link's password holds."""
        material = f"{share.id}\n{share.password_hash}".encode()
        return hmac.new(self._passes, material, hashlib.sha256).hexdigest()

    def lets_in(self, share: Share, cookie: str | None) -> bool:
        return cookie is not None and hmac.compare_digest(cookie, self.pass_for(share))


def _derived(key: bytes, label: bytes) -> bytes:
    return hmac.new(key, label, hashlib.sha256).digest()
