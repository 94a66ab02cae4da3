#!/usr/bin/env python3
"""perf-profile.py BINARY PROFILE...: where a server's CPU went, by kind of
work. Each sample is counted once, in the first category (in the order
below) one of its stack frames falls in; "other" is the HTTP server, system
calls and the Go runtime."""
import re
import subprocess
import sys

CATEGORIES = [
    ("crypto: RSA signing", r"crypto/rsa\.SignPKCS1v15|fips140/rsa\.signPKCS1v15"),
    ("crypto: RSA verification", r"crypto/rsa\.VerifyPKCS1v15"),
    ("crypto: SRP maths", r"incognito/internal/srp\."),
    ("crypto: other (hashes, HMAC, AEAD, randomness)", r"^crypto/|golang\.org/x/crypto"),
    ("database", r"modernc\.org/sqlite|database/sql|jackc/pgx|internal/store/"),
    ("JSON (requests, answers, stored records, token claims)", r"encoding/json|goccy/go-json"),
    ("token parsing (go-jose)", r"go-jose"),
]
OTHER = "HTTP server, system calls, Go runtime, the rest"


def parse(binary, profile):
    out = subprocess.run(["go", "tool", "pprof", "-traces", binary, profile],
                         capture_output=True, text=True, check=True).stdout
    totals = {}
    for block in out.split("-----------+")[1:]:
        lines = [l for l in block.splitlines()[1:] if l.strip()]
        if not lines:
            continue
        m = re.match(r"\s*([\d.]+)(ns|us|µs|ms|s)\s+(.*)", lines[0])
        if not m:
            continue
        v = float(m.group(1)) * {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1}[m.group(2)]
        frames = [m.group(3).strip()] + [l.strip() for l in lines[1:]]
        cat = OTHER
        for name, pat in CATEGORIES:
            if any(re.search(pat, f) for f in frames):
                cat = name
                break
        totals[cat] = totals.get(cat, 0) + v
    return totals


binary, profiles = sys.argv[1], sys.argv[2:]
results = [(p, parse(binary, p)) for p in profiles]
names = [n for n, _ in CATEGORIES] + [OTHER]
print("| work | " + " | ".join(p.rsplit("/", 1)[-1] for p, _ in results) + " |")
print("|---|" + "---:|" * len(results))
for n in names:
    cells = []
    for _, t in results:
        total = sum(t.values()) or 1
        cells.append(f"{100 * t.get(n, 0) / total:.1f}%" if t.get(n) else "")
    print(f"| {n} | " + " | ".join(cells) + " |")
crypto = []
for _, t in results:
    total = sum(t.values()) or 1
    crypto.append(f"**{100 * sum(v for k, v in t.items() if k.startswith('crypto')) / total:.1f}%**")
print("| **crypto, total** | " + " | ".join(crypto) + " |")
