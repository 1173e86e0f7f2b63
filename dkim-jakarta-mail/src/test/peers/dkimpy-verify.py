#!/usr/bin/python3
"""Verifies every DKIM signature of each message with dkimpy, keys from a file, no DNS.

    dkimpy-verify.py KEYS MESSAGE...

KEYS has one key record per line: "NAME RECORD" (NAME without trailing dot). For each signature
of each message, prints: MESSAGE <TAB> INDEX <TAB> pass|fail <TAB> detail
"""
import logging
import sys

import dkim

records = {}
with open(sys.argv[1], encoding="ascii") as keys:
    for line in keys:
        name, record = line.rstrip("\n").split(" ", 1)
        records[name.lower() + "."] = record.encode("ascii")


def lookup(name, timeout=5):
    return records.get(name.decode("ascii").lower())


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


for path in sys.argv[2:]:
    with open(path, "rb") as f:
        message = f.read()
    count = sum(1 for line in message.split(b"\n") if line.lower().startswith(b"dkim-signature:"))
    if count == 0:
        print(f"{path}\t0\tfail\tno DKIM-Signature field")
    for index in range(count):
        collect = Collect()
        logger = logging.getLogger(f"dkimpy.{index}.{path}")
        logger.addHandler(collect)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        try:
            ok = dkim.DKIM(message, logger=logger).verify(idx=index, dnsfunc=lookup)
            detail = "; ".join(collect.lines[-2:]).replace("\t", " ").replace("\n", " ")
        except Exception as e:  # dkimpy raises on some failures (e.g. body hash mismatch)
            ok, detail = False, f"{type(e).__name__}: {e}"
        print(f"{path}\t{index}\t{'pass' if ok else 'fail'}\t{detail[:300]}")
