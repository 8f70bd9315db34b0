"""The import-linter contracts in pyproject.toml cover every app (lint-imports checks them:
tests/core/test_architecture.py). These tests catch a contract that was forgotten, not an
import that breaks one."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "improvement_hub"
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "contracts"
]
# The modules that may import any app's models (besides the owning app's own modules).
DOORS = {
    f"improvement_hub.*.{name}"
    for name in ("models", "services", "selectors", "permissions", "demo", "migrations")
}


def _of_type(kind: str) -> list[dict]:
    return [contract for contract in CONTRACTS if contract["type"] == kind]


def test_every_apps_models_are_protected_when_the_app_has_models():
    apps = {path.parent.name for path in PACKAGE.glob("*/models.py")} | {
        path.parent.parent.name for path in PACKAGE.glob("*/models/__init__.py")
    }
    protected = {
        module.split(".")[1]
        for contract in _of_type("protected")
        for module in contract["protected_modules"]
    }
    assert apps <= protected, f"add a protected contract for {sorted(apps - protected)}"


def test_models_contracts_allow_the_owning_app_and_the_same_doors_when_checked():
    for contract in _of_type("protected"):
        [models] = contract["protected_modules"]
        app = models.removesuffix(".models")
        assert set(contract["allowed_importers"]) == {app} | DOORS, contract["id"]


def test_layers_contract_names_every_package_when_exhaustive():
    [layers] = _of_type("layers")
    assert layers["exhaustive"] is True
    named = {
        name.strip().strip("()")
        for layer in layers["layers"]
        for name in layer.replace(":", "|").split("|")
    }
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    assert packages | modules <= named


def test_no_package_may_have_an_import_cycle_inside_it():
    [acyclic] = _of_type("acyclic_siblings")
    assert acyclic["ancestors"] == ["improvement_hub"]
