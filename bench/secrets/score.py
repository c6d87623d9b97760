#!/usr/bin/env python3
"""Scores a tool's findings against the corpus ground truth, matching by (file, line).

Usage: score.py GROUND_TRUTH CORPUS_DIR FORMAT REPORT
FORMAT: devopslens (check --format json), secretlint (--format json), gitleaks (-f json), tsv (path<TAB>line…).
Prints one JSON object: secrets, found, recall, decoys_reported, other_false_positives, false_positives, findings.
A finding on a planted secret's line is a true positive; on a decoy's line a decoy false positive; anywhere else
(filler: hashes, UUIDs, lock files, minified code) another false positive. Several findings on one line count once.
"""
import json
import os
import sys

truth_path, corpus, fmt, report = sys.argv[1:5]
corpus = os.path.realpath(corpus)
truth = json.load(open(truth_path))
secrets = {(r["file"], r["line"]): r for r in truth if r["is_secret"]}
decoys = {(r["file"], r["line"]): r for r in truth if not r["is_secret"]}


def rel(p):
    p = p.replace("\\", "/")
    if os.path.isabs(p):
        p = os.path.relpath(os.path.realpath(p), corpus)
    # Tools may report paths relative to the repository that holds the corpus.
    marker = "/" + os.path.basename(corpus) + "/"
    if marker in "/" + p:
        p = ("/" + p).split(marker, 1)[1]
    return p[2:] if p.startswith("./") else p


lines = set()
raw = 0
if fmt == "devopslens":
    data = json.load(open(report))
    for f in data["findings"]:
        if f["ruleId"] in ("DL1001", "DL1002", "DL1003", "DL1004", "DL1005") and not f.get("suppression"):
            lines.add((rel(f["path"]), f["startLine"]))
            raw += 1
elif fmt == "secretlint":
    data = json.load(open(report)) if os.path.getsize(report) > 0 else []
    for result in data:
        for m in result.get("messages", []):
            lines.add((rel(result["filePath"]), m["loc"]["start"]["line"]))
            raw += 1
elif fmt == "gitleaks":
    data = json.load(open(report)) if os.path.getsize(report) > 0 else []
    for f in data or []:
        lines.add((rel(f["File"]), f["StartLine"]))
        raw += 1
elif fmt == "tsv":
    for line in open(report):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[2] not in ("DL1001", "DL1002", "DL1003", "DL1004", "DL1005"):
            continue
        if len(parts) >= 2:
            lines.add((rel(parts[0]), int(parts[1])))
            raw += 1
else:
    sys.exit("unknown format " + fmt)

found = {k for k in lines if k in secrets}
decoy_hits = {k for k in lines if k in decoys}
other = lines - found - decoy_hits
missed = {}
for k in secrets.keys() - found:
    p = secrets[k]["provider"]
    missed[p] = missed.get(p, 0) + 1
print(json.dumps({
    "secrets": len(secrets),
    "found": len(found),
    "recall": round(len(found) / max(1, len(secrets)), 4),
    "decoys_reported": len(decoy_hits),
    "other_false_positives": len(other),
    "false_positives": len(decoy_hits) + len(other),
    "findings": raw,
    "missed_by_provider": dict(sorted(missed.items())),
    "decoys_by_kind": {k: sum(1 for d in decoy_hits if decoys[d]["provider"] == k) for k in sorted({decoys[d]["provider"] for d in decoy_hits})},
    "other_examples": sorted(f"{f}:{l}" for f, l in other)[:10],
}, indent=1))
