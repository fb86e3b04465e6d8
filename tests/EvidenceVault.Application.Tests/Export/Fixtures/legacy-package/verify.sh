#!/bin/sh
# Verifies this evidence package with sha256sum only. Usage: sh verify.sh   (exit status 0 = intact)
cd "$(dirname "$0")" || exit 2
problems=0
sha256sum -c manifest-sha256.txt || problems=$((problems + 1))
sha256sum -c tagmanifest-sha256.txt || problems=$((problems + 1))
extra=$({ sed 's/^[0-9a-f]*  /L /' manifest-sha256.txt tagmanifest-sha256.txt; find . -type f | sed 's|^\./|F |'; } |
  awk '$1 == "L" { listed[substr($0, 3)] = 1; next }
       !(substr($0, 3) in listed) && substr($0, 3) != "tagmanifest-sha256.txt" { print substr($0, 3) ": EXTRA (in no manifest)" }')
if [ -n "$extra" ]; then
  printf '%s\n' "$extra"
  problems=$((problems + 1))
fi
if [ "$problems" -eq 0 ]; then
  echo "verify.sh: OK, package intact"
else
  echo "verify.sh: FAILED, the package is not intact" >&2
  exit 1
fi
