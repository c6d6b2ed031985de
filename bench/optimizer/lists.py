#!/usr/bin/env python3
"""Writes one expression file per list family: N terms joined by 'or', seeded.

    bench/optimizer/lists.py DIR [N=100] [SEED=7]

Families: the shapes a set or range lookup should serve (hosts, ports, protocol values, nets,
port ranges, each in its source/destination/protocol-qualified forms) and a few it does not
(ether and IPv6 addresses, whose values take two and four words; host-and-port pairs; vlan ids,
where each 'vlan' moves the offset of what follows). bench/optimizer/lists.sh compiles them
with jdump and tcpdump."""
import os
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)


def ip():
    return "10.%d.%d.%d" % (r.randrange(256), r.randrange(256), 1 + r.randrange(254))


def ip6():
    return "2001:db8::%x:%x" % (r.randrange(65536), r.randrange(65536))


def mac():
    return ":".join("%02x" % r.randrange(256) for _ in range(6))


def port():
    return 1 + r.randrange(65535)


def prange():
    a = 1 + r.randrange(60000)
    return "%d-%d" % (a, a + r.randrange(50))


families = {
    "host": lambda: "host " + ip(),
    "dst-host": lambda: "dst host " + ip(),
    "ip-src-host": lambda: "ip src host " + ip(),
    "arp-host": lambda: "arp host " + ip(),
    "net-24": lambda: "net 10.%d.%d.0/24" % (r.randrange(256), r.randrange(256)),
    "src-net-16": lambda: "src net 10.%d.0.0/16" % r.randrange(256),
    "port": lambda: "port %d" % port(),
    "tcp-port": lambda: "tcp port %d" % port(),
    "udp-port": lambda: "udp port %d" % port(),
    "src-port": lambda: "src port %d" % port(),
    "tcp-src-port": lambda: "tcp src port %d" % port(),
    "udp-dst-port": lambda: "udp dst port %d" % port(),
    "ip6-and-port": lambda: "(ip6 and port %d)" % port(),
    "portrange": lambda: "portrange " + prange(),
    "tcp-src-portrange": lambda: "tcp src portrange " + prange(),
    "udp-dst-portrange": lambda: "udp dst portrange " + prange(),
    "port-or-portrange": lambda: ("portrange " + prange()) if r.random() < 0.5 else "port %d" % port(),
    "ip-proto": lambda: "ip proto %d" % r.randrange(256),
    "ether-proto": lambda: "ether proto %d" % (1536 + r.randrange(60000)),
    "icmp-type": lambda: "icmp[0] = %d" % r.randrange(256),
    "tcp-flags": lambda: "tcp[13] = %d" % r.randrange(256),
    "ip6-dst-host": lambda: "dst host " + ip6(),
    "ether-host": lambda: "ether host " + mac(),
    "ip6-host": lambda: "ip6 host " + ip6(),
    "host-and-port": lambda: "(host %s and port %d)" % (ip(), port()),
    "vlan": lambda: "vlan %d" % r.randrange(4095),
}
os.makedirs(out, exist_ok=True)
for name, term in families.items():
    with open(os.path.join(out, name), "w") as f:
        f.write(" or ".join(term() for _ in range(n)) + "\n")
