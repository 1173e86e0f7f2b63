#!/usr/bin/python3
"""dkimpy (python3-dkim) as a signer and a verifier of the interoperability suite.

    dkimpy.py sign JOBS
        JOBS: one job a line, INPUT<TAB>OUTPUT<TAB>DOMAIN<TAB>SELECTOR<TAB>KEY<TAB>ALGORITHM<TAB>C
        Writes OUTPUT as dkimsign does (the signature, then the message, with the message's line
        endings) and prints OUTPUT<TAB>ok, or OUTPUT<TAB>error<TAB>why.

    dkimpy.py verify PORT MESSAGE...
        Verifies the one signature of each message, asking only the DNS server 127.0.0.1:PORT, and
        prints MESSAGE<TAB>pass|fail<TAB>detail.
"""
import logging
import sys

import dkim
import dkim.util
import dns.resolver


def sign(jobs):
    with open(jobs, encoding="utf-8") as f:
        for line in f:
            source, target, domain, selector, key, algorithm, c = line.rstrip("\n").split("\t")
            header, body = c.split("/")
            try:
                with open(source, "rb") as m:
                    message = m.read()
                with open(key, "rb") as k:
                    private = k.read()
                signature = dkim.sign(
                    message, selector.encode(), domain.encode(), private,
                    canonicalize=(header.encode(), body.encode()),
                    signature_algorithm=algorithm.encode(),
                    linesep=dkim.util.get_linesep(message))
                with open(target, "wb") as out:
                    out.write(signature + message)
                print(f"{target}\tok")
            except Exception as e:  # report and go on with the next job
                print(f"{target}\terror\t{type(e).__name__}: {e}")


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def verify(port, files):
    # dkimpy looks keys up through dnspython's default resolver: pin it to the suite's server
    # (resolv.conf has no port).
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = int(port)
    resolver.timeout = resolver.lifetime = 5
    dns.resolver.default_resolver = resolver
    for path in files:
        with open(path, "rb") as f:
            message = f.read()
        collect = Collect()
        logger = logging.getLogger("dkimpy." + path)
        logger.addHandler(collect)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        try:
            ok = dkim.DKIM(message, logger=logger).verify(idx=0)
            detail = "; ".join(collect.lines[-2:])
        except Exception as e:  # dkimpy raises on some failures, e.g. a body hash mismatch
            ok, detail = False, f"{type(e).__name__}: {e}"
        detail = detail.replace("\t", " ").replace("\n", " ")[:300]
        print(f"{path}\t{'pass' if ok else 'fail'}\t{detail}")


if __name__ == "__main__":
    if sys.argv[1] == "sign":
        sign(sys.argv[2])
    elif sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3:])
    else:
        sys.exit("usage: dkimpy.py sign JOBS | verify PORT MESSAGE...")
