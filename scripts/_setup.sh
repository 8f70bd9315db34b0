# Shared set-up for scripts/demo and scripts/test (sourced, not run).
# Creates .venv with Python 3.11+, installs the locked requirements, and reinstalls only
# when the lock file changes, so running a script again is quick.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Please install the missing system package as root: $*" >&2; return 1; fi
}

apt_install() {
  if command -v apt-get >/dev/null; then
    as_root apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
  else
    echo "Install these system packages and run again: $*" >&2
    return 1
  fi
}

# $PYTHON first; then the operating system's own Python (Debian's is built with
# profile-guided and link-time optimisation: the test suite ran 10-13 % faster on it than on
# a pyenv build without them, docs/testing.md); then whatever python3 is first on the PATH.
find_python() {
  for candidate in "${PYTHON:-}" /usr/bin/python3.13 /usr/bin/python3.12 /usr/bin/python3.11 \
    python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Improvement Hub needs Python 3.11 or newer." >&2
  return 1
}

UV_VERSION=0.13.9

setup_venv() {
  local lock="$1"
  local python
  python="$(find_python)"
  if [ ! -x .venv/bin/python ]; then
    if ! "$python" -m venv .venv 2>/dev/null; then
      rm -rf .venv
      apt_install python3-venv
      "$python" -m venv .venv
    fi
  fi
  local stamp=".venv/.installed-$(basename "$lock")"
  local want
  want="$( (sha256sum "$lock" pyproject.toml; echo "uv $UV_VERSION, bytecode") | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing Python packages from $lock…"
    # uv installs the same locked versions as pip, about eight times faster (4 s instead of
    # 33 s for the development lock on a warm cache); pip is the fallback. Both write the
    # packages' bytecode (uv only when asked): without it, every Python process (each test
    # worker, management command, task worker and server) compiled the 2,500 modules it
    # imports from source, about 2.5 s of CPU each, as machines that set
    # PYTHONDONTWRITEBYTECODE never keep what they compiled.
    if .venv/bin/python -m pip install --quiet "uv==$UV_VERSION" 2>/dev/null; then
      .venv/bin/python -m uv pip install --quiet --compile-bytecode --python .venv/bin/python \
        -r "$lock"
      .venv/bin/python -m uv pip install --quiet --python .venv/bin/python --no-deps -e .
    else
      .venv/bin/python -m pip install --quiet --upgrade pip
      .venv/bin/python -m pip install --quiet -r "$lock"
      .venv/bin/python -m pip install --quiet --no-deps -e .
    fi
    echo "$want" >"$stamp"
  fi
  # The project's own modules too (quick when nothing changed; a stale file is only
  # compiled again in memory, so this is for speed, never for correctness).
  .venv/bin/python -m compileall -q -j 0 src >/dev/null
  export PATH="$ROOT/.venv/bin:$PATH"
  mkdir -p var
}

# The browser tests run Debian's chromium-headless-shell: the same Blink and V8 as the
# full browser without its window machinery, which Playwright itself prefers for headless
# runs; the browser tests took 40 % less CPU with it (docs/testing.md). CHROMIUM_PATH names
# another build (the full /usr/bin/chromium works too).
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
  if [ ! -x "$chromium" ]; then
    echo "Installing Debian's Chromium (headless shell) for the browser tests…"
    apt_install chromium-headless-shell
  fi
}

# WeasyPrint (the hub's PDFs) draws text with Pango and needs a font; Debian's packages.
ensure_pdf_libs() {
  if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || ! command -v fc-list >/dev/null ||
    [ -z "$(fc-list 2>/dev/null | head -1)" ]; then
    echo "Installing Pango and a font for the hub's PDFs…"
    apt_install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core
  fi
}
