"""A real SMTP server on loopback (`aiosmtpd`) with TLS and login, collecting what it receives.

Its certificate comes from a CA made for the test (`cryptography`); the CA's file is what the
app is told to trust (`RESUMATE_MAIL_SMTP_CA_FILE`), as it would be for a private relay.
"""

from __future__ import annotations

import datetime
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from resumate.config import MailSettings
from tests.mailbox import Received, parse

USERNAME = "resumate"
PASSWORD = "relay-password-for-tests"
SENDER = "Resumate <no-reply@resumate.test>"


@dataclass
class SmtpServer:
    host: str
    port: int
    security: Literal["starttls", "tls"]
    ca_file: Path
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    def settings(self, **overrides: Any) -> MailSettings:
        values: dict[str, Any] = {
            "backend": "smtp",
            "from_address": SENDER,
            "smtp_host": self.host,
            "smtp_port": self.port,
            "smtp_security": self.security,
            "smtp_username": USERNAME,
            "smtp_password": PASSWORD,
            "smtp_ca_file": self.ca_file,
            "timeout_seconds": 5,
        }
        return MailSettings.model_validate(values | overrides)

    def mail_to(self, to: str) -> list[Received]:
        return [mail for mail in self.received if mail.to.lower() == to.lower()]


class _Collect:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.server.received.append(parse(envelope.content))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(
    folder: Path, security: Literal["starttls", "tls"] = "starttls"
) -> Iterator[SmtpServer]:
    """An SMTP server on 127.0.0.1 that requires TLS and a login before it takes mail."""
    ca_file, server_context = _certificates(folder)
    server = SmtpServer("127.0.0.1", _free_port(), security, ca_file)

    def authenticate(
        smtp: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USERNAME.encode(),
            PASSWORD.encode(),
        )
        if ok:
            server.logins.append(USERNAME)
        return AuthResult(success=ok)

    # On an implicit-TLS socket aiosmtpd does not know it speaks TLS (it tracks STARTTLS
    # only), so it could not insist on a login there; the tests check `logins` instead.
    tls: dict[str, Any] = (
        {"tls_context": server_context, "require_starttls": True, "auth_required": True}
        if security == "starttls"
        else {"ssl_context": server_context, "auth_require_tls": False}
    )
    controller = Controller(
        _Collect(server),
        hostname="127.0.0.1",
        port=server.port,
        server_hostname="localhost",
        authenticator=authenticate,
        **tls,
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _certificates(folder: Path) -> tuple[Path, ssl.SSLContext]:
    """A CA's certificate file, and a server context whose certificate it signed (localhost)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Resumate test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(IPv4Address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "smtp-ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return ca_file, context
