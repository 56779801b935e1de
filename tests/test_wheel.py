"""``pip install .`` (not editable): the wheel carries the shipped models and classifies from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_classifies_from_another_directory(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    [wheel] = wheels.glob("promptprism-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The dependencies (torch and the rest) come from this test's environment instead of a second download:
    # a plain path entry, so that environment's own .pth files (an editable install of this checkout) stay off.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTPRISM_") and k != "PYTHONPATH"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # the user data directory new versions would go to
    script = (
        "import json, classifier, promptprism\n"
        "from classifier import load_model\n"
        "from classifier.artifacts import DEFAULT_MODELS_DIR, SHIPPED_MODELS_DIR\n"
        "result = load_model().classify('translate good morning into Korean')\n"
        "print(json.dumps({'module': classifier.__file__, 'shipped': str(SHIPPED_MODELS_DIR),\n"
        "  'default': str(DEFAULT_MODELS_DIR), 'version': result.model_version,\n"
        "  'label': result.labels['category'].label}))\n"
    )
    out = subprocess.run([python, "-c", script], check=True, capture_output=True, text=True, cwd=elsewhere, env=env)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["module"].startswith(str(venv)), "imported from the wheel, not the checkout"
    assert found["shipped"].startswith(str(venv))
    assert found["default"].startswith(str(tmp_path / "data")), "new versions go to the user data directory"
    assert found["version"] == (ROOT / "models" / "ACTIVE").read_text().strip()
    assert found["label"] == "translation"
    cli = subprocess.run(
        [venv / "bin" / "promptprism", "models", "list"], capture_output=True, text=True, cwd=elsewhere, env=env
    )
    assert cli.returncode == 0, cli.stderr
    assert found["version"] in cli.stdout
