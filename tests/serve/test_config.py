"""The serving configuration as data: the nginx template and its two renderers, the
Dockerfile, compose and the Kubernetes manifests (docker and kubectl cannot run here)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess

import pytest
import yaml

from deploy import serve
from tests.support.paths import ROOT

DEPLOY = ROOT / "deploy"
TEMPLATE = (DEPLOY / "nginx.conf.template").read_text()
PLACEHOLDERS = set(serve.PLACEHOLDER.findall(TEMPLATE))


def _args(**overrides):
    return serve.parse_args([f"--{k.replace('_', '-')}={v}" for k, v in overrides.items()])


def test_render_fills_every_placeholder_and_names_a_missing_one():
    assert serve.render("a ${X} b $host ${Y}", {"X": "1", "Y": "2"}) == "a 1 b $host 2"
    with pytest.raises(KeyError, match="no value for Y"):
        serve.render("${X} ${Y}", {"X": "1"})


def test_listen_addresses_and_upstream_lines():
    assert serve.listen_address("localhost", 8501) == "127.0.0.1:8501"
    assert serve.listen_address("0.0.0.0", 8080) == "0.0.0.0:8080"
    assert serve.listen_address("::", 8080) == "[::]:8080"
    lines = serve.upstream_servers(["127.0.0.1:1", "127.0.0.1:2"]).split("\n")
    assert [line.strip() for line in lines] == [
        "server 127.0.0.1:1 max_fails=1 fail_timeout=5s;",
        "server 127.0.0.1:2 max_fails=1 fail_timeout=5s;",
    ]


def test_a_taken_port_is_refused_before_anything_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve.port_taken("127.0.0.1", port)
        with pytest.raises(SystemExit, match=f"port {port} on 127.0.0.1 is in use"):
            serve.main(["--port", str(port), "--address", "127.0.0.1", "--run-dir", str(tmp_path)])
    assert not serve.port_taken("127.0.0.1", port)
    assert list(tmp_path.iterdir()) == []


def test_nginx_accepts_the_rendered_config(tmp_path):
    conf = serve.nginx_config(_args(port=18080, address="0.0.0.0"), tmp_path, [40001, 40002])
    assert "${" not in conf
    assert "listen 0.0.0.0:18080;" in conf
    assert conf.count("max_fails=1") == 2
    nginx = serve.find_nginx()
    if nginx is None:
        pytest.skip("nginx not found: apt-get install -y nginx")
    (tmp_path / "nginx.conf").write_text(conf)
    check = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
         "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_the_container_balancer_renders_the_template_like_serve_py():
    script = (DEPLOY / "balancer.sh").read_text()
    (names,) = re.findall(r"envsubst '([^']*)'", script)
    assert set(re.findall(r"\$\{([A-Z_]+)\}", names)) == PLACEHOLDERS
    envsubst = shutil.which("envsubst")
    if envsubst is None:
        pytest.skip("envsubst not found: apt-get install -y gettext-base")
    values = {name: f"value-of-{name.lower()}" for name in PLACEHOLDERS}
    rendered = subprocess.run(
        [envsubst, names], input=TEMPLATE, capture_output=True, text=True,
        env={**os.environ, **values}, check=True,
    ).stdout  # fmt: skip
    assert rendered == serve.render(TEMPLATE, values)


def _dockerfile_stage(name: str) -> str:
    text = (DEPLOY / "Dockerfile").read_text()
    start = re.search(rf"^FROM .* AS {name}$", text, re.MULTILINE).start()
    following = re.search(r"^FROM ", text[start + 1 :], re.MULTILINE)
    return text[start : start + 1 + following.start()] if following else text[start:]


def test_the_images():
    app = _dockerfile_stage("app")
    assert app.startswith("FROM python:3.11-slim")
    assert "chromium" in app and "fonts-noto-cjk" in app
    assert "HEALTHCHECK" in app and "/_stcore/health" in app
    assert '"deploy/replica.py"' in app and '"--server.headless", "true"' in app
    balancer = _dockerfile_stage("balancer")
    defaults = dict(re.findall(r"^\s+(CLIENT_[A-Z]+)=(\d+)", balancer, re.MULTILINE))
    args = _args()
    assert defaults == {
        "CLIENT_RATE": str(args.client_rate),
        "CLIENT_BURST": str(args.client_burst),
        "CLIENT_SESSIONS": str(args.client_sessions),
    }
    assert "COPY deploy/nginx.conf.template" in balancer and "/_stcore/health" in balancer


def test_compose_runs_replicas_behind_the_balancer():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, balancer = compose["services"]["app"], compose["services"]["balancer"]
    assert app["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile", "target": "app"}
    assert "@postgres:5432/" in app["environment"]["DATABASE_URL"]
    assert app["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    postgres = compose["services"]["postgres"]
    assert postgres["image"].startswith("postgres:")
    assert "pg_isready" in postgres["healthcheck"]["test"][-1]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert app["deploy"]["replicas"] == "${REPLICAS:-2}"
    assert balancer["build"]["target"] == "balancer"
    assert balancer["depends_on"] == {"app": {"condition": "service_healthy"}}
    assert balancer["environment"]["UPSTREAM_SERVERS"] == serve.upstream_servers(["app:8501"])
    assert balancer["ports"] == ["${PORT:-8080}:8080"]


def _manifests() -> dict[str, dict]:
    docs = [
        doc
        for path in sorted((DEPLOY / "k8s").glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
    ]
    return {doc["kind"]: doc for doc in docs}


def test_kubernetes_manifests():
    manifests = _manifests()
    assert set(manifests) == {"Deployment", "Service", "Ingress"}
    pod = manifests["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}
    assert container["ports"] == [{"name": "http", "containerPort": 8501}]
    labels = manifests["Deployment"]["spec"]["template"]["metadata"]["labels"]
    service = manifests["Service"]["spec"]
    assert service["selector"] == labels
    assert service["sessionAffinity"] == "ClientIP"
    ingress = manifests["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(notes["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    (rule,) = ingress["spec"]["rules"]
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": manifests["Service"]["metadata"]["name"], "port": {"name": "http"}}
