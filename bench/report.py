#!/usr/bin/env python3
"""Prints bench/run.sh's results as a table: median, mean and spread,
ratio to the `find` walk of the same tree (or to manifest-lint for the other
tools), and peak memory."""
import json
import os
import sys

results = sys.argv[1]
# The revision `--against` timed side by side, if any.
against = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None


def load(name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    run = json.load(open(path))["results"][0]
    rss_path = os.path.join(results, name + ".rss")
    rss = open(rss_path).read().strip() if os.path.exists(rss_path) else ""
    return {"median": run["median"] * 1000, "mean": run["mean"] * 1000, "stddev": (run["stddev"] or 0) * 1000,
            "runs": len(run["times"]), "rss": int(rss) / 1024 if rss.isdigit() else None}


def row(case, tool, result, ratio):
    rss = f"{result['rss']:.1f} MiB" if result["rss"] is not None else "-"
    print(f"| {case} | {tool} | {result['median']:.1f} ms | {result['mean']:.1f} ± {result['stddev']:.1f} ms | {result['runs']} | {ratio} | {rss} |")


print()
print("| case | command | median | mean ± σ | runs | ratio | peak memory |")
print("|---|---|---|---|---|---|---|")
for size in ["1", "100", "1000", "10000"]:
    lint, find = load(f"{size}-manifest-lint"), load(f"{size}-find")
    if lint is None:
        continue
    case = f"{size} project{'s' if size != '1' else ''}"
    row(case, "manifest-lint check", lint, f"{lint['median'] / find['median']:.2f} × find" if find else "-")
    baseline = load(f"{size}-baseline")
    if baseline:
        change = (lint["median"] / baseline["median"] - 1) * 100
        row(case, f"manifest-lint check at {against}", baseline,
            (f"{baseline['median'] / find['median']:.2f} × find; " if find else "") + f"this one {change:+.1f} %")
    rules_off = load(f"{size}-rules-off")
    if rules_off and find:
        row(case, "… with every rule off (walk, manifests read and parsed, graph; no sources)", rules_off, f"{rules_off['median'] / find['median']:.2f} × find")
    case_off, asset_off = load(f"{size}-path-case-mismatch-off"), load(f"{size}-asset-path-missing-off")
    if case_off and asset_off:
        row(case, "… with path-case-mismatch off", case_off, "-")
        row(case, "… with path-case-mismatch and asset-path-missing off", asset_off,
            f"asset-path-missing adds {case_off['median'] - asset_off['median']:+.1f} ms")
    if find:
        row(case, "find -name Pulumi.yaml", find, "1.00 × find")
    floor = load(f"{size}-io-floor")
    if floor and find:
        row(case, "I/O floor: walk and read every file, 2 threads (C)", floor, f"{floor['median'] / find['median']:.2f} × find")
    for tool in ["yamllint", "check-yaml", "check-json"]:
        other = load(f"{size}-{tool}")
        if other:
            row(case, tool, other, f"{other['median'] / lint['median']:.1f} × manifest-lint")
staged, working = load("bigrepo-staged"), load("bigrepo-working-tree")
if staged and working:
    row("git repo, 10,000 files", "manifest-lint check --staged", staged, f"{staged['median'] / working['median']:.2f} × working tree")
    row("git repo, 10,000 files", "manifest-lint check", working, "-")

everything, without = load("program-all-rules"), load("program-source-rules-off")
if everything and without:
    added = everything["median"] - without["median"]
    case = "1 project, 50 source files × 500 lines"
    row(case, "manifest-lint check", everything, f"+{added:.1f} ms for the source rules ({everything['median'] / without['median']:.2f} ×)")
    row(case, "… with those rules off", without, "-")
    case_off, asset_off = load("program-path-case-mismatch-off"), load("program-asset-path-missing-off")
    if case_off and asset_off:
        row(case, "… with path-case-mismatch off", case_off, "-")
        row(case, "… with path-case-mismatch and asset-path-missing off", asset_off,
            f"asset-path-missing adds {case_off['median'] - asset_off['median']:+.1f} ms")

python_all, python_off = load("python-program-all-rules"), load("python-program-source-rules-off")
if python_all and python_off:
    case = "1 Python project, 50 modules × 300 lines"
    row(case, "manifest-lint check", python_all,
        f"+{python_all['median'] - python_off['median']:.1f} ms for the Python source rules ({python_all['median'] / python_off['median']:.2f} ×)")
    row(case, "… with those rules off", python_off, "-")
