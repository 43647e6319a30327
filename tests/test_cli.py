"""The command line as a user runs it: real processes, real files, one-line errors."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "县人大常委会举行第十次会议\n本报讯 6月3日，县人大常委会举行第十次会议，县人大常委会主任周建国主持会议。（李红）\n"


def kg(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    exe = [sys.executable, "-m", "kg.cli", *args]
    return subprocess.run(exe, input=stdin, capture_output=True, text=True, cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "pages" / "nested"
    folder.mkdir(parents=True)
    (folder / "20230604_a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "20230604_b.txt").write_bytes(ARTICLE.replace("李红", "王刚").encode("gb18030"))
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 4)
    return tmp_path / "pages"


def test_folder_build_skips_bad_files_and_says_so(corpus, tmp_path):
    r = kg("build", str(corpus), "--store", str(tmp_path / "s"))
    assert r.returncode == 0, r.stderr
    assert "built 2 file(s)" in r.stdout
    assert "skipped 1" in r.stdout and "junk.txt" in r.stdout
    q = kg("query", "SELECT ?n WHERE { ?a schema:author ?p . ?p rdfs:label ?n } ORDER BY ?n", "--format", "json", "--store", str(tmp_path / "s"))
    assert q.returncode == 0, q.stderr
    assert [r["n"] for r in json.loads(q.stdout)] == ["李红", "王刚"]  # the GB18030 file decoded


def test_a_bad_file_named_explicitly_is_one_clear_error_and_writes_nothing(corpus, tmp_path):
    store = tmp_path / "s"
    r = kg("build", str(corpus / "nested" / "20230604_a.txt"), str(corpus / "nested" / "junk.txt"), "--store", str(store))
    assert r.returncode == 1
    assert "junk.txt" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    s = kg("stats", "--store", str(store))
    import re

    assert re.search(r"articles\s+0\n", s.stdout), s.stdout


def test_missing_path_and_malformed_query_are_errors(tmp_path, corpus):
    assert kg("build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")).returncode == 1
    kg("build", str(corpus), "--store", str(tmp_path / "s"))
    r = kg("query", "SELECT ?x WHERE { ?x", "--store", str(tmp_path / "s"))
    assert r.returncode == 1 and "malformed query" in r.stderr


def test_query_formats_and_stats(corpus, tmp_path):
    store = str(tmp_path / "s")
    kg("build", str(corpus), "--store", store)
    q = "SELECT ?n WHERE { ?e pbe:chair ?p . ?p rdfs:label ?n }"
    table = kg("query", q, "--store", store).stdout
    assert "周建国" in table and "(1 row)" in table
    rows = list(csv.reader(io.StringIO(kg("query", q, "--format", "csv", "--store", store).stdout)))
    assert rows == [["n"], ["周建国"]]
    stats = kg("stats", "--store", store).stdout
    assert "chair" in stats and "persons" in stats


def test_export_writes_every_format(corpus, tmp_path):
    store = str(tmp_path / "s")
    kg("build", str(corpus), "--store", store)
    for fmt in ("ttl", "nt", "nq", "jsonld", "xml"):
        out = tmp_path / f"g.{fmt}"
        r = kg("export", "--format", fmt, "-o", str(out), "--store", store)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 0


def test_rebuilding_changes_nothing(corpus, tmp_path):
    store = str(tmp_path / "s")
    kg("build", str(corpus), "--store", store)
    first = kg("export", "--format", "nq", "--store", store).stdout
    kg("build", str(corpus), "--store", store)
    assert sorted(kg("export", "--format", "nq", "--store", store).stdout.splitlines()) == sorted(first.splitlines())


def test_ner_tags_json_lines_and_rejects_a_bad_line():
    ok = kg("ner", stdin='{"text": "国务院总理李强在北京主持会议", "id": 7}\n')
    assert ok.returncode == 0, ok.stderr
    line = json.loads(ok.stdout)
    assert line["id"] == 7
    assert [0, 3, "ORG"] in line["entities"] and [5, 7, "PER"] in line["entities"]
    bad = kg("ner", stdin='{"text": "李强"}\nnot json\n')
    assert bad.returncode == 1 and "line 2" in bad.stderr and bad.stdout == ""
