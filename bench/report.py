#!/usr/bin/env python3
"""Summarises the raw measurements of bench/run.sh into latest.json and a Markdown table.

Each figure is reported beside the baseline measured in the same run, and as a ratio to it.
"""
import json
import platform
import statistics
import sys
import time
from collections import defaultdict

raw_path, json_path, md_path = sys.argv[1:4]
rows = [json.loads(line) for line in open(raw_path, encoding="utf-8") if line.strip()]


def median(values):
    return statistics.median(values) if values else None


def ratio(value, base):
    return round(value / base, 2) if value is not None and base else None


summary = {"measuredAt": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": {
    "cpus": __import__("os").cpu_count(), "platform": platform.platform()}, "figures": []}
figures = summary["figures"]


def figure(name, value, unit, baseline=None, goal=None, note=None, lower_is_better=True):
    r = ratio(value, baseline)
    ok = None
    if goal is not None:
        kind, limit = goal
        measured = r if kind.startswith("ratio") else value
        if measured is not None:
            ok = measured <= limit if kind.endswith("max") else measured >= limit
    figures.append({"name": name, "value": value, "unit": unit, "baseline": baseline, "ratio": r,
                    "goal": None if goal is None else f"{'≤' if goal[0].endswith('max') else '≥'} {goal[1]}"
                    + ("×" if goal[0].startswith("ratio") else f" {unit}"), "met": ok, "note": note})


for fresh in (True, False):
    label = "fresh start" if fresh else "restart"
    full = median([r["ms"] for r in rows if r["bench"] == "boot" and r["kind"] == "full" and r["fresh"] == fresh])
    base = median([r["ms"] for r in rows if r["bench"] == "boot" and r["kind"] == "baseline" and r["fresh"] == fresh])
    if full is not None:
        figure(f"boot to first 200 ({label}, median)", full, "ms", base, ("ratio-max", 1.3),
               "full distribution /api/health vs bare Karaf + Pax Web + Jersey /hello/")

for fresh in (True, False):
    label = "fresh start" if fresh else "restart"
    full = median([r["cpuMs"] for r in rows if r["bench"] == "boot" and r["kind"] == "full" and r["fresh"] == fresh
                   and "cpuMs" in r])
    base = median([r["cpuMs"] for r in rows if r["bench"] == "boot" and r["kind"] == "baseline" and r["fresh"] == fresh
                   and "cpuMs" in r])
    if full is not None:
        figure(f"CPU time to first 200 ({label}, median)", full, "ms", base, None,
               "user + system time of the Karaf JVM until the first 200: less sensitive than wall time to "
               "other load on the machine")


def kind_median(bench, kind, key):
    return median([r[key] for r in rows if r["bench"] == bench and r["kind"] == kind and r.get(key) is not None])


full_rss, base_rss = kind_median("rss", "full", "mb"), kind_median("rss", "baseline", "mb")
if full_rss is not None:
    figure("resident memory after boot (median)", full_rss, "MB", base_rss, ("value-max", 350),
           "VmRSS 5 s after the first 200")
full_heap, base_heap = kind_median("rss", "full", "heapMb"), kind_median("rss", "baseline", "heapMb")
if full_heap is not None:
    figure("heap after GC, after boot (median)", full_heap, "MB", base_heap, None,
           "live heap after a full GC (jcmd GC.run, then jstat -gc: survivors + eden + old used)")
for r in rows:
    if r["bench"] == "rss-after-load":
        figure("resident memory after the throughput runs", r["mb"], "MB", base_rss, None,
               "VmRSS of the full distribution after the installs and the wrk runs")
        if r.get("heapMb") is not None:
            figure("heap after GC, after the throughput runs", r["heapMb"], "MB", base_heap, None,
                   "live heap after a full GC, programs installed")

programs = defaultdict(list)
for r in rows:
    if r["bench"] == "program":
        programs[r["id"]].append(r)
for pid, runs in sorted(programs.items()):
    figure(f"install {pid} (median of {len(runs)})", median([r["installMs"] for r in runs]), "ms")
    figure(f"retire {pid} (median of {len(runs)})", median([r["retireMs"] for r in runs]), "ms")
    restarted = max(max(r["installRestartedOthers"], r["retireRestartedOthers"]) for r in runs)
    figure(f"other bundles restarted by installing/retiring {pid} (max)", restarted, "bundles", None,
           ("value-max", 0))

hello = [r for r in rows if r["bench"] == "rest" and r["label"] == "hello"]
reads = [r for r in rows if r["bench"] == "rest" and r["label"] == "read"]
for i, read in enumerate(reads):
    paired = hello[i] if i < len(hello) else None
    base = paired["rps"] if paired else None
    figure(f"throughput GET {read['path']}", round(read["rps"]), "req/s", round(base) if base else None,
           ("value-min", 3000), (f"{read['items']} items, {read['bytes']:,} bytes; " if read.get("items") is not None else "")
           + f"p50 {read['p50Ms']:.1f} ms, p99 {read['p99Ms']:.1f} ms, non-2xx {read['non2xx']}"
           + (f"; hello p99 {paired['p99Ms']:.1f} ms" if paired else ""), lower_is_better=False)
    if base:
        figures.append({"name": f"throughput GET {read['path']} / hello", "value": ratio(read["rps"], base), "unit": "×",
                        "baseline": None, "ratio": None, "goal": "≥ 0.5×", "met": ratio(read["rps"], base) >= 0.5,
                        "note": "same runtime, run back to back"})

for r in rows:
    if r["bench"] == "module":
        goal = None
        if r.get("goal") is not None:
            goal = (r.get("goalKind", "value-max"), r["goal"])
        figure(r["name"], r["value"], r["unit"], r.get("baseline"), goal, r.get("note"))

with open(json_path, "w", encoding="utf-8") as out:
    json.dump(summary, out, ensure_ascii=False, indent=2)

lines = ["# Freelance Island benchmarks", "", f"Measured {summary['measuredAt']} on {summary['machine']['cpus']} CPUs "
         f"({summary['machine']['platform']}). Ratios are to the baseline measured in the same run.", "",
         "| figure | value | baseline | ratio | goal | met | note |", "|---|---|---|---|---|---|---|"]
for f in figures:
    met = "" if f["met"] is None else ("yes" if f["met"] else "**no**")
    lines.append(f"| {f['name']} | {f['value']} {f['unit']} | {'' if f['baseline'] is None else f['baseline']} | "
                 f"{'' if f['ratio'] is None else str(f['ratio']) + '×'} | {f['goal'] or ''} | {met} | {f['note'] or ''} |")
with open(md_path, "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
