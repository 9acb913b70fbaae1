"""The house keeps its rooms: no import cycles between modules, and capability packages small enough to read."""

from collections import Counter
from pathlib import Path

import grimp

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "dossier_app"
MAX_MODULES_PER_ROOM = 15
ROOMS = ("ui", "services")


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted, in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(groups)


def test_no_module_of_the_program_is_part_of_an_import_cycle() -> None:
    """Imports made only for type checking count too: a shared shape belongs in a Protocol, not in a circle."""
    built = grimp.build_graph("dossier_app", exclude_type_checking_imports=False)
    graph = {module: set(built.find_modules_directly_imported_by(module)) for module in built.modules}
    assert import_cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]


def test_each_capability_package_stays_small() -> None:
    sizes = Counter(
        path.parent.relative_to(PACKAGE_ROOT).as_posix()
        for room in ROOMS
        for path in (PACKAGE_ROOT / room).rglob("*.py")
        if path.name != "__init__.py" and path.parent != PACKAGE_ROOT / room
    )
    assert sizes, "no capability packages found"
    assert {room: size for room, size in sizes.items() if size > MAX_MODULES_PER_ROOM} == {}
    loose = sorted(p.name for room in ROOMS for p in (PACKAGE_ROOT / room).glob("*.py") if p.name != "__init__.py")
    assert loose == [], "every module of ui/ and services/ belongs to a capability package"
