"""PDF reports carry no local time, no Qt version and no document id that could tell two
reports apart or place their maker in a time zone (issue 16 item 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import sys
    from plainview.pdf import html_to_pdf
    html_to_pdf("<h1>Report</h1><p>hello</p>", sys.argv[1], title="Audit report")
    """
)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/St_Johns"])
def test_pdf_metadata_is_normalized(tmp_path: Path, zone: str) -> None:
    import pypdf

    out = tmp_path / "r.pdf"
    env = dict(os.environ, TZ=zone, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", CHILD, str(out)], env=env, check=True, timeout=120)
    data = out.read_bytes()
    reader = pypdf.PdfReader(out)
    meta = reader.metadata
    assert meta is not None
    assert meta["/Producer"] == "Plainview" and meta["/Creator"] == "Plainview"
    assert meta["/Title"] == "Audit report"
    for key in ("/CreationDate", "/ModDate"):
        if key in meta:
            assert str(meta[key]).startswith("D:19800101000000"), meta[key]
            assert str(meta[key])[16:] in ("Z", "+00'00'")
    assert b"Qt " not in data and b"Q\x00t\x00 " not in data
    assert b"xmp:CreateDate" not in data and b"uuid:" not in data
    ids = reader.trailer["/ID"]
    assert all(bytes(i.original_bytes) == b"00000000-0000-4000-8000-000000000000" for i in ids)
    assert "hello" in reader.pages[0].extract_text()  # the file is still a valid PDF


def test_two_reports_have_the_same_metadata(tmp_path: Path) -> None:
    outs = []
    for n, zone in enumerate(("Europe/Amsterdam", "Pacific/Auckland")):
        out = tmp_path / f"r{n}.pdf"
        env = dict(os.environ, TZ=zone, QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, "-c", CHILD, str(out)], env=env, check=True, timeout=120)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
