"""JupyterLab on the notebooks, as ``make lab`` serves them (issue 13).

Every notebook is a jupytext pair, ``NN_name.py`` (source) + ``NN_name.ipynb`` (built,
with outputs). The server tests start a real Jupyter server in a subprocess, with the
command and configuration of ``make lab`` (:func:`congress_lib.notebooks.lab_command`),
on 127.0.0.1, a free port and a token, in a temporary copy of ``notebooks/``, and use
its contents API as JupyterLab does: list the folder, open, save. Nothing reaches the
network. They are skipped only when JupyterLab is not installed.

The copies are put in the state ``make run`` leaves: each ``.ipynb`` written a minute
after its ``.py`` was read, then, with the fix, the runner's own
:func:`~congress_lib.notebooks.align_source_mtime`. ``test_runner_gives_...`` checks
that :func:`~congress_lib.notebooks.build_notebook` does call it, on a real kernel.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from congress_lib import notebooks as nbmod

NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob(nbmod.SOURCE_GLOB))
STEMS = [p.stem for p in SOURCES]
#: How much later than its source the runner writes a notebook, in these copies (the real runner: ~20 s).
LATER = 60
#: Seconds a server gets to start.
START_TIMEOUT = 60


# --- helpers ---------------------------------------------------------------------------------------------------------

def _copy_pair(stem: str, folder: Path, *, fixed: bool) -> tuple[Path, Path]:
    """Copy a committed pair into ``folder`` as the notebook runner leaves it.

    The ``.ipynb`` is written :data:`LATER` seconds after its source was read; with
    ``fixed`` the runner then aligns the source's modification time on it (the fix),
    without it the pair stays as the old runner left it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    source, notebook = folder / f"{stem}.py", folder / f"{stem}.ipynb"
    shutil.copyfile(NOTEBOOKS / source.name, source)
    shutil.copyfile(NOTEBOOKS / notebook.name, notebook)
    read = time.time() - 3600
    os.utime(source, (read, read))
    os.utime(notebook, (read + LATER, read + LATER))
    if fixed:
        nbmod.align_source_mtime(source, notebook)
    return source, notebook


def _copy_folder(folder: Path, *, fixed: bool) -> Path:
    for stem in STEMS:
        _copy_pair(stem, folder, fixed=fixed)
    return folder


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """``make lab`` in a subprocess, on 127.0.0.1 with a token; ``request`` speaks to its REST API."""

    def __init__(self, root: Path, scratch: Path, *, project_config: bool = True):
        self.root, self.token, self.port = root, secrets.token_hex(16), _free_port()
        scratch.mkdir(parents=True, exist_ok=True)
        base = {k: v for k, v in os.environ.items() if k != "JUPYTER_CONFIG_PATH"}
        base.update(
            JUPYTER_TOKEN=self.token,
            # the developer's own ~/.jupyter, runtime files and global jupytext.toml stay out of it
            JUPYTER_CONFIG_DIR=str(scratch / "user-config"),
            JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
            XDG_CONFIG_HOME=str(scratch / "xdg-config"),
        )
        options = ["--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0"]
        argv, env = nbmod.lab_command(root, options, env=base)
        if not project_config:  # the old `make lab` (`jupyter lab notebooks`), made root-safe
            del env["JUPYTER_CONFIG_PATH"]
        self.argv, self.log_path = argv, scratch / "server.log"
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the Jupyter server exited with code {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                if self.request("GET", "/api/status")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"the Jupyter server did not answer within {START_TIMEOUT} s:\n{self.log()[-3000:]}")

    def request(self, method: str, path: str, body: dict | None = None):
        """``(HTTP status, parsed JSON or text)`` of one request to the server."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        try:
            with self._opener.open(req, timeout=30) as resp:
                status, payload = resp.status, resp.read()
        except urllib.error.HTTPError as err:
            status, payload = err.code, err.read()
        text = payload.decode("utf-8", errors="replace")
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def contents(self, path: str, content: bool = True):
        return self.request("GET", f"/api/contents/{path}?content={int(content)}")

    def stop(self) -> None:
        """Terminate, wait, kill: the server never outlives the test session."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        if os.name == "posix":  # anything it started, in the session made for it
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


@pytest.fixture(scope="module")
def jupyterlab_installed():
    pytest.importorskip("jupyter_server", reason="Jupyter Server is not installed: pip install -e '.[notebooks]'")
    pytest.importorskip("jupyterlab", reason="JupyterLab is not installed: pip install -e '.[notebooks]'")


