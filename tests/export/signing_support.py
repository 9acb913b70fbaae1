"""A throwaway self-signed certificate and PKCS#12 for the signing tests (cryptography, no network, no files kept)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

SIGNER_CN = "Nguyễn Văn Ánh"
PASSPHRASE = "mật-khẩu-thử 7319"


def make_certificate(common_name: str = SIGNER_CN) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A new RSA key and a self-signed certificate for signing documents with it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sở Kế hoạch và Đầu tư thành phố Cần Thơ"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def write_p12(folder: Path, common_name: str = SIGNER_CN, passphrase: str = PASSPHRASE) -> Path:
    """A self-signed RSA certificate for signing documents, in a PKCS#12 file protected by `passphrase`."""
    key, certificate = make_certificate(common_name)
    data = pkcs12.serialize_key_and_certificates(
        b"signer",
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    path = folder / "signer.p12"
    path.write_bytes(data)
    return path
