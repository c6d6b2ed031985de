"""Compares our sizes (one per line) with tcpdump -d on the same expressions; prints geomean and the worst."""
import math
import subprocess
import sys

exprs = [l.rstrip("\n") for l in open(sys.argv[1]) if l.strip()]
ours = [l.strip() for l in open(sys.argv[2])]
rows = []
for e, o in zip(exprs, ours):
    if o == "error":
        continue
    p = subprocess.run(["tcpdump", "-y", "EN10MB", "-d", e], capture_output=True, text=True)
    if p.returncode != 0:
        continue
    lib = sum(1 for l in p.stdout.splitlines() if l.startswith("("))
    rows.append((int(o) / lib, int(o), lib, e))
g = math.exp(sum(math.log(r[0]) for r in rows) / len(rows))
print("compared %d, geomean %.3f, larger %d, smaller %d" % (len(rows), g, sum(r[1] > r[2] for r in rows), sum(r[1] < r[2] for r in rows)))
for r in sorted(rows, reverse=True)[:8]:
    print("  %.2f  %d vs %d  %s" % r)
for r in sorted(rows)[:5]:
    print("  %.2f  %d vs %d  %s" % r)
