"""The package builds into a wheel that carries its contracts and data, installs light, and imports."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
UV = shutil.which("uv") or str(REPO / ".tools" / "bin" / "uv")
OVERRIDES = "torch; sys_platform == 'never'\ntransformers; sys_platform == 'never'\n"


def test_the_environment_has_no_torch_or_transformers() -> None:
    assert importlib.util.find_spec("torch") is None
    assert importlib.util.find_spec("transformers") is None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not Path(UV).exists():
        pytest.fail("uv not found: run `make setup`")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([UV, "build", "--wheel", "--out-dir", str(out), str(REPO)], check=True, capture_output=True)
    [built] = out.glob("marsad-*.whl")
    return built


def test_wheel_carries_contracts_models_gazetteers_and_samples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "marsad/schemas/v1/raw_article.schema.json",
        "marsad/schemas/v1/enriched_event.schema.json",
        "marsad/schemas/asyncapi.yaml",
        "marsad/streams/data/ner.crfsuite",
        "marsad/streams/data/ner_cnn.npz",
        "marsad/streams/data/ner_words.tsv.gz",
        "marsad/streams/data/places.tsv",
        "marsad/streams/data/actors.json",
        "marsad/samples/00-seed.json",
        "marsad/agents/app.py",
        "marsad/cli/main.py",
    }
    assert expected <= names
    assert not any(name.startswith(("streams/", "agents/", "schemas/", "tests/")) for name in names)


def test_wheel_installs_into_a_clean_venv_without_torch_and_runs(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "VIRTUAL_ENV": str(venv)}
    env.pop("UV_PROJECT_ENVIRONMENT", None)
    overrides = tmp_path / "overrides.txt"
    overrides.write_text(OVERRIDES)
    subprocess.run([UV, "venv", "--python", "3.11", str(venv)], check=True, env=env, capture_output=True)
    subprocess.run(
        [UV, "pip", "install", "--override", str(overrides), str(wheel)], check=True, env=env, capture_output=True
    )
    python = venv / "bin" / "python"
    script = (
        "import importlib.util, json, sys\n"
        "from marsad.streams.pipeline import Pipeline\n"
        "from marsad.schemas.codec import decode_raw_article\n"
        "article = decode_raw_article({'id': 'x', 'body': 'اعتقلت الشرطة ثلاثة أشخاص في بغداد أمس.'})\n"
        "enriched = Pipeline.load('test').process(article)\n"
        "assert importlib.util.find_spec('torch') is None\n"
        "from marsad.streams.ner import EntityTagger\n"
        "assert EntityTagger.load()._cnn is not None, 'the NER network is not in the wheel'\n"
        "print(json.dumps([e.type for e in enriched.events]))\n"
    )
    # run outside the checkout: its marsad/ folder would shadow the installed package
    result = subprocess.run(
        [str(python), "-c", script], check=True, env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert "arrest" in result.stdout
    marsad = subprocess.run(
        [str(venv / "bin" / "marsad"), "--help"], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert marsad.returncode == 0 and "publish" in marsad.stdout
