#!/usr/bin/env bash
# Build a wheelhouse for installing Briefing Builder on a machine with no network: the app's
# wheel plus every runtime dependency at the version uv.lock pins, and the commands to install it.
#
#   packaging/wheelhouse.sh                      # for this machine's OS and Python -> wheelhouse/
#   packaging/wheelhouse.sh --python 3.12 --platform win_amd64            # for another machine
#   packaging/wheelhouse.sh --platform macosx_13_0_arm64 --out wh-mac
#   packaging/wheelhouse.sh --check              # then install it offline into a fresh venv and export
#
# On the offline machine (Python 3.12 or 3.13 with venv):
#   python3 -m venv ~/briefing-builder && ~/briefing-builder/bin/pip install --no-index \
#       --find-links /media/usb/wheelhouse briefing-builder
#   ~/briefing-builder/bin/briefing-app
# --platform takes pip's tags (manylinux_2_28_x86_64, win_amd64, macosx_13_0_arm64, ...); it may be
# given more than once. Environment markers in requirements.txt are read for the machine building
# the wheelhouse; the app's runtime dependencies have none today.
set -euo pipefail
cd "$(dirname "$0")/.."

out=wheelhouse python='' platforms=() check=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --platform) platforms+=("$2"); shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "wheelhouse.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
# default: the Python of the project's environment
[[ -n $python ]] || python=$(uv run --no-sync python -c 'import sys; print("%d.%d" % sys.version_info[:2])')

rm -rf "$out" && mkdir -p "$out"
# 1. the pins: runtime dependencies only (no dev, no packaging group), with hashes
uv export --frozen --no-dev --no-emit-project --format requirements-txt --output-file "$out/requirements.txt" >/dev/null
# 2. the app's own wheel (it carries talking_points/ and assets/)
uv build --wheel --out-dir "$out" >/dev/null
# 3. every pinned dependency as a wheel (no sdists: the offline machine needs no compiler)
target=(--python-version "$python" --implementation cp --only-binary=:all:)
for platform in "${platforms[@]}"; do target+=(--platform "$platform"); done
uvx --quiet pip download --quiet --disable-pip-version-check \
  --require-hashes -r "$out/requirements.txt" --dest "$out" "${target[@]}"

cat >"$out/INSTALL.txt" <<'EOF'
Briefing Builder: install with no network (Python 3.12 or 3.13, with venv and pip)

Linux and macOS:
  python3 -m venv ~/briefing-builder
  ~/briefing-builder/bin/pip install --no-index --find-links THIS_FOLDER briefing-builder
  ~/briefing-builder/bin/briefing-app            (the window; add "export --help" for the command line)

Windows (PowerShell):
  py -m venv $HOME\briefing-builder
  & $HOME\briefing-builder\Scripts\pip.exe install --no-index --find-links THIS_FOLDER briefing-builder
  & $HOME\briefing-builder\Scripts\briefing-app.exe

To check the files first: pip install --no-index --find-links THIS_FOLDER --require-hashes
  -r THIS_FOLDER/requirements.txt, then install briefing-builder as above.
EOF

count=$(find "$out" -name '*.whl' | wc -l)
echo "wheelhouse: $out ($count wheels, $(du -sh "$out" | cut -f1)) for Python $python${platforms:+ on ${platforms[*]}}"

if ((check)) && ((${#platforms[@]})); then
  echo "wheelhouse.sh: --check installs here, so it needs a wheelhouse for this machine (no --platform)" >&2; exit 2
fi
if ((check)); then
  # install from the wheelhouse alone into a fresh venv, with the network cut where possible
  tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
  offline=()
  if unshare --net true 2>/dev/null; then offline=(unshare --net); fi
  uv run --no-sync python -m venv "$tmp/venv" 2>/dev/null || python3 -m venv "$tmp/venv"
  "${offline[@]}" "$tmp/venv/bin/pip" install --quiet --disable-pip-version-check --no-index \
    --find-links "$out" briefing-builder
  mkdir "$tmp/elsewhere"
  (cd "$tmp/elsewhere" && "${offline[@]}" env -i PATH=/usr/bin:/bin HOME="$tmp" \
    "$tmp/venv/bin/briefing-app" export --country JP -o jp.pdf)
  head -c 5 "$tmp/elsewhere/jp.pdf" | grep -q '%PDF-' || { echo "check: no PDF written" >&2; exit 1; }
  echo "check: offline install ${offline:+(network cut with unshare) }into a fresh venv exports a PDF: OK"
fi
