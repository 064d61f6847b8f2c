#!/usr/bin/env python3
"""Writes N articles of about 3 KB into a folder for the ingest benchmark (docs/PERFORMANCE.md).

The text is cut, in overlapping windows, from the development articles (../shared/examples/dev)
and the reference article; each file ends with its number so that every file is a distinct
document. Nothing is written into the repository.

    python3 bench/make_ingest_corpus.py /tmp/ing 5000
"""
import glob
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ing")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(glob.glob(str(ROOT.parent / "shared" / "examples" / "dev" / "*.txt"))) + [str(ROOT / "examples" / "kazakhstan-2022-ar.txt")]
    joined = "\n".join(pathlib.Path(f).read_text() for f in files).encode()
    pos = 0
    for i in range(n):
        piece = joined[pos:pos + 3000].decode("utf-8", "ignore")
        (out / f"{i:05d}.txt").write_text(f"{piece}\n{i}\n")
        pos = (pos + 700) % (len(joined) - 3000)
    print(f"{n} articles in {out}")


if __name__ == "__main__":
    main()
