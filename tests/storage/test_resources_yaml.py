"""Resource files read through libyaml give exactly what PyYAML's Python reader gives."""

from pathlib import Path

import pytest
import yaml

from dossier_app.storage.resources import RESOURCES_DIR, read_yaml

YAML_FILES = sorted(RESOURCES_DIR.rglob("*.yaml"))


def test_the_fast_reader_is_the_c_one() -> None:
    """A PyYAML wheel without libyaml would make every start slow again without failing anything else."""
    assert hasattr(yaml, "CSafeLoader")


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(RESOURCES_DIR)))
def test_each_resource_reads_the_same_as_with_the_python_reader(path: Path) -> None:
    with path.open(encoding="utf-8") as stream:
        fast = read_yaml(stream)
    assert fast == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_reader_stays_safe(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with hostile.open(encoding="utf-8") as stream, pytest.raises(yaml.YAMLError):
        read_yaml(stream)
