#!/bin/sh
# A plan's commitments CSV as LibreOffice Calc opens it: converted headless with Calc's default
# CSV import (no filter options: the byte-order mark alone must make it UTF-8), written back as
# tab-separated UTF-8, and compared with the plan's JSON: every row there, every title whole.
# Usage: libreoffice_csv.sh <renaksi binary> <content folder>. Exit 77 (skipped) without soffice.
set -eu
renaksi=$1
content=$2
command -v soffice >/dev/null 2>&1 || { echo "soffice not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SOURCE_DATE_EPOCH=1543536000 "$renaksi" build "$content" --out "$work/dist" --cache-dir "$work/cache" >/dev/null 2>&1 || {
  echo "the build failed"; exit 1; }
csv=$(ls "$work"/dist/site/data/*/*-commitments.csv | head -n 1)
json=${csv%.csv}.json
cp "$csv" "$work/in.csv"
# 9 = tab, 34 = quote, 76 = UTF-8 for the written copy.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):9,34,76,1' --outdir "$work/out" "$work/in.csv" >/dev/null 2>&1
python3 - "$work/out/in.csv" "$json" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
data = json.load(open(sys.argv[2], encoding="utf-8"))
header, body = rows[0], rows[1:]
assert header[0] == "Renaksi ID", header[:3]  # no mark left in the first cell: read as UTF-8
assert len(body) == len(data["commitments"]), (len(body), len(data["commitments"]))
for row, want in zip(body, data["commitments"]):
    cells = dict(zip(header, row))
    for key, value in want.items():
        if key.startswith("Commitment Title") or key == "Renaksi ID":
            assert cells[key] == (value or ""), (key, cells[key], value)
print("LibreOffice read", len(body), "commitments of", sys.argv[2].rsplit("/", 1)[-1])
PY
