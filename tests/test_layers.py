"""The layering rule of DESIGN.md: an app imports only the apps below it."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "sala"
LAYERS = {
    "core": 0,
    "people": 1,
    "laws": 1,
    "meetings": 2,
    "attendance": 3,
    "participation": 4,
    "advocacy": 5,
    "reports": 6,
    "api": 6,
    "demo": 7,
}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "sala" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_apps_import_only_lower_layers():
    problems = []
    for app, level in LAYERS.items():
        for path in (SRC / app).rglob("*.py") if (SRC / app).exists() else []:
            for other in imported_apps(path) & set(LAYERS):
                if other != app and LAYERS[other] >= level:
                    problems.append(f"{path.relative_to(SRC)} imports sala.{other}")
    assert not problems, problems


def test_importers_import_no_app():
    importers = SRC / "importers"
    offenders = [
        str(p.relative_to(SRC))
        for p in (importers.rglob("*.py") if importers.exists() else [])
        if imported_apps(p) - {"importers"}
    ]
    assert not offenders
