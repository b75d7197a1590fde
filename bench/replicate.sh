#!/usr/bin/env bash
# Builds a large archive for memory and scaling runs: CORPUS_DIR copied N times under different
# paths (hard links, so it costs no disk space).
#
#   bench/replicate.sh CORPUS_DIR N DEST
#   bench/archive.sh DEST 3
set -euo pipefail
src=${1:?corpus dir}
n=${2:?copies}
dest=${3:?destination}
mkdir -p "$dest"
for i in $(seq -w 1 "$n"); do
  [ -e "$dest/copy-$i" ] || cp -al "$src" "$dest/copy-$i" 2>/dev/null || cp -a "$src" "$dest/copy-$i"
done
du -sh --apparent-size "$dest"
