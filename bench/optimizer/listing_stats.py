"""Prints instructions, ja count, longest path of a tcpdump -d listing, and the /usr/bin/time figures."""
import re
import sys

lines = [l for l in open(sys.argv[1]) if l.startswith("(")]
n = len(lines)
succ = []
ja = 0
for pc, l in enumerate(lines):
    op = l.split()[1]
    m = re.search(r"jt (\d+)\s+jf (\d+)", l)
    if op == "ja":
        ja += 1
        succ.append([int(l.split()[2])])
    elif m:
        succ.append([int(m.group(1)), int(m.group(2))])
    elif op == "ret":
        succ.append([])
    else:
        succ.append([pc + 1])
longest = [0] * n
for pc in range(n - 1, -1, -1):
    longest[pc] = 1 + max((longest[s] for s in succ[pc]), default=0)
secs, rss = open(sys.argv[2]).read().split()[-2:]
print(n, ja, longest[0] if n else 0, secs, int(rss) // 1024)
