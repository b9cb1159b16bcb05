"""Throwaway certificates for the tests: one helper instead of a CA builder per test file.

``make_pki(folder, ...)`` writes a CA (``ca.pem``), a server certificate for the names given
(``server.pem``/``server.key``, serverAuth) and, when ``client_cn`` is given, a client certificate
signed by the same CA (``client.pem``/``client.key``, clientAuth).  EC P-256 keys, valid from five
minutes ago for ``days``.  ``pki_folder()`` is a temporary folder Mosquitto can read: started as
root it drops to the ``mosquitto`` user, which cannot enter pytest's ``tmp_path``."""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from console.core.demo.broker import TlsFiles


@dataclass(frozen=True)
class Pki:
    ca: Path
    server: tuple[Path, Path]  # (certificate, key)
    client: tuple[Path, Path] | None = None

    def server_tls(self, *, require_certificate: bool = False) -> TlsFiles:
        """What ``EmbeddedBroker(tls=...)`` takes: this CA and the server's certificate and key."""
        return TlsFiles(str(self.ca), str(self.server[0]), str(self.server[1]),
                        require_certificate=require_certificate)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _write(folder: Path, stem: str, key, cert: x509.Certificate) -> tuple[Path, Path]:
    pem, key_path = folder / f"{stem}.pem", folder / f"{stem}.key"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return pem, key_path


def make_pki(folder: Path, *, server_dns: tuple[str, ...] = ("localhost",),
             server_ip: tuple[str, ...] = ("127.0.0.1",), client_cn: str | None = None, days: int = 30) -> Pki:
    """A CA, a server certificate for ``server_dns``/``server_ip`` and, optionally, a client one."""
    now = datetime.datetime.now(datetime.timezone.utc)
    start, end = now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=days)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("AutoGLM test CA")).issuer_name(_name("AutoGLM test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))

    def leaf(cn: str, usage, sans: list[x509.GeneralName]):
        key = ec.generate_private_key(ec.SECP256R1())
        b = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(ca.subject).public_key(key.public_key())
             .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
             .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
             .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False))
        if sans:
            b = b.add_extension(x509.SubjectAlternativeName(sans), critical=False)
        return key, b.sign(ca_key, hashes.SHA256())

    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)  # Mosquitto drops to its own user when started as root
    ca_path = folder / "ca.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    sans = [x509.DNSName(d) for d in server_dns] + [x509.IPAddress(ipaddress.ip_address(i)) for i in server_ip]
    server = _write(folder, "server", *leaf((server_dns or server_ip)[0], ExtendedKeyUsageOID.SERVER_AUTH, sans))
    client = _write(folder, "client", *leaf(client_cn, ExtendedKeyUsageOID.CLIENT_AUTH, [])) if client_cn else None
    return Pki(ca_path, server, client)


@contextlib.contextmanager
def pki_folder() -> Iterator[Path]:
    """A temporary folder that the ``mosquitto`` user can enter; removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="autoglm-pki-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
