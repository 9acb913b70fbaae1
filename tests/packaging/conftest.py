"""The scripts of packaging/ are loaded from their files: the folder is no package (it would hide the `packaging`
library)."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_script(relative: str) -> ModuleType:
    """Import one script of packaging/ by its path."""
    path = ROOT / "packaging" / relative
    name = "packaging_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
