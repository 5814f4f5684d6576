"""Reading articles from JSON, JSON arrays, JSON Lines and folders."""

from pathlib import Path

from marsad.cli.inputs import read_articles


def test_formats(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text('{"id": "a", "body": "نص"}')
    (tmp_path / "many.json").write_text('[{"id": "b", "body": "نص"}, {"id": "c", "body": "نص"}]')
    (tmp_path / "lines.jsonl").write_text('{"id": "d", "body": "نص"}\n\nnot json\n{"id": "e", "body": "نص"}\n')
    (tmp_path / "ignored.txt").write_text("x")
    items = list(read_articles(str(tmp_path)))
    ids = [item.data["id"] for item in items if item.data]
    assert ids == ["d", "e", "b", "c", "a"]
    [error] = [item for item in items if item.error]
    assert error.origin.endswith("lines.jsonl:3")


def test_missing_path_is_reported() -> None:
    [item] = list(read_articles("/nonexistent/file.json"))
    assert "no such file" in item.error
