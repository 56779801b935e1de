"""Shared fixtures: a small model trained once per session on the real (static) embedder."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA = Path(__file__).parent / "data"
SMALL_CSV = DATA / "small_train.csv"


@pytest.fixture(scope="session")
def small_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models directory holding one small static-backend model trained on tests/data/small_train.csv.

    Read-only for tests: copy it (``models_copy``) before training or activating in it.
    """
    from training.train import TrainOptions, train_model

    directory = tmp_path_factory.mktemp("models")
    train_model(
        SMALL_CSV,
        directory,
        TrainOptions(
            backend="static",
            test_size=0.34,
            version="small-static",
            activate=True,
            cache_dir=tmp_path_factory.mktemp("embedding-cache"),
        ),
    )
    return directory


@pytest.fixture
def models_copy(small_model_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the small models directory."""
    target = tmp_path / "models"
    shutil.copytree(small_model_dir, target)
    return target


class HeadlessChromium:
    """Debian's ``chromium`` run headless and offline, one throw-away profile per call."""

    FLAGS = (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    )

    def __init__(self, executable: str, profiles: Path) -> None:
        self.executable = executable
        self.profiles = profiles
        self._runs = 0

    def _run(self, url: str, *extra: str, budget_ms: int, timeout: float = 120) -> str:
        import subprocess

        self._runs += 1
        profile = self.profiles / f"profile-{self._runs}"
        command = [
            self.executable,
            *self.FLAGS,
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={budget_ms}",
            *extra,
            url,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
        return done.stdout

    def dump_dom(self, url: str, budget_ms: int = 10_000) -> str:
        """The page's DOM after ``budget_ms`` of virtual time (scripts run, fetches answered)."""
        return self._run(url, "--dump-dom", budget_ms=budget_ms)

    def screenshot(self, url: str, path: Path, window: str = "1400,2200", budget_ms: int = 10_000) -> Path:
        """A PNG of the page's first ``window`` pixels."""
        self._run(url, f"--screenshot={path}", f"--window-size={window}", budget_ms=budget_ms)
        assert path.is_file() and path.stat().st_size > 10_000, f"no screenshot written to {path}"
        return path

    @staticmethod
    def read(dom: str) -> RenderedReport:
        """What a rendered PromptPrism report page shows: its charts, count tables and totals."""
        reader = RenderedReport()
        reader.feed(dom)
        return reader


class RenderedReport(HTMLParser):
    """Reads a page drawn by api/static/prism.js (the report file or the dashboard) from its DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.charts: dict[str, dict[str, object]] = {}
        self.tables: dict[str, list[dict[str, str | None]]] = {}
        self.totals: dict[str, str | None] = {}
        self._chart: str | None = None
        self._table: str | None = None
        self._row: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id") == "report":
            self.root = a
        if "data-chart" in a:
            self._chart = a["data-chart"]
            self.charts[self._chart or ""] = {"rendered": a.get("data-rendered"), "svg": 0, "marks": 0}
        elif self._chart is not None:
            chart = self.charts[self._chart]
            if tag == "svg":
                chart["svg"] = int(chart["svg"]) + 1  # type: ignore[call-overload]
            if "role-mark" in (a.get("class") or ""):
                chart["marks"] = int(chart["marks"]) + 1  # type: ignore[call-overload]
        if tag == "table" and "data-table" in a:
            self._table = a["data-table"]
            self.tables[self._table or ""] = []
        elif tag == "tr" and self._table is not None:
            self._row = {}
        elif tag == "td" and self._row is not None:
            self._row[a.get("data-col") or ""] = a.get("data-value")
        if tag == "dd" and "data-total" in a:
            self.totals[a["data-total"] or ""] = a.get("data-value")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._chart = None
        elif tag == "tr" and self._row is not None:
            if self._row and self._table is not None:
                self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> HeadlessChromium:
    """Headless Chromium for browser tests; missing, the test fails when CI is set and is skipped otherwise."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (apt-get install -y chromium); CI must run the browser tests")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return HeadlessChromium(executable, tmp_path_factory.mktemp("chromium"))
