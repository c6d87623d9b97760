"""Scores the three benchmark builds: analyzer time from -p:ReportAnalyzer=true, findings against truth.json."""
import json
import os
import re
import sys

work = sys.argv[1]
truth = json.load(open(os.path.join(work, "gen", "truth.json")))
secret_lines = {(t["file"], t["line"]): t["kind"] for t in truth if t["secret"]}
decoy_lines = {(t["file"], t["line"]): t["kind"] for t in truth if not t["secret"]}
wall = dict(line.split() for line in open(os.path.join(work, "wall.txt")))
RULES = {"devopslens": re.compile(r"^DL100[1-6]$"), "sonar": re.compile(r"^S(2068|6418)$")}
FINDING = re.compile(r"(src/[^(]+\.cs)\((\d+),\d+\): (?:warning|error) ([A-Z]+\d+):")
result = {"files": len(os.listdir(os.path.join(work, "gen", "src"))), "secrets": len(secret_lines), "decoys": len(decoy_lines)}
for name in ("none", "devopslens", "sonar"):
    log = open(os.path.join(work, name + ".log"), encoding="utf-8", errors="replace").read()
    entry = {"wall_seconds": round(float(wall[name]), 1)}
    total = re.search(r"Total analyzer execution time: ([\d.]+) seconds", log)
    entry["analyzer_seconds"] = float(total.group(1)) if total else 0.0
    entry["build_succeeded"] = "Build succeeded." in log
    if name in RULES:
        found = {}
        for m in FINDING.finditer(log):
            if RULES[name].match(m.group(3)):
                found.setdefault((m.group(1), int(m.group(2))), set()).add(m.group(3))
        tp = [k for k in found if k in secret_lines]
        fp = [k for k in found if k not in secret_lines]
        entry["true_positives"] = len(tp)
        entry["false_positives"] = len(fp)
        entry["missed"] = len(secret_lines) - len(tp)
        by_kind = {}
        for k, kind in secret_lines.items():
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][1] += 1
            if k in found:
                by_kind[kind][0] += 1
        entry["found_by_kind"] = {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_kind.items())}
        fp_kinds = {}
        for k in fp:
            kind = decoy_lines.get(k, "other")
            fp_kinds[kind] = fp_kinds.get(kind, 0) + 1
        entry["false_positives_by_kind"] = fp_kinds
    result[name] = entry
print(json.dumps(result, indent=1))
