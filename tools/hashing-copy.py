#!/usr/bin/env python3
"""The simplest correct hashing copy, the baseline of tools/bench.sh: for each file of a tree, one thread
reads 1 MiB blocks, feeds SHA-256, writes them, fsyncs the copy; prints each digest."""
import hashlib, os, sys

source, target = sys.argv[1], sys.argv[2]
for folder, _, names in os.walk(source):
    out_folder = os.path.join(target, os.path.relpath(folder, source))
    os.makedirs(out_folder, exist_ok=True)
    for name in sorted(names):
        digest = hashlib.sha256()
        with open(os.path.join(folder, name), "rb") as src, open(os.path.join(out_folder, name), "xb") as dst:
            while block := src.read(1 << 20):
                digest.update(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        print(digest.hexdigest(), name)