@pytest.fixture(scope="module")
def lab(tmp_path_factory, jupyterlab_installed):
    """``make lab`` on a copy of notebooks/ as ``make run`` leaves it."""
    base = tmp_path_factory.mktemp("lab")
    server = JupyterServer(_copy_folder(base / "notebooks", fixed=True), base / "scratch")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain(tmp_path_factory, jupyterlab_installed):
    """The old ``make lab``: JupyterLab without the project's configuration.

    Its folder holds ``old/``, notebooks as the old runner left them, and ``fixed/``,
    as the runner leaves them now.
    """
    base = tmp_path_factory.mktemp("plain")
    _copy_folder(base / "root" / "old", fixed=False)
    _copy_folder(base / "root" / "fixed", fixed=True)
    server = JupyterServer(base / "root", base / "scratch", project_config=False)
    yield server
    server.stop()


def _stored(stem: str):
    import nbformat

    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def _outputs(cells) -> list:
    return [cell.get("outputs") for cell in cells if cell["cell_type"] == "code"]


# --- the issue as it was, and the runner's fix in any Jupyter --------------------------------------------------------

def test_old_runner_state_is_refused_without_the_fix(plain):
    """Issue 13 reproduced: a .ipynb written after its .py was read answers HTTP 400."""
    for stem in STEMS:
        status, body = plain.contents(f"old/{stem}.ipynb")
        assert status == 400, (stem, status)
        assert f"old/{stem}.ipynb (last modified" in body["message"], body
        assert f"is more recent than old/{stem}.py" in body["message"], body


def test_runner_state_opens_even_without_the_project_config(plain):
    """The runner's fix alone lets any Jupyter with jupytext (a user's own `jupyter lab`) open the pairs."""
    for stem in STEMS:
        for name in (f"{stem}.ipynb", f"{stem}.py"):
            status, body = plain.contents(f"fixed/{name}")
            assert status == 200, (name, status, body)
            assert body["type"] == "notebook"


# --- make lab ----------------------------------------------------------------------------------------------------------

def test_lab_loads_the_project_config_without_complaint(lab):
    log = lab.log()
    assert "Serving notebooks from local directory" in log
    for complaint in ("not recognized by", "Error loading config file", "Traceback"):
        assert complaint not in log, log


def test_lab_lists_each_notebook_once(lab):
    status, listing = lab.contents("")
    assert status == 200, listing
    files = [item for item in listing["content"] if item["type"] != "directory"]
    names = Counter(item["name"] for item in files)
    assert sorted(names) == sorted(f"{stem}.ipynb" for stem in STEMS), "the .py sources are listed"
    assert max(names.values()) == 1
    assert {item["type"] for item in files} == {"notebook"}


@pytest.mark.parametrize("stem", STEMS)
def test_lab_opens_every_notebook_with_its_outputs(lab, stem):
    status, model = lab.contents(f"{stem}.ipynb")
    assert status == 200, model
    nb, stored = model["content"], _stored(stem)
    assert nb["metadata"]["jupytext"]["formats"] == "ipynb,py:percent"
    assert [c["source"] for c in nb["cells"]] == [c["source"] for c in stored.cells]
    outputs = _outputs(nb["cells"])
    assert any(outputs), "no cell has outputs"
    assert outputs == _outputs(stored.cells)


def test_lab_saves_a_notebook_into_both_files(lab):
    """Saving in JupyterLab writes the .ipynb and, through jupytext, its .py (no metadata header added)."""
    source, notebook = _copy_pair("01_corpus", lab.root / "save", fixed=True)
    before = source.read_text(encoding="utf-8")
    status, model = lab.contents("save/01_corpus.ipynb")
    assert status == 200, model
    nb = model["content"]
    first = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    title = first["source"].splitlines()[0]
    first["source"] = first["source"].replace(title, title + " (edited in JupyterLab)", 1)
    status, saved = lab.request("PUT", "/api/contents/save/01_corpus.ipynb",
                                {"type": "notebook", "format": "json", "content": nb})
    assert status == 200, saved

    # the .py changed where the cell changed, nowhere else; it is not older than the .ipynb
    assert source.read_text(encoding="utf-8") == before.replace(f"# {title}\n", f"# {title} (edited in JupyterLab)\n", 1)
    assert source.stat().st_mtime_ns >= notebook.stat().st_mtime_ns
    import nbformat

    on_disk = nbformat.read(notebook, as_version=4)
    assert "(edited in JupyterLab)" in on_disk.cells[0].source
    assert _outputs(on_disk.cells) == _outputs(_stored("01_corpus").cells)

    status, reopened = lab.contents("save/01_corpus.ipynb")
    assert status == 200, reopened
    assert reopened["content"]["cells"][0]["source"] == first["source"]
    assert any(_outputs(reopened["content"]["cells"]))


