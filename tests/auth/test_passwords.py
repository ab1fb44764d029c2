from argon2 import Type, extract_parameters

from resumate.auth import passwords


def test_hashes_use_argon2id_at_or_above_the_owasp_floor() -> None:
    params = extract_parameters(passwords.hash_password("plum-orchard-lantern-42"))
    assert params.type is Type.ID
    assert params.memory_cost >= 19 * 1024
    assert params.time_cost >= 2
    assert params.parallelism == 1


def test_a_hash_verifies_only_its_own_password() -> None:
    hashed = passwords.hash_password("plum-orchard-lantern-42")
    assert passwords.verify_password(hashed, "plum-orchard-lantern-42")
    assert not passwords.verify_password(hashed, "plum-orchard-lantern-43")


def test_no_hash_never_verifies() -> None:
    assert not passwords.verify_password(None, "resumate timing equaliser")


def test_length_from_8_to_256_with_no_composition_rules() -> None:
    assert passwords.policy_problem("short12") == "must be at least 8 characters"
    assert passwords.policy_problem("all lowercase words here") is None
    assert passwords.policy_problem("ü" * 128) is None
    assert passwords.policy_problem("z" * 256) is None
    assert passwords.policy_problem("z" * 257) == "must be at most 256 characters"


def test_the_most_common_passwords_are_refused_whatever_their_case() -> None:
    for common in ("password", "12345678", "Iloveyou", "QWERTYUIOP", "baseball"):
        problem = passwords.policy_problem(common)
        assert problem is not None
        assert "common" in problem


def test_the_email_itself_is_refused() -> None:
    assert passwords.policy_problem("ann.lee@example.com", "ann.lee@example.com") is not None
    assert passwords.policy_problem("Ann.Lee1", "ann.lee1@example.com") is not None
