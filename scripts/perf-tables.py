#!/usr/bin/env python3
"""perf-tables.py OUT: the Markdown tables of docs/performance.md from the
JSON reports scripts/perf-session.sh leaves in OUT."""
import glob
import json
import os
import statistics
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "perf-out"
CRYPTO = {"password", "srp", "refresh"}


def load(name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def fmt(x, nd=2):
    return "" if x is None else f"{x:.{nd}f}"


def closed_table(name):
    d = load(name)
    if d is None:
        return
    print(f"#### {name} ({d['users']} users, {d['preload'].split(':')[0]})\n")
    print("| scenario | flows/s | p50 | p95 | p99 | failed flows | server CPU ms/flow | generator CPU ms/flow "
          "| floor flows/s | measured / floor | crypto / server CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in d["scenarios"]:
        n = max(s["flows"], 1)
        fl = s.get("floor") or {}
        star = "*" if s["scenario"] in CRYPTO else ""
        srv = s.get("server_cpu_seconds")
        print(f"| {s['scenario']}{star} | {s['flows_per_sec']:.0f} | {fmt(s['latency']['p50_ms'])} "
              f"| {fmt(s['latency']['p95_ms'])} | {fmt(s['latency']['p99_ms'])} | {s['flow_errors']} "
              f"| {fmt(srv * 1000 / n if srv else None)} | {fmt(s['generator_cpu_seconds'] * 1000 / n)} "
              f"| {fmt(fl.get('ops_per_sec'), 0)} "
              f"| {str(round(fl['ratio'] * 100)) + '%' if fl.get('ratio') else ''} "
              f"| {str(round(fl['server_cpu_ratio'] * 100)) + '%' if fl.get('server_cpu_ratio') else ''} |")
    print()


def open_table(prefix):
    rows = []
    for sc in ("srp", "password"):
        d = load(f"{prefix}-open-{sc}")
        if d is None:
            continue
        for s in d["scenarios"]:
            rows.append((s, d))
    if not rows:
        return
    print(f"#### {prefix}, open loop\n")
    print("| scenario | target rate | flows/s | p50 | p95 | p99 | max | failed | server CPU ms/flow |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, d in rows:
        n = max(s["flows"], 1)
        srv = s.get("server_cpu_seconds")
        print(f"| {s['scenario']} | {s.get('target_rate', '')} | {s['flows_per_sec']:.0f} | {fmt(s['latency']['p50_ms'])} "
              f"| {fmt(s['latency']['p95_ms'])} | {fmt(s['latency']['p99_ms'])} | {fmt(s['latency']['max_ms'])} "
              f"| {s['flow_errors']} | {fmt(srv * 1000 / n if srv else None)} |")
    print()


def scaling():
    sizes = sorted({int(os.path.basename(p).split("-")[1]) for p in glob.glob(os.path.join(out, "scale-*-*.json"))})
    if not sizes:
        return
    med, p99 = {}, {}
    for size in sizes:
        runs = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(out, f"scale-{size}-*.json")))]
        for d in runs:
            for s in d["scenarios"]:
                med.setdefault((s["scenario"], size), []).append(s["flows_per_sec"])
                p99.setdefault((s["scenario"], size), []).append(s["latency"]["p99_ms"])
    scen = []
    for (sc, _size) in med:
        if sc not in scen:
            scen.append(sc)
    print("#### scaling: flows/s, median of the rounds (each round's figure in brackets)\n")
    print("| scenario | " + " | ".join(f"{s:,} users" for s in sizes) + f" | {sizes[-1]:,} vs {sizes[0]:,} | p99 ms, median, "
          + " / ".join(f"{s:,}" for s in sizes) + " |")
    print("|---|" + "---:|" * (len(sizes) + 1) + "---|")
    for sc in scen:
        cells = []
        for size in sizes:
            v = med.get((sc, size), [])
            cells.append(f"{statistics.median(v):.0f} [{', '.join(f'{x:.0f}' for x in v)}]" if v else "")
        a, b = med.get((sc, sizes[0])), med.get((sc, sizes[-1]))
        change = f"{(statistics.median(b) / statistics.median(a) - 1) * 100:+.0f}%" if a and b else ""
        lat = " / ".join(f"{statistics.median(p99[(sc, size)]):.1f}" if p99.get((sc, size)) else "" for size in sizes)
        print(f"| {sc} | " + " | ".join(cells) + f" | {change} | {lat} |")
    print()


for name in ("sqlite", "pg", "replicas"):
    closed_table(f"{name}-closed")
    open_table(name)
closed_table("cl-closed")
scaling()
