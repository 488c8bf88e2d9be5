#!/usr/bin/env bash
# Build the one-folder app with PyInstaller, then smoke-test the bundle:
# the CLI scores and exports the sample week, and the GUI starts offscreen, opens the
# sample week, scores it and quits by itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"

# A venv holding only the app and its dependencies, so that nothing else installed on
# this machine (scipy, boto, ...) is pulled into the bundle.
rm -rf build/bundle-venv build/pyinstaller dist/gutskin
python3 -m venv build/bundle-venv
py=build/bundle-venv/bin/python
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q . pyinstaller
"$py" -m PyInstaller --noconfirm --clean --log-level ERROR \
  --workpath build/pyinstaller --distpath dist packaging/gutskin.spec

app="$root/dist/gutskin/gutskin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GUTSKIN_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config"

cd "$work"  # nothing may come from the checkout
"$app" --version
"$app" new week.gutplan --sample
"$app" score week.gutplan | head -3
"$app" export week.gutplan -o week.pdf
head -c 5 week.pdf | grep -q '%PDF-' || { echo "smoke test: week.pdf is not a PDF" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen GUTSKIN_SMOKE_TEST=1 timeout 120 "$app" > gui.log 2>&1 || {
  cat gui.log >&2; echo "smoke test: the app did not start and quit cleanly" >&2; exit 1; }
grep -q "smoke test: scored" gui.log || { cat gui.log >&2; echo "smoke test: no scores" >&2; exit 1; }
cat gui.log
echo "bundle: $(du -sh "$root/dist/gutskin" | cut -f1) in dist/gutskin"
