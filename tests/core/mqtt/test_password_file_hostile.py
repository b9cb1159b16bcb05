"""``--password-file`` given the wrong file: an endless one (/dev/zero was read until memory ran out),
a huge one, a binary one, a folder.  Each is a PasswordFileError naming the file and why, never its
content; the first line of a normal file is still the password."""

from __future__ import annotations

import pytest

from console.core.mqtt.secrets import MAX_PASSWORD_BYTES, PasswordFileError, password_from


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: "/dev/zero", "longer than 4096 bytes: is it the right file"),
    (lambda tmp: _write(tmp, b"s3cret" * 100_000), "longer than 4096 bytes"),
    (lambda tmp: _write(tmp, b"\xff\xfe s3cret\n"), "UnicodeDecodeError"),
    (lambda tmp: str(tmp), "Is a directory"),
    (lambda tmp: str(tmp / "missing"), "No such file or directory"),
])
def test_the_wrong_password_file_is_named_with_its_reason(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(PasswordFileError, match=reason) as info:
        password_from(path)
    assert str(path) in str(info.value) and "s3cret" not in str(info.value)


def test_a_long_first_line_within_the_limit_and_other_line_ends_are_read(tmp_path):
    long_one = "p" * MAX_PASSWORD_BYTES
    assert password_from(_write(tmp_path, long_one.encode())) == long_one
    assert password_from(_write(tmp_path, b"old-mac\rsecond")) == "old-mac"
    assert password_from(_write(tmp_path, "пароль\r\nrest".encode())) == "пароль"


def _write(folder, data: bytes) -> str:
    path = folder / "pw"
    path.write_bytes(data)
    return str(path)
