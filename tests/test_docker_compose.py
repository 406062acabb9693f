"""docker-compose.yml and Dockerfile, checked without Docker (there is no engine here).

The file is read with PyYAML; ``${VAR:-default}`` / ``${VAR:?error}`` are resolved by a small
interpolator that follows Compose's rules, so the tests see what ``docker compose config``
would produce for a given environment. The healthcheck is run through ``/bin/sh`` with a
stub ``cypher-shell`` to see the credentials it would pass.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT

COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

ENV = {"NEO4J_PASSWORD": "s3cret/pass word", "ACTORGRAPH_API_KEY": "k-123"}

_VAR = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


class MissingVariable(Exception):
    pass


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ``$$``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:?err}``."""

    def repl(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name, op, arg = m.group("name"), m.group("op"), m.group("arg")
        value = env.get(name)
        if op in (":-", "-"):
            unset = value is None or (op == ":-" and value == "")
            return arg if unset else value  # type: ignore[return-value]
        if op in (":?", "?"):
            if value is None or (op == ":?" and value == ""):
                raise MissingVariable(f"{name}: {arg}")
            return value
        return value or ""

    return _VAR.sub(repl, text)


def resolve(node: Any, env: dict[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, list):
        return [resolve(v, env) for v in node]
    if isinstance(node, dict):
        return {k: resolve(v, env) for k, v in node.items()}
    return node


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def compose(raw: dict[str, Any]) -> dict[str, Any]:
    return resolve(raw, ENV)


def env_of(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):  # KEY=VALUE form
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def published(service: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(host_ip, host_port, container_port) for each published port, short or long syntax."""
    out = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            out.append(
                (port.get("host_ip", ""), str(port.get("published", "")), str(port["target"]))
            )
            continue
        parts = str(port).split(":")
        if len(parts) == 3:
            out.append((parts[0], parts[1], parts[2]))
        elif len(parts) == 2:
            out.append(("", parts[0], parts[1]))
        else:
            out.append(("", "", parts[0]))
    return out


def test_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api", "scheduler"}


def test_neo4j_image_is_526_community(compose: dict[str, Any]) -> None:
    assert compose["services"]["neo4j"]["image"] == "neo4j:5.26-community"


def test_every_port_is_published_on_loopback_only(compose: dict[str, Any]) -> None:
    seen = {}
    for name, service in compose["services"].items():
        for host_ip, host_port, container_port in published(service):
            assert host_ip == "127.0.0.1", f"{name} publishes {container_port} on {host_ip!r}"
            seen[(name, container_port)] = host_port
    assert seen[("neo4j", "7474")] == "7474"
    assert seen[("neo4j", "7687")] == "7687"
    assert seen[("api", "8000")] == "8000"
    assert ("scheduler", "8000") not in seen


def test_neo4j_data_is_a_named_volume(compose: dict[str, Any]) -> None:
    mounts = [str(v).split(":") for v in compose["services"]["neo4j"]["volumes"]]
    data = [m[0] for m in mounts if len(m) >= 2 and m[1] == "/data"]
    assert len(data) == 1
    assert not data[0].startswith((".", "/", "~")), "/data must be a named volume, not a bind"
    assert data[0] in compose["volumes"]


def test_neo4j_auth_comes_from_the_environment(raw: dict[str, Any]) -> None:
    auth = env_of(raw["services"]["neo4j"])["NEO4J_AUTH"]
    assert interpolate(auth, ENV) == "neo4j/" + ENV["NEO4J_PASSWORD"]
    assert interpolate(auth, {**ENV, "NEO4J_USER": "alice"}) == "alice/" + ENV["NEO4J_PASSWORD"]
    with pytest.raises(MissingVariable):
        interpolate(auth, {})
    with pytest.raises(MissingVariable):
        interpolate(auth, {"NEO4J_PASSWORD": ""})


def test_no_secret_literal_is_committed(raw: dict[str, Any]) -> None:
    secret = re.compile(r"PASSWORD|AUTH|API_KEY|SECRET|TOKEN")
    for name, service in raw["services"].items():
        for key, value in env_of(service).items():
            if secret.search(key):
                # Every secret is a ${...} reference with nothing spelled out but a user name.
                without_refs = _VAR.sub("", value)
                assert without_refs in ("", "/"), f"{name}.{key} has a literal: {value!r}"
                if "PASSWORD" in key or "API_KEY" in key:
                    with pytest.raises(MissingVariable):
                        interpolate(value, {})
    text = COMPOSE.read_text()
    assert "actorgraph-test" not in text
    assert not re.search(r"-p\s+['\"]?[A-Za-z0-9]", text), "cypher-shell -p with a literal"


def _run_healthcheck(compose: dict[str, Any], auth: str, tmp_path: Path) -> list[str]:
    test = compose["services"]["neo4j"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    stub = tmp_path / "cypher-shell"
    stub.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "$ARGS_OUT"\n')
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    out = tmp_path / "args"
    env = {
        "PATH": f"{tmp_path}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "NEO4J_AUTH": auth,
        "ARGS_OUT": str(out),
    }
    subprocess.run(["/bin/sh", "-c", test[1]], env=env, check=True, timeout=10)
    return out.read_text().splitlines()


def test_healthcheck_runs_cypher_shell_with_the_auth_of_the_container(
    compose: dict[str, Any], tmp_path: Path
) -> None:
    hc = compose["services"]["neo4j"]["healthcheck"]
    assert "cypher-shell" in hc["test"][1]
    assert "RETURN 1" in hc["test"][1]
    if shutil.which("sh") is None:  # pragma: no cover
        pytest.skip("no /bin/sh")
    args = _run_healthcheck(compose, "neo4j/pa ss/with slash", tmp_path)
    assert args[args.index("-u") + 1] == "neo4j"
    assert args[args.index("-p") + 1] == "pa ss/with slash"
    assert args[-1] == "RETURN 1"
    assert {"interval", "timeout", "retries"} <= set(hc)


def test_healthcheck_fails_when_cypher_shell_fails(compose: dict[str, Any], tmp_path: Path) -> None:
    stub = tmp_path / "cypher-shell"
    stub.write_text("#!/bin/sh\nexit 1\n")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "NEO4J_AUTH": "neo4j/x"}
    test = compose["services"]["neo4j"]["healthcheck"]["test"][1]
    assert subprocess.run(["/bin/sh", "-c", test], env=env, timeout=10).returncode != 0


@pytest.mark.parametrize("name", ["api", "scheduler"])
def test_app_services_wait_for_a_healthy_neo4j(compose: dict[str, Any], name: str) -> None:
    depends = compose["services"][name]["depends_on"]
    assert isinstance(depends, dict), "long form needed for a condition"
    assert depends["neo4j"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", ["api", "scheduler"])
def test_app_services_use_the_neo4j_service(compose: dict[str, Any], name: str) -> None:
    env = env_of(compose["services"][name])
    m = re.fullmatch(r"bolt://([^:/]+):(\d+)", env["ACTORGRAPH_STORE"])
    assert m, env["ACTORGRAPH_STORE"]
    assert m.group(1) in compose["services"] and m.group(1) == "neo4j"
    assert m.group(2) == "7687"
    assert env["NEO4J_USER"] == "neo4j"
    assert env["NEO4J_PASSWORD"] == ENV["NEO4J_PASSWORD"]


def test_api_service(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["build"] in (".", {"context": "."})
    assert api["command"] == ["actorgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
    assert env_of(api)["ACTORGRAPH_API_KEY"] == ENV["ACTORGRAPH_API_KEY"]


def test_scheduler_service(raw: dict[str, Any], compose: dict[str, Any]) -> None:
    sched = compose["services"]["scheduler"]
    api = compose["services"]["api"]
    assert sched["image"] == api["image"], "scheduler runs the api's image"
    cmd = sched["command"]
    assert cmd[:2] == ["actorgraph", "schedule"]
    assert cmd[cmd.index("--cron") + 1] == "0 7 * * MON"
    assert cmd[cmd.index("--out") + 1] == "/reports"
    raw_cmd = resolve(
        raw["services"]["scheduler"]["command"], {**ENV, "ACTORGRAPH_REPORT_CRON": "*/5 * * * *"}
    )
    assert raw_cmd[raw_cmd.index("--cron") + 1] == "*/5 * * * *"
    mounts = {str(v).split(":")[1]: str(v).split(":")[0] for v in sched["volumes"]}
    assert mounts["/reports"] in compose["volumes"]
    # The API lists the same reports.
    api_mounts = {str(v).split(":")[1]: str(v).split(":")[0] for v in api["volumes"]}
    assert api_mounts["/reports"] == mounts["/reports"]
    assert env_of(api)["ACTORGRAPH_REPORTS_DIR"] == "/reports"


def test_missing_api_key_is_an_error(raw: dict[str, Any]) -> None:
    with pytest.raises(MissingVariable):
        resolve(raw, {"NEO4J_PASSWORD": "s3cret-pass"})


def _dockerfile_instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile() -> None:
    ins = _dockerfile_instructions()
    froms = [rest for word, rest in ins if word == "FROM"]
    assert froms[-1] == "python:3.11-slim", "the final stage runs on python:3.11-slim"
    runs = " ".join(rest for word, rest in ins if word == "RUN")
    assert re.search(r"pip install \.(\s|$)", runs)
    cmd = [rest for word, rest in ins if word == "CMD"][-1]
    assert cmd == '["actorgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]'
    assert ("USER", "actorgraph") in ins, "does not run as root"


def test_dockerfile_copies_what_the_package_is_built_from() -> None:
    """Every COPY source exists, and every package that pyproject.toml includes is copied."""
    copied: set[str] = set()
    for word, rest in _dockerfile_instructions():
        if word != "COPY" or rest.startswith("--from"):
            continue
        *sources, _dest = rest.split()
        for src in sources:
            assert (ROOT / src).exists(), f"COPY {src}: no such file in the repo"
            copied.add(src.rstrip("/"))
    assert {"pyproject.toml", "README.md"} <= copied
    pyproject = (ROOT / "pyproject.toml").read_text()
    package_dir = re.search(r"\[tool\.setuptools\.package-dir\]\n((?:.+\n)+)", pyproject)
    assert package_dir
    folders = re.findall(r'=\s*"([^"]+)"', package_dir.group(1))
    assert {"graph", "api", "cypher"} <= set(folders)
    for folder in folders:
        assert folder in copied, f"package folder {folder}/ is not copied"
