"""Tests of textmine.fetch and ``textmine fetch``, with a fake opener (no network)."""

from __future__ import annotations

import hashlib
import io
import shutil
import urllib.error
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from textmine.cli import cli
from textmine.errors import FetchError, InputError
from textmine.fetch import ManifestEntry, bundled_manifest, fetch, read_manifest

CFA_PDF = "https://www.legislation.gov.uk/ukpga/2014/6/pdfs/ukpga_20140006_en.pdf"
CFA_XML = "https://www.legislation.gov.uk/ukpga/2014/6/data.xml"
SEND_COP = (
    "https://assets.publishing.service.gov.uk/media/5a7f5dc3ed915d74e33f5b3e/"
    "SEND_Code_of_Practice_January_2015.pdf"
)
BODIES = {
    CFA_PDF: b"%PDF-1.4 fake act " * 5000,  # several read() chunks
    CFA_XML: b'<?xml version="1.0"?><Legislation/>',
    SEND_COP: b"%PDF-1.7 fake code",
}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Response(io.BytesIO):
    status = 200


class FakeOpener:
    """Serves ``bodies`` by URL and records the requests it was given."""

    def __init__(self, bodies: dict[str, bytes | Exception]) -> None:
        self.bodies = bodies
        self.urls: list[str] = []

    def __call__(self, request: Any, timeout: float) -> Response:
        url = request.full_url
        self.urls.append(url)
        assert timeout > 0 and request.get_header("User-agent").startswith("textmine/")
        body = self.bodies[url]
        if isinstance(body, Exception):
            raise body
        return Response(body)


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """A writable copy of the committed manifest."""
    path = tmp_path / "MANIFEST.tsv"
    shutil.copyfile(bundled_manifest(), path)
    return path


def test_committed_manifest() -> None:
    entries = read_manifest(bundled_manifest())
    assert [(e.file, e.kind, e.url) for e in entries] == [
        ("cfa2014/ukpga_20140006_en.pdf", "act", CFA_PDF),
        ("cfa2014/ukpga_2014_6_data.xml", "act", CFA_XML),
        ("send_cop/SEND_Code_of_Practice_January_2015.pdf", "guidance", SEND_COP),
    ]
    assert {e.licence for e in entries} == {"Open Government Licence v3.0"}
    assert {e.sha256 for e in entries} == {None}
    assert entries[0].title == entries[1].title == "Children and Families Act 2014"


def test_first_fetch_downloads_and_records(tmp_path: Path, manifest: Path) -> None:
    dest = tmp_path / "corpora"
    opener = FakeOpener(dict(BODIES))
    results = fetch(dest, manifest=manifest, opener=opener)
    assert [r.status for r in results] == ["downloaded"] * 3
    assert all(r.recorded for r in results)
    assert opener.urls == [CFA_PDF, CFA_XML, SEND_COP]
    for result in results:
        assert result.path.read_bytes() == BODIES[result.entry.url]
        assert result.sha256 == sha(BODIES[result.entry.url])
        assert result.size == len(BODIES[result.entry.url])
    recorded = read_manifest(manifest)
    assert [e.sha256 for e in recorded] == [sha(BODIES[e.url]) for e in recorded]
    assert not list(dest.rglob(".*.part")) and not list(tmp_path.glob(".*.part"))


def test_second_fetch_verifies_without_downloading(tmp_path: Path, manifest: Path) -> None:
    dest = tmp_path / "corpora"
    fetch(dest, manifest=manifest, opener=FakeOpener(dict(BODIES)))
    before = manifest.read_bytes()
    opener = FakeOpener({})
    results = fetch(dest, manifest=manifest, opener=opener)
    assert opener.urls == []
    assert [(r.status, r.recorded) for r in results] == [("present", False)] * 3
    assert manifest.read_bytes() == before


def test_changed_local_copy_is_reported_not_replaced(tmp_path: Path, manifest: Path) -> None:
    dest = tmp_path / "corpora"
    fetch(dest, manifest=manifest, opener=FakeOpener(dict(BODIES)))
    local = dest / "cfa2014" / "ukpga_2014_6_data.xml"
    local.write_bytes(b"<edited/>")
    with pytest.raises(FetchError) as caught:
        fetch(dest, manifest=manifest, opener=FakeOpener({}))
    assert str(caught.value).startswith(f"{local}: sha256 {sha(b'<edited/>')} differs from")
    assert local.read_bytes() == b"<edited/>"


