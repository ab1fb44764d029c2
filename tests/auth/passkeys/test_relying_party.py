"""Which pages may use passkeys, and what a new passkey is called."""

from __future__ import annotations

from resumate.auth.passkeys.relying_party import availability, default_name
from resumate.config import PasskeySettings
from tests.auth.passkeys.helpers import CHROME_ON_LINUX

LOCAL = PasskeySettings()
SITE = PasskeySettings(rp_id="resumate.example", origins=["https://resumate.example"])


def test_by_default_localhost_on_any_port_may_use_passkeys() -> None:
    assert LOCAL.allows("http://localhost:8000")
    assert LOCAL.allows("https://localhost")
    assert not LOCAL.allows("http://127.0.0.1:8000")
    assert not LOCAL.allows("http://localhost.evil.example:8000")
    assert not LOCAL.allows("http://evil.example")


def test_configured_origins_are_the_only_ones() -> None:
    assert SITE.allows("https://resumate.example")
    assert not SITE.allows("http://resumate.example")
    assert not SITE.allows("http://localhost:8000")


def test_an_ip_address_is_sent_to_the_same_page_at_the_sites_name() -> None:
    here = availability(LOCAL, "http://127.0.0.1:8000", "/account")
    assert not here.usable
    assert here.go_to == "http://localhost:8000/account"
    assert availability(LOCAL, "http://[::1]:8000", "/login").go_to == "http://localhost:8000/login"


def test_another_name_gets_no_address_it_could_not_vouch_for() -> None:
    elsewhere = availability(SITE, "https://resumate-old.example", "/login")
    assert (elsewhere.usable, elsewhere.go_to) == (False, None)
    assert availability(SITE, "https://resumate.example", "/login").usable


def test_a_new_passkey_is_named_after_where_it_was_made() -> None:
    assert default_name(CHROME_ON_LINUX, "platform") == "Chrome on Linux"
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Safari/604.1"
    assert default_name(iphone, "platform") == "Safari on iPhone"
    assert default_name(CHROME_ON_LINUX, "cross-platform") == "Security key"
    assert default_name("", None) == "Passkey"
