"""Create or update the app's PostgreSQL role from RESUMATE_DATABASE_URL, as the RDS administrator.

Run as a one-off ECS task (the `db-bootstrap` task definition) once after the first apply and
again whenever the app's database password changes; it is idempotent. The password is sent as
a SCRAM-SHA-256 verifier, so the statement that sets it never carries it in clear text.
"""

import asyncio
import base64
import hashlib
import hmac
import os
import secrets
from urllib.parse import unquote, urlsplit

import asyncpg

ITERATIONS = 4096


def scram_verifier(password: str) -> str:
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()

    return f"SCRAM-SHA-256${ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


async def main() -> None:
    url = urlsplit(os.environ["RESUMATE_DATABASE_URL"])
    role = unquote(url.username or "")
    database = url.path.lstrip("/")
    connection = await asyncpg.connect(
        host=url.hostname,
        port=url.port or 5432,
        database=database,
        user=os.environ["DATABASE_ADMIN_USERNAME"],
        password=os.environ["DATABASE_ADMIN_PASSWORD"],
        ssl=os.environ.get("DATABASE_ADMIN_SSL", "require"),
    )
    try:
        quote_ident = "SELECT quote_ident($1)"
        role_sql = await connection.fetchval(quote_ident, role)
        database_sql = await connection.fetchval(quote_ident, database)
        verifier = await connection.fetchval(
            "SELECT quote_literal($1)", scram_verifier(unquote(url.password or ""))
        )
        exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
        verb = "ALTER" if exists else "CREATE"
        async with connection.transaction():
            await connection.execute(f"{verb} ROLE {role_sql} WITH LOGIN PASSWORD {verifier}")
            # The app creates and owns its tables; it cannot drop the database or touch roles.
            grants = (
                f"GRANT CONNECT, TEMPORARY ON DATABASE {database_sql} TO {role_sql}",
                f"GRANT USAGE, CREATE ON SCHEMA public TO {role_sql}",
            )
            for grant in grants:
                await connection.execute(grant)
    finally:
        await connection.close()
    done = "updated" if exists else "created"
    print(f"{done} role {role} with access to database {database}", flush=True)


asyncio.run(main())
