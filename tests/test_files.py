"""planner.storage.files: what every reader of a file shares (reading a bounded regular
file, decoding text, the format-and-version envelope of the app's JSON files)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from planner.errors import Cancelled, CsvImportError, FileReadError, PlanFileError
from planner.storage.files import (
    EnvelopeError,
    TextError,
    check_envelope,
    decode_text,
    read_file,
)


def test_read_file_raises_the_error_type_the_reader_asks_for(tmp_path: Path):
    missing = tmp_path / "gone.csv"
    with pytest.raises(FileReadError, match=r"^gone\.csv: the file does not exist\.$"):
        read_file(missing, 100, "a CSV file")
    with pytest.raises(CsvImportError, match="does not exist"):
        read_file(missing, 100, "a CSV file", error=CsvImportError)
    with pytest.raises(PlanFileError, match=r"is a folder, not a plan file\.$"):
        read_file(tmp_path, 100, "a plan file", error=PlanFileError)


def test_read_file_refuses_special_and_large_files(tmp_path: Path):
    big = tmp_path / "big.gutplan"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileReadError, match="too large to be a plan file"):
        read_file(big, 100, "a plan file")
    assert read_file(big, 101, "a plan file") == b"x" * 101
    fifo = tmp_path / "pipe.gutplan"
    os.mkfifo(fifo)
    with pytest.raises(FileReadError, match="is not a regular file"):
        read_file(fifo, 100, "a plan file")


def test_read_file_reports_progress_and_can_be_cancelled(tmp_path: Path):
    path = tmp_path / "three.bin"
    path.write_bytes(b"a" * (3 << 20))  # three chunks of a megabyte
    heard: list[float] = []
    assert len(read_file(path, 4 << 20, "a file", progress=heard.append)) == 3 << 20
    assert heard == pytest.approx([1 / 3, 2 / 3, 1.0])
    cancel = threading.Event()

    def stop_after_first(fraction: float) -> None:
        cancel.set()

    with pytest.raises(Cancelled, match=r"^Reading three\.bin was cancelled\.$"):
        read_file(path, 4 << 20, "a file", cancel=cancel, progress=stop_after_first)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ('{"a": 1}'.encode("utf-16"), "UTF-16"),
        ('{"a": 1}'.encode("utf-16-le"), "UTF-16"),
        ('{"a": 1}'.encode("utf-16-be"), "UTF-16"),
        ('{"a": 1}'.encode("utf-32"), "UTF-32"),  # its mark starts like UTF-16's
        ('{"a": 1}'.encode("utf-32-le"), "UTF-32"),
        ('{"a": 1}'.encode("utf-32-be"), "UTF-32"),
        ("day,meal\n".encode("utf-32"), "UTF-32"),
    ],
)
def test_text_in_utf16_or_utf32_is_named_as_such(data: bytes, encoding: str):
    with pytest.raises(TextError) as info:
        decode_text(data, save_as="CSV UTF-8")
    assert str(info.value) == f"it is {encoding} text (save it as CSV UTF-8)"


def test_utf8_with_or_without_a_mark_is_read():
    assert decode_text(b"\xef\xbb\xbfday") == "day"
    assert decode_text("Käse".encode()) == "Käse"
    assert decode_text(b"") == ""
    with pytest.raises(TextError, match=r"^it is not UTF-8 text$"):
        decode_text(b"K\xe4se")


@pytest.mark.parametrize(
    ("document", "message", "newer"),
    [
        ([], "it is not a plan (the top level must be an object)", False),
        ({"format": "x", "version": 1}, "it is not a plan (the format name is missing", False),
        ({"format": "p"}, "its version is missing or not a whole number", False),
        ({"format": "p", "version": True}, "its version is missing or not a whole number", False),
        ({"format": "p", "version": 1.0}, "its version is missing or not a whole number", False),
        ({"format": "p", "version": 3}, "(file version 3, this app reads up to 2)", True),
        ({"format": "p", "version": 0}, "its version 0 is not one this app knows", False),
    ],
)
def test_the_envelope_check_names_the_problem(document, message, newer):
    with pytest.raises(EnvelopeError) as info:
        check_envelope(document, format="p", newest=2, oldest=1, what="a plan")
    assert message in str(info.value)
    assert info.value.newer is newer


def test_the_envelope_check_returns_the_document_and_its_version():
    document = {"format": "p", "version": 1, "rest": []}
    assert check_envelope(document, format="p", newest=2, oldest=1, what="a plan") == (
        document,
        1,
    )