def test_force_redownloads_and_verifies(tmp_path: Path, manifest: Path) -> None:
    dest = tmp_path / "corpora"
    fetch(dest, manifest=manifest, opener=FakeOpener(dict(BODIES)))
    results = fetch(dest, manifest=manifest, force=True, opener=FakeOpener(dict(BODIES)))
    assert [(r.status, r.recorded) for r in results] == [("replaced", False)] * 3
    changed = {**BODIES, SEND_COP: b"%PDF-1.7 a different edition"}
    with pytest.raises(FetchError) as caught:
        fetch(dest, manifest=manifest, force=True, opener=FakeOpener(changed))
    message = str(caught.value)
    assert message.startswith(f"{SEND_COP}: sha256 {sha(changed[SEND_COP])} differs from")
    assert message.endswith("nothing saved")
    cop = dest / "send_cop" / "SEND_Code_of_Practice_January_2015.pdf"
    assert cop.read_bytes() == BODIES[SEND_COP]  # the verified copy is kept


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            urllib.error.HTTPError(CFA_XML, 404, "Not Found", {}, None),  # type: ignore[arg-type]
            f"{CFA_XML}: HTTP 404 Not Found",
        ),
        (
            urllib.error.URLError("[Errno -3] Temporary failure in name resolution"),
            f"{CFA_XML}: [Errno -3] Temporary failure in name resolution",
        ),
        (TimeoutError("timed out"), f"{CFA_XML}: timed out after 60 s"),
    ],
    ids=["http-404", "no-network", "timeout"],
)
def test_download_failures(tmp_path: Path, manifest: Path, error: Exception, message: str) -> None:
    dest = tmp_path / "corpora"
    opener = FakeOpener({**BODIES, CFA_XML: error})
    with pytest.raises(FetchError) as caught:
        fetch(dest, manifest=manifest, opener=opener)
    assert str(caught.value) == message
    assert caught.value.exit_code == 5
    assert not (dest / "cfa2014" / "ukpga_2014_6_data.xml").exists()
    assert not list(dest.rglob(".*.part"))
    # The file fetched before the failure is kept and its checksum recorded.
    entries = read_manifest(manifest)
    assert entries[0].sha256 == sha(BODIES[CFA_PDF])
    assert entries[1].sha256 is None


def test_html_error_page_is_not_saved_as_pdf(tmp_path: Path, manifest: Path) -> None:
    dest = tmp_path / "corpora"
    opener = FakeOpener({**BODIES, CFA_PDF: b"<!DOCTYPE html><html>Sorry</html>"})
    with pytest.raises(FetchError) as caught:
        fetch(dest, manifest=manifest, opener=opener)
    assert str(caught.value) == (
        f"{CFA_PDF}: the response is not a .pdf file (it starts '<!DOCTYPE html><'); nothing saved"
    )
    assert not (dest / "cfa2014" / "ukpga_20140006_en.pdf").exists()


def test_empty_response(tmp_path: Path, manifest: Path) -> None:
    with pytest.raises(FetchError, match="empty response; nothing saved"):
        fetch(tmp_path / "c", manifest=manifest, opener=FakeOpener({**BODIES, CFA_PDF: b""}))


def test_bundled_manifest_is_copied_not_modified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "shipped" / "MANIFEST.tsv"
    original.parent.mkdir()
    shutil.copyfile(bundled_manifest(), original)
    monkeypatch.setattr("textmine.fetch.bundled_manifest", lambda: original)
    before = original.read_bytes()
    dest = tmp_path / "corpora"
    fetch(dest, opener=FakeOpener(dict(BODIES)))
    assert original.read_bytes() == before
    assert all(e.sha256 for e in read_manifest(dest / "MANIFEST.tsv"))


def test_manifest_paths_must_stay_inside(tmp_path: Path) -> None:
    path = tmp_path / "MANIFEST.tsv"
    path.write_text(
        "file\ttitle\tkind\turl\tlicence\tsha256\n"
        "../escape.pdf\tx\tact\thttps://example.invalid/x.pdf\tOGL\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="line 2: file must be a relative path inside"):
        read_manifest(path)
    path.write_text("file\turl\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks the column"):
        read_manifest(path)


def test_cli_fetch_with_file_urls(tmp_path: Path) -> None:
    """The command end to end, with file:// URLs so urllib's real opener needs no network."""
    source = tmp_path / "source.pdf"
    source.write_bytes(b"%PDF-1.4 local copy")
    manifest = tmp_path / "MANIFEST.tsv"
    entry = ManifestEntry("docs/local.pdf", "Local", "guidance", source.as_uri(), "OGL v3.0")
    manifest.write_text(
        "file\ttitle\tkind\turl\tlicence\tsha256\n"
        f"{entry.file}\t{entry.title}\t{entry.kind}\t{entry.url}\t{entry.licence}\t\n",
        encoding="utf-8",
    )
    dest = tmp_path / "corpora"
    runner = CliRunner()
    args = ["fetch", "--dest", str(dest), "--manifest", str(manifest)]
    result = runner.invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    digest = sha(source.read_bytes())
    assert result.stdout == (
        f"downloaded: {dest / 'docs' / 'local.pdf'} (19 bytes, sha256 {digest[:12]}…) "
        "(checksum recorded)\n"
    )
    assert read_manifest(manifest)[0].sha256 == digest
    again = runner.invoke(cli, args, obj={})
    assert again.stdout.startswith("present: ")
    source.write_bytes(b"%PDF-1.4 changed")
    failed = runner.invoke(cli, [*args, "--force"], obj={})
    assert failed.exit_code == 5
    assert failed.stderr.startswith(f"Error: {source.as_uri()}: sha256 ")
    assert "Traceback" not in failed.output
