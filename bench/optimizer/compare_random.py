"""Compares our sizes (one per line) with tcpdump -d on the same expressions; prints geomean and the worst.

    compare_random.py EXPRS OURS [worst=8] [table.tsv]   (the table: ratio, jdump, libpcap, expr, worst first)
"""
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
worst = int(sys.argv[3]) if len(sys.argv) > 3 else 8
for r in sorted(rows, reverse=True)[:worst]:
    print("  %.2f  %d vs %d  %s" % r)
print("  best:")
for r in sorted(rows)[:5]:
    print("  %.2f  %d vs %d  %s" % r)
if len(sys.argv) > 4:
    with open(sys.argv[4], "w") as f:
        for r in sorted(rows, reverse=True):
            f.write("%.3f\t%d\t%d\t%s\n" % r)
