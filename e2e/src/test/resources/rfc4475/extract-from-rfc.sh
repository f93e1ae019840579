#!/usr/bin/env bash
# Writes the RFC 4475 torture messages, byte for byte, next to this script as <name>.dat.
#
# The RFC carries every message of section 3 as a base64-encoded gzip'ed tar archive in
# Appendix A, between "-- BEGIN MESSAGE ARCHIVE --" and "-- END MESSAGE ARCHIVE --". The RFC
# text holds two such marker pairs: the first is inside its own Perl decoder listing, the
# second wraps the archive. Of the lines inside the second pair, the base64 ones are those made
# of a single whitespace-free token (page headers and footers have spaces); this is the RFC's
# own recovery rule.
#
# Usage: extract-from-rfc.sh /path/to/rfc4475.txt    (https://www.rfc-editor.org/rfc/rfc4475.txt)
# Then check the result: git diff --stat; every name in index.tsv must have its .dat.
set -euo pipefail
RFC="${1:?usage: $0 rfc4475.txt}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$RFC" > "$WORK/archive.tgz" <<'PY'
import base64, re, sys
lines = open(sys.argv[1], encoding="latin-1").read().splitlines()
pairs, start = [], None
for i, line in enumerate(lines):
    if "-- BEGIN MESSAGE ARCHIVE --" in line:
        start = i
    elif "-- END MESSAGE ARCHIVE --" in line and start is not None:
        pairs.append((start, i)); start = None
if len(pairs) < 2:
    sys.exit("expected two BEGIN/END MESSAGE ARCHIVE pairs, found %d" % len(pairs))
first, last = pairs[-1]
data = "".join(l.strip() for l in lines[first + 1:last] if re.fullmatch(r"\s*\S+\s*", l))
sys.stdout.buffer.write(base64.b64decode(data))
PY

mkdir "$WORK/out"
tar -xzf "$WORK/archive.tgz" -C "$WORK/out"
missing=0
while IFS=$'\t' read -r name _; do
  [[ "$name" == \#* || "$name" == name || -z "$name" ]] && continue
  found="$(find "$WORK/out" -name "$name.dat" -type f | head -1)"
  if [[ -z "$found" ]]; then echo "not in the archive: $name.dat" >&2; missing=1; continue; fi
  cp "$found" "$HERE/$name.dat"
done < "$HERE/index.tsv"
echo "wrote $(ls "$HERE"/*.dat | wc -l) .dat files to $HERE"
exit "$missing"
