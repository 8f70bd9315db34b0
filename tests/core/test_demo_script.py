"""Issue 10, items 16 and 17: ``scripts/demo`` serves on the port asked for (``--port N`` or
``PORT=N``) with the site address (emails, links) following it, and without DEBUG unless a
developer asks for it, so a bad link shows the site's own 404 page.

The script runs for real with its set-up (venv, PDF libraries) and the ``improvement-hub``
command replaced by stand-ins that record what they were asked to do."""

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_SETUP = "setup_venv() { :; }\nensure_pdf_libs() { :; }\n"
FAKE_HUB = """#!/usr/bin/env bash
echo "$* | DEBUG=$DEBUG BASE_URL=$BASE_URL SSL=$SECURE_SSL_REDIRECT KEY=${#SECRET_KEY} \
FINDERS=$WHITENOISE_USE_FINDERS" >>"$CALLS"
"""


def _run(tmp_path: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    scripts = tmp_path / "scripts"
    scripts.mkdir(exist_ok=True)
    shutil.copy(ROOT / "scripts" / "demo", scripts / "demo")
    (scripts / "_setup.sh").write_text(FAKE_SETUP)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    hub = bin_dir / "improvement-hub"
    hub.write_text(FAKE_HUB)
    hub.chmod(hub.stat().st_mode | stat.S_IEXEC)
    calls = tmp_path / "calls.txt"
    calls.write_text("")
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "BASE_URL", "PORT", "SECRET_KEY"}
    }
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [shutil.which("bash") or "/bin/bash", str(scripts / "demo"), *args],
        cwd=tmp_path,
        env={**clean, "PATH": f"{bin_dir}:{os.environ['PATH']}", "CALLS": str(calls), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # the task worker starts in the background, so its line may come before or after
    lines = calls.read_text().splitlines()
    return result, sorted(lines, key=lambda line: line.startswith("runserver"))


def test_the_demo_serves_without_debug_on_port_8000_by_default(tmp_path):
    result, calls = _run(tmp_path)
    assert result.returncode == 0, result.stderr
    served = calls[-1]
    assert served.startswith("runserver 127.0.0.1:8000 |")
    assert "DEBUG=false" in served
    assert "BASE_URL=http://127.0.0.1:8000" in served
    assert "SSL=false" in served  # served over HTTP on a laptop
    assert "FINDERS=true" in served  # WhiteNoise serves the static files without DEBUG
    assert "KEY=0" not in served  # a secret key is made, as production needs one
    assert "Improvement Hub is at http://127.0.0.1:8000" in result.stdout
    commands = [c.split(" |")[0] for c in calls]
    assert commands.index("migrate --noinput") < commands.index("demo")


@pytest.mark.parametrize("how", [("--port", "8081"), ("--port=8081",)])
def test_port_option_moves_the_server_and_the_site_address(tmp_path, how):
    result, calls = _run(tmp_path, *how)
    assert result.returncode == 0, result.stderr
    assert calls[-1].startswith("runserver 127.0.0.1:8081 |")
    assert all("BASE_URL=http://127.0.0.1:8081" in call for call in calls)
    assert "http://127.0.0.1:8081" in result.stdout


def test_port_from_the_environment_and_debug_only_when_asked(tmp_path):
    result, calls = _run(tmp_path, PORT="9090", DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert calls[-1].startswith("runserver 127.0.0.1:9090 |")
    assert "DEBUG=true BASE_URL=http://127.0.0.1:9090" in calls[-1]


@pytest.mark.parametrize("port", ["abc", "0", "70000", ""])
def test_a_bad_port_is_refused_with_a_message(tmp_path, port):
    result, calls = _run(tmp_path, "--port", port)
    assert result.returncode == 2
    assert "port must be a number from 1 to 65535" in result.stderr
    assert calls == []


def test_the_demo_keeps_the_same_secret_key_between_runs(tmp_path):
    _run(tmp_path)
    key = (tmp_path / "var" / "demo-secret-key").read_text()
    _run(tmp_path)
    assert (tmp_path / "var" / "demo-secret-key").read_text() == key
    assert len(key.strip()) >= 50
