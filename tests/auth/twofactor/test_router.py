"""Two-factor through the API: set up, sign in with a code or a recovery code, turn it off."""

from __future__ import annotations

import httpx
import pyotp
from sqlalchemy import text

from resumate.auth.twofactor.totp import SecretBox
from tests.auth.twofactor.flows import enrolled, password_step, second_step
from tests.helpers import AppParts, error_fields, sign_up


async def test_setting_up_gives_a_secret_uri_and_qr_and_stays_off_until_confirmed(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    setup = await client.post("/api/account/two-factor/totp", headers=account.headers)
    assert setup.status_code == 201
    body = setup.json()
    assert body["otpauthUri"] == pyotp.TOTP(body["secret"]).provisioning_uri(
        name=account.email, issuer_name="Resumate"
    )
    assert "issuer=Resumate" in body["otpauthUri"]
    assert body["qrSvg"].startswith("<svg")
    assert "<script" not in body["qrSvg"]
    status = await client.get("/api/account/two-factor", headers=account.headers)
    assert status.json() == {"enabled": False, "methods": [], "recoveryCodesLeft": 0}
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert "accessToken" in login.json()


async def test_a_wrong_first_code_keeps_it_off(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    secret = (await client.post("/api/account/two-factor/totp", headers=account.headers)).json()
    wrong = str((int(pyotp.TOTP(secret["secret"]).now()) + 1) % 1_000_000).zfill(6)
    response = await client.post(
        "/api/account/two-factor/totp/confirm", json={"code": wrong}, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == ["code"]
    status = await client.get("/api/account/two-factor", headers=account.headers)
    assert status.json()["enabled"] is False


async def test_confirming_turns_it_on_with_ten_recovery_codes(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    assert len(person.recovery_codes) == len(set(person.recovery_codes)) == 10
    status = await client.get("/api/account/two-factor", headers=person.account.headers)
    assert status.json() == {
        "enabled": True,
        "methods": ["totp", "recovery"],
        "recoveryCodesLeft": 10,
    }
    again = await client.post("/api/account/two-factor/totp", headers=person.account.headers)
    assert again.status_code == 409


async def test_the_password_alone_gets_no_session(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    response = await client.post(
        "/api/auth/login",
        json={"email": person.account.email, "password": person.account.password},
    )
    assert response.status_code == 200
    assert response.json()["secondFactor"]["methods"] == ["totp", "recovery"]
    assert 0 < response.json()["secondFactor"]["expiresIn"] <= 300
    assert "set-cookie" not in response.headers


async def test_the_app_code_completes_sign_in_once(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    token, code = await password_step(client, person.account), person.code()
    signed_in = await second_step(client, token, code)
    assert signed_in.status_code == 200, signed_in.text
    session = signed_in.json()
    assert session["user"]["email"] == person.account.email
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {session['accessToken']}"}
    )
    assert me.status_code == 200
    # The pending sign-in is spent, and the code too, even with a new pending sign-in.
    assert (await second_step(client, token, person.code(1))).status_code == 401
    replayed = await second_step(client, await password_step(client, person.account), code)
    assert replayed.status_code == 422
    assert error_fields(replayed) == ["code"]


async def test_codes_one_step_either_side_pass_and_two_steps_do_not(
    client: httpx.AsyncClient,
) -> None:
    person = await enrolled(client)
    token = await password_step(client, person.account)
    assert (await second_step(client, token, person.code(-3))).status_code == 422
    assert (await second_step(client, token, person.code(3))).status_code == 422
    assert (await second_step(client, token, person.code(1))).status_code == 200
    # After the step ahead was used, the current one is older, so it counts as used too.
    token = await password_step(client, person.account)
    assert (await second_step(client, token, person.code(0))).status_code == 422


async def test_a_recovery_code_works_once(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    code = person.recovery_codes[3]
    token = await password_step(client, person.account)
    response = await second_step(client, token, code.upper().replace("-", " "))
    assert response.status_code == 200, response.text
    again = await second_step(client, await password_step(client, person.account), code)
    assert again.status_code == 422
    status = await client.get("/api/account/two-factor", headers=person.account.headers)
    assert status.json()["recoveryCodesLeft"] == 9


async def test_the_method_can_be_named_and_must_be_the_accounts(
    client: httpx.AsyncClient,
) -> None:
    person = await enrolled(client)
    token = await password_step(client, person.account)
    unknown = await second_step(client, token, person.code(), method="sms")
    assert unknown.status_code == 422
    assert error_fields(unknown) == ["method"]
    # A recovery code sent as an app code is checked as one, and fails.
    mixed = await second_step(client, token, person.recovery_codes[0], method="totp")
    assert mixed.status_code == 422
    named = await second_step(client, token, person.recovery_codes[0], method="recovery")
    assert named.status_code == 200


async def test_an_expired_pending_sign_in_is_refused(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person = await enrolled(client)
    token = await password_step(client, person.account)
    async with context.engine.begin() as connection:
        await connection.execute(
            text("UPDATE pending_sign_ins SET expires_at = created_at"),
        )
    response = await second_step(client, token, person.code())
    assert response.status_code == 401
    assert (await second_step(client, "made-up", person.code())).status_code == 401


async def test_the_secret_is_encrypted_and_the_codes_hashed_at_rest(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person = await enrolled(client)
    async with context.engine.connect() as connection:
        sealed = (await connection.execute(text("SELECT secret_encrypted FROM totp_factors"))).all()
        hashes = (await connection.execute(text("SELECT code_hash FROM recovery_codes"))).all()
    assert len(sealed) == 1
    stored = sealed[0][0]
    assert person.secret.lower() not in stored.lower()
    assert len(hashes) == 10
    raw = {code.replace("-", "") for code in person.recovery_codes}
    assert not raw & {row[0] for row in hashes}
    assert all(len(row[0]) == 64 for row in hashes)


async def test_new_recovery_codes_need_the_password_and_end_the_old_set(
    client: httpx.AsyncClient,
) -> None:
    person = await enrolled(client)
    url, headers = "/api/account/two-factor/recovery-codes", person.account.headers
    wrong = await client.post(url, json={"password": "not-it-at-all-1"}, headers=headers)
    assert wrong.status_code == 422
    assert error_fields(wrong) == ["password"]
    fresh = await client.post(url, json={"password": person.account.password}, headers=headers)
    assert fresh.status_code == 200
    new_codes = fresh.json()["recoveryCodes"]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(person.recovery_codes)
    old = await second_step(
        client, await password_step(client, person.account), person.recovery_codes[0]
    )
    assert old.status_code == 422
    new = await second_step(client, await password_step(client, person.account), new_codes[0])
    assert new.status_code == 200


async def test_turning_off_needs_the_password_and_a_code(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    headers = person.account.headers
    body = {"password": "not-it-at-all-1", "code": person.code()}
    wrong_password = await client.request(
        "DELETE", "/api/account/two-factor", json=body, headers=headers
    )
    assert wrong_password.status_code == 422
    assert error_fields(wrong_password) == ["password"]
    body = {"password": person.account.password, "code": "000000"}
    if person.code() == "000000":  # pragma: no cover - one chance in a million
        body["code"] = "111111"
    wrong_code = await client.request(
        "DELETE", "/api/account/two-factor", json=body, headers=headers
    )
    assert wrong_code.status_code == 422
    assert error_fields(wrong_code) == ["code"]
    body = {"password": person.account.password, "code": person.recovery_codes[0]}
    off = await client.request("DELETE", "/api/account/two-factor", json=body, headers=headers)
    assert off.status_code == 204
    status = await client.get("/api/account/two-factor", headers=headers)
    assert status.json() == {"enabled": False, "methods": [], "recoveryCodesLeft": 0}
    login = await client.post(
        "/api/auth/login",
        json={"email": person.account.email, "password": person.account.password},
    )
    assert "accessToken" in login.json()


async def test_every_route_needs_a_session(client: httpx.AsyncClient) -> None:
    for method, url, body in (
        ("GET", "/api/account/two-factor", None),
        ("POST", "/api/account/two-factor/totp", None),
        ("POST", "/api/account/two-factor/totp/confirm", {"code": "123456"}),
        ("POST", "/api/account/two-factor/recovery-codes", {"password": "x"}),
        ("DELETE", "/api/account/two-factor", {"password": "x", "code": "123456"}),
    ):
        response = await client.request(method, url, json=body)
        assert response.status_code == 401, (method, url)


async def test_another_account_cannot_use_or_see_my_factors(client: httpx.AsyncClient) -> None:
    mine = await enrolled(client)
    theirs = await sign_up(client)
    status = await client.get("/api/account/two-factor", headers=theirs.headers)
    assert status.json()["enabled"] is False
    # My app's codes and my recovery codes do not turn on, or pass for, their account.
    confirm = await client.post(
        "/api/account/two-factor/totp/confirm", json={"code": mine.code()}, headers=theirs.headers
    )
    assert confirm.status_code == 409
    their = await enrolled(client, theirs)
    token = await password_step(client, their.account)
    assert (await second_step(client, token, mine.recovery_codes[0])).status_code == 422
    off = await client.request(
        "DELETE",
        "/api/account/two-factor",
        json={"password": theirs.password, "code": mine.recovery_codes[1]},
        headers=theirs.headers,
    )
    assert off.status_code == 422
    # And mine are still all there.
    status = await client.get("/api/account/two-factor", headers=mine.account.headers)
    assert status.json()["recoveryCodesLeft"] == 10


async def test_deleting_the_account_deletes_its_factors(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person = await enrolled(client)
    await password_step(client, person.account)
    deleted = await client.request(
        "DELETE",
        "/api/account",
        json={"password": person.account.password},
        headers=person.account.headers,
    )
    assert deleted.status_code == 204
    async with context.engine.connect() as connection:
        for table in ("totp_factors", "recovery_codes", "pending_sign_ins"):
            count = await connection.scalar(text(f"SELECT count(*) FROM {table}"))  # noqa: S608
            assert count == 0, table


async def test_signing_out_everywhere_keeps_the_factors(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    out = await client.post("/api/auth/logout", headers=person.account.headers)
    assert out.status_code == 204
    token = await password_step(client, person.account)
    assert (await second_step(client, token, person.code())).status_code == 200


async def test_changing_the_password_keeps_two_factor(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    new_password = "quiet-harbour-violet-17"
    changed = await client.post(
        "/api/account/password",
        json={"currentPassword": person.account.password, "newPassword": new_password},
        headers=person.account.headers,
    )
    assert changed.status_code == 200
    person.account.password = new_password
    token = await password_step(client, person.account)
    assert (await second_step(client, token, person.code())).status_code == 200


async def test_after_the_app_secret_changes_only_recovery_codes_work(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person = await enrolled(client)
    other = SecretBox.from_app_secret(b"another-app-secret-of-48-characters-0123456789ab")
    async with context.engine.begin() as connection:
        await connection.execute(
            text("UPDATE totp_factors SET secret_encrypted = :sealed"),
            {"sealed": other.seal(person.secret)},
        )
    token = await password_step(client, person.account)
    assert (await second_step(client, token, person.code())).status_code == 422
    assert (await second_step(client, token, person.recovery_codes[0])).status_code == 200


async def test_the_openapi_document_describes_both_answers_of_login(
    client: httpx.AsyncClient,
) -> None:
    doc = (await client.get("/api/openapi.json")).json()
    answers = doc["paths"]["/api/auth/login"]["post"]["responses"]["200"]["content"]
    refs = {option["$ref"] for option in answers["application/json"]["schema"]["anyOf"]}
    assert refs == {"#/components/schemas/Session", "#/components/schemas/SecondFactorRequired"}
    required = doc["components"]["schemas"]["SecondFactorRequired"]["required"]
    assert required == ["secondFactor"]
    assert "/api/auth/login/second-factor" in doc["paths"]
