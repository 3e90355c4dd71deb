"""The layers of docs/architecture.md, checked on the source: which package may import
which, no app reaching for another's private names, no import loops between modules, and
an import inside a function only with its reason written beside it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each package's layer: a package may import from a lower layer only, and core packages
# from each other as long as no loop forms. Feature apps never import one another.
SHARED, CORE, FEATURE = 0, 1, 2
LAYERS = {
    "shared": SHARED,
    "audit": CORE,
    "portal": CORE,
    "home": CORE,
    "guidance": FEATURE,
    "forms_app": FEATURE,
    "returns": FEATURE,
    "self_assessment": FEATURE,
    "training": FEATURE,
    "privacy": FEATURE,
}
# The project's wiring: the URLconf includes every app's URLs, settings list every app.
WIRING = ("portal/urls.py", "portal/settings/")


def _modules():
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            name = relative[:-3].replace("/", ".").removesuffix(".__init__")
            yield relative, name, path


def _absolute(module_name, is_package, node):
    """The module an ImportFrom node names, with relative imports resolved."""
    if not node.level:
        return node.module or ""
    parts = module_name.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(tree, module_name, is_package):
    """(node, imported module, names, inside a function) for every import."""
    inside = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(n) for n in ast.walk(function) if n is not function)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, [], id(node) in inside
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module_name, is_package, node)
            names = [alias.name for alias in node.names]
            yield node, target, names, id(node) in inside
            # `from . import views` imports the module package.views
            for name in names:
                yield node, f"{target}.{name}", [], id(node) in inside


SOURCES = [
    (relative, name, path, ast.parse(path.read_text(), filename=relative))
    for relative, name, path in _modules()
]


def _package(module):
    return module.split(".")[0]


def test_each_package_imports_only_what_its_layer_may():
    wrong = set()
    for relative, name, path, tree in SOURCES:
        if relative.startswith(WIRING):
            continue
        importer = _package(name)
        for node, target, _names, _inside in _imports(tree, name, path.name == "__init__.py"):
            imported = _package(target)
            if imported not in LAYERS or imported == importer:
                continue
            if LAYERS[imported] > LAYERS[importer] or (
                LAYERS[imported] == LAYERS[importer] == FEATURE
            ):
                wrong.add(f"{relative}:{node.lineno} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_core_packages_do_not_import_each_other_in_a_loop():
    edges = {package: set() for package, layer in LAYERS.items() if layer == CORE}
    for relative, name, path, tree in SOURCES:
        importer = _package(name)
        if importer not in edges or relative.startswith(WIRING):
            continue
        for _node, target, _names, _inside in _imports(tree, name, path.name == "__init__.py"):
            if _package(target) in edges and _package(target) != importer:
                edges[importer].add(_package(target))
    loops = [(a, b) for a in edges for b in edges[a] if a in edges[b]]
    assert not loops, f"core packages importing each other: {loops}"


def test_no_app_imports_another_apps_private_names():
    private = set()
    for relative, name, path, tree in SOURCES:
        for node, target, names, _inside in _imports(tree, name, path.name == "__init__.py"):
            if _package(target) in LAYERS and _package(target) != _package(name):
                private.update(
                    f"{relative}:{node.lineno} {target}.{n}" for n in names if n.startswith("_")
                )
    assert not private, "\n".join(sorted(private))


def _module_graph():
    known = {name for _relative, name, _path, _tree in SOURCES}
    graph = {}
    for _relative, name, path, tree in SOURCES:
        graph[name] = set()
        for _node, target, _names, inside in _imports(tree, name, path.name == "__init__.py"):
            if not inside and target in known and target != name:
                graph[name].add(target)
    return graph


def _cycles(graph):
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_loops_between_modules():
    # A package's __init__ importing its own submodules is not a loop of modules.
    graph = {
        module: {t for t in targets if not module.startswith(t + ".")}
        for module, targets in _module_graph().items()
    }
    assert not _cycles(graph)


def _reason_given(lines, lineno):
    """A comment beside the import, or above it in its run of imports (blank lines and
    other imports between)."""
    if "#" in lines[lineno - 1]:
        return True
    for line in reversed(lines[: lineno - 1]):
        text = line.strip()
        if text.startswith("#"):
            return True
        if text and not text.startswith(("from ", "import ")):
            return False
    return False


def test_an_import_inside_a_function_says_why():
    unexplained = []
    for relative, name, path, tree in SOURCES:
        if "/migrations/" in relative:
            continue  # a migration is self-contained: it imports at the moment it runs
        lines = path.read_text().splitlines()
        for node, _target, _names, inside in _imports(tree, name, path.name == "__init__.py"):
            if not inside:
                continue
            if not _reason_given(lines, node.lineno):
                unexplained.append(f"{relative}:{node.lineno}")
    assert not unexplained, "no reason given beside: " + ", ".join(sorted(set(unexplained)))


@pytest.mark.parametrize("bad", ["from guidance.listing import _known"])
def test_the_checks_catch_what_they_are_for(bad):
    tree = ast.parse(bad)
    (node, target, names, _inside), *_rest = _imports(tree, "training.listing", False)
    assert _package(target) == "guidance" and LAYERS["guidance"] == LAYERS["training"]
    assert names == ["_known"]
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]


def test_the_shared_layer_has_no_models():
    defines = [
        f"{relative}:{node.lineno} {node.name}"
        for relative, name, _path, tree in SOURCES
        if _package(name) == "shared"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(base).endswith(("Model", "Page")) for base in node.bases)
    ]
    assert not defines
