"""Seeded random pcap-filter expressions over common primitives, one per line."""
import random
import sys

r = random.Random(int(sys.argv[1]))
count = int(sys.argv[2])


def prim():
    ip = "10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255))
    port = r.choice([22, 53, 80, 123, 443, 8080, r.randrange(1, 65536)])
    return r.choice([
        "tcp", "udp", "icmp", "ip", "ip6", "arp", "port %d" % port, "host " + ip, "net 10.%d.0.0/16" % r.randrange(256),
        "src port %d" % port, "dst host " + ip, "tcp port %d" % port, "udp dst port %d" % port, "ether host 00:11:22:33:44:55",
        "less %d" % r.randrange(40, 1500), "greater %d" % r.randrange(40, 1500), "ip[9] = 6", "tcp[13] & 2 != 0",
        "portrange %d-%d" % (port, port + r.randrange(1, 100)), "ip proto %d" % r.randrange(256), "icmp[0] = 8",
        "src net 192.168.%d.0/24" % r.randrange(256), "ether broadcast", "ip multicast",
    ])


def expr(depth):
    if depth == 0 or r.random() < 0.3:
        p = prim()
        return "not " + p if r.random() < 0.15 else p
    op = r.choice([" and ", " or "])
    e = "(" + expr(depth - 1) + op + expr(depth - 1) + ")"
    return "not " + e if r.random() < 0.1 else e


for _ in range(count):
    print(expr(r.randrange(1, 4)))
