"""The codes themselves: TOTP steps and window, recovery codes' shape, the sealed secret."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from resumate.auth.twofactor import recovery, totp

NOW = datetime(2026, 12, 3, 17, 0, 10, tzinfo=UTC)


def code_at(secret: str, moment: datetime) -> str:
    return pyotp.TOTP(secret).at(moment)


def test_a_code_is_found_at_its_step_within_one_step_either_side() -> None:
    secret = totp.new_secret()
    step = totp.time_step(NOW)
    for offset in (-1, 0, 1):
        moment = NOW + timedelta(seconds=30 * offset)
        assert totp.matching_step(secret, code_at(secret, moment), NOW) == step + offset
    for offset in (-2, 2):
        moment = NOW + timedelta(seconds=30 * offset)
        assert totp.matching_step(secret, code_at(secret, moment), NOW) is None


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"])
def test_anything_but_six_ascii_digits_is_no_code(typed: str) -> None:
    assert totp.matching_step(totp.new_secret(), typed, NOW) is None


def test_the_secret_has_160_bits_and_the_uri_names_issuer_and_account() -> None:
    secret = totp.new_secret()
    assert len(secret) == 32
    uri = totp.provisioning_uri(secret, "ada@example.com")
    parsed = pyotp.parse_uri(uri)
    assert isinstance(parsed, pyotp.TOTP)
    assert (parsed.issuer, parsed.name, parsed.secret) == ("Resumate", "ada@example.com", secret)


def test_the_qr_code_is_inline_svg_without_script() -> None:
    svg = totp.qr_svg(totp.provisioning_uri(totp.new_secret(), "ada@example.com"))
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    assert "<script" not in svg
    assert "<?xml" not in svg


def test_a_sealed_secret_opens_only_under_the_same_app_secret() -> None:
    box = totp.SecretBox.from_app_secret(b"a" * 48)
    secret = totp.new_secret()
    sealed = box.seal(secret)
    assert secret not in sealed
    assert box.open(sealed) == secret
    with pytest.raises(ValueError, match="another app secret"):
        totp.SecretBox.from_app_secret(b"b" * 48).open(sealed)


def test_recovery_codes_are_ten_distinct_60_bit_codes() -> None:
    codes, hashes = recovery.new_set()
    assert len(set(codes)) == len(set(hashes)) == recovery.COUNT
    for code, digest in zip(codes, hashes, strict=True):
        assert len(code) == 14
        assert code.count("-") == 2
        assert recovery.hash_code(code) == digest
    assert len(recovery.ALPHABET) ** recovery.LENGTH == 2**60


def test_recovery_codes_are_read_forgivingly() -> None:
    codes, _ = recovery.new_set()
    code = codes[0]
    assert recovery.hash_code(f"  {code.upper().replace('-', ' ')} ") == recovery.hash_code(code)
    assert recovery.hash_code("0000-0000-000o") == recovery.hash_code("000000000000")
    assert recovery.hash_code("1234-5678") is None
    assert recovery.hash_code("uuuu-uuuu-uuuu") is None  # u is not in Crockford's alphabet
