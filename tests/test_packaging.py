"""The project's own files install what it needs, consistently."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs.extend(extra)
    pins = {}
    for req in reqs:
        name, version = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([\w.]+)", req).groups()
        pins[re.sub(r"\[.*\]", "", name).lower().replace("_", "-")] = version
    return pins


def _environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for item in dep["pip"]:
                if "==" in item:
                    name, version = item.split("==")
                    pins[name.lower()] = version
        elif "=" in dep and not dep.startswith("python="):
            name, version = dep.split("=", 1)
            pins[name.lower()] = version
    return pins


def test_every_dependency_is_pinned_and_environment_yml_agrees():
    py = _pyproject_pins()
    env = _environment_pins()
    assert py == env


def test_makefile_and_ci_call_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```", 2)[1]
    assert "make run" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_subpackage_is_installed():
    """A folder of congress_lib with Python modules is a package pyproject.toml lists (else a
    non-editable install leaves it out)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(data["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "congress_lib").rglob("__init__.py")}
    assert folders <= listed