def test_lab_opens_a_notebook_newer_than_its_unchanged_source(lab):
    """A .ipynb newer than its .py with the same cells (old runner, `git pull` of new outputs) opens."""
    _copy_pair("02_language", lab.root / "pulled", fixed=False)
    status, model = lab.contents("pulled/02_language.ipynb")
    assert status == 200, model
    assert any(_outputs(model["content"]["cells"]))


def test_lab_still_refuses_a_notebook_whose_cells_are_newer_than_its_source(lab):
    """The jupytext guard stays on: cells edited in a newer .ipynb are not silently replaced by the .py."""
    _, notebook = _copy_pair("05_practices", lab.root / "conflict", fixed=False)
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = ["# edited outside JupyterLab\n"]
    stat = notebook.stat()
    notebook.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.utime(notebook, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    status, body = lab.contents("conflict/05_practices.ipynb")
    assert status == 400, body
    assert "is more recent than conflict/05_practices.py" in body["message"], body


# --- the runner and the command of make lab ----------------------------------------------------------------------------

def _tiny_source(folder: Path, extra: str = "") -> Path:
    source = folder / "01_tiny.py"
    source.write_text("# %% [markdown]\n# A tiny notebook\n\n# %%\nprint(6 * 7)\n" + extra, encoding="utf-8")
    past = time.time() - 86400
    os.utime(source, (past, past))
    return source


def test_runner_gives_the_source_the_time_of_its_notebook(tmp_path, jupyterlab_installed):
    source = _tiny_source(tmp_path)
    before = source.read_bytes()
    notebook = nbmod.build_notebook(source, timeout=120)
    assert source.read_bytes() == before, "the source was rewritten"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    assert nb["metadata"]["jupytext"] == {"formats": "ipynb,py:percent"}
    assert "".join(nb["cells"][1]["outputs"][0]["text"]) == "42\n"
    assert source.stat().st_mtime_ns == notebook.stat().st_mtime_ns


def test_runner_leaves_a_source_edited_during_execution_older(tmp_path, capfd, jupyterlab_installed):
    # the cell edits its own source (the kernel runs in the source's folder), as a user would in an editor
    source = _tiny_source(tmp_path, "\n# %%\nfrom pathlib import Path\n"
                                    "Path('01_tiny.py').write_text(Path('01_tiny.py').read_text() + '# edited\\n')\n")
    notebook = nbmod.build_notebook(source, timeout=120)
    assert source.read_text(encoding="utf-8").endswith("# edited\n")
    assert source.stat().st_mtime_ns < notebook.stat().st_mtime_ns
    assert "01_tiny.py changed while it was executing" in capfd.readouterr().err


@pytest.mark.parametrize("root", [True, False], ids=["as-root", "as-user"])
def test_lab_command(monkeypatch, root):
    monkeypatch.setattr(nbmod, "_running_as_root", lambda: root)
    argv, env = nbmod.lab_command("notebooks", ["--port", "9999", "--no-browser"],
                                  env={"JUPYTER_CONFIG_PATH": "/elsewhere", "KEEP": "1"})
    assert argv[:4] == [sys.executable, "-m", "jupyterlab", "notebooks"]
    assert argv[4:] == (["--allow-root"] if root else []) + ["--port", "9999", "--no-browser"]
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(nbmod.LAB_CONFIG_DIR), "/elsewhere"]
    assert env["KEEP"] == "1"
    assert (nbmod.LAB_CONFIG_DIR / "jupyter_server_config.py").is_file()
    assert not any("0.0.0.0" in a or "--ip" in a for a in argv), "make lab opens no network access of its own"


def test_lab_subcommand_hands_its_options_to_jupyter(monkeypatch):
    calls = []

    def fake_exec(path, argv, env):
        calls.append((path, argv, env))
        raise SystemExit(0)

    monkeypatch.setattr(os, "execve", fake_exec)
    monkeypatch.setattr(nbmod.subprocess, "call", lambda argv, env: fake_exec(argv[0], argv, env))
    with pytest.raises(SystemExit):
        nbmod.main(["lab", "notebooks", "--port", "9999", "--no-browser"])
    (path, argv, env), = calls
    assert path == sys.executable and argv[:4] == [sys.executable, "-m", "jupyterlab", "notebooks"]
    assert argv[-3:] == ["--port", "9999", "--no-browser"]
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0] == str(nbmod.LAB_CONFIG_DIR)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_passes_lab_args():
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    proc = subprocess.run(["make", "-n", "lab", "LAB_ARGS=--port 9999 --no-browser"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "-m congress_lib.notebooks lab notebooks --port 9999 --no-browser" in proc.stdout
