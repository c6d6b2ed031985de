#!/usr/bin/python3
"""Makes jdump's small test captures and their expected outputs from the installed tcpdump.

Run from anywhere: /usr/bin/python3 testdata/make-testdata.py
Needs scapy (python3-scapy) and tcpdump. Packets and time stamps are fixed, so the files are
the same on every run.
"""
import os
import subprocess

from scapy.all import ARP, DNS, DNSQR, DNSRR, ICMP, IP, TCP, UDP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000.0           # 2023-11-14 22:13:20 UTC

CLIENT_MAC, SERVER_MAC, GW_MAC = "02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:fe"
CLIENT, SERVER, RESOLVER = "10.0.0.1", "10.0.0.2", "10.0.0.53"


def tcp(src, dst, sport, dport, flags, seq, ack, payload=b""):
    macs = (CLIENT_MAC, SERVER_MAC) if src == CLIENT else (SERVER_MAC, CLIENT_MAC)
    p = Ether(src=macs[0], dst=macs[1]) / IP(src=src, dst=dst, id=1000 + seq % 1000) / \
        TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=64240)
    return p / Raw(payload) if payload else p


def http_exchange():
    c, s = 1000, 5000
    request = b"GET /index.html HTTP/1.1\r\nHost: server\r\nUser-Agent: jdump-test\r\n\r\n"
    body = b"<html><body>hello from jdump</body></html>\n"
    response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
    return [
        tcp(CLIENT, SERVER, 40000, 80, "S", c, 0),
        tcp(SERVER, CLIENT, 80, 40000, "SA", s, c + 1),
        tcp(CLIENT, SERVER, 40000, 80, "A", c + 1, s + 1),
        tcp(CLIENT, SERVER, 40000, 80, "PA", c + 1, s + 1, request),
        tcp(SERVER, CLIENT, 80, 40000, "A", s + 1, c + 1 + len(request)),
        tcp(SERVER, CLIENT, 80, 40000, "PA", s + 1, c + 1 + len(request), response),
        tcp(CLIENT, SERVER, 40000, 80, "A", c + 1 + len(request), s + 1 + len(response)),
        tcp(CLIENT, SERVER, 40000, 80, "FA", c + 1 + len(request), s + 1 + len(response)),
        tcp(SERVER, CLIENT, 80, 40000, "FA", s + 1 + len(response), c + 2 + len(request)),
        tcp(CLIENT, SERVER, 40000, 80, "A", c + 2 + len(request), s + 2 + len(response)),
    ]


def others():
    """Traffic a 'tcp port 80' filter must reject: ARP, DNS over UDP, ICMP echo, TCP to port 22."""
    return [
        Ether(src=CLIENT_MAC, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=CLIENT_MAC, psrc=CLIENT, pdst=SERVER),
        Ether(src=SERVER_MAC, dst=CLIENT_MAC) / ARP(op=2, hwsrc=SERVER_MAC, psrc=SERVER, hwdst=CLIENT_MAC, pdst=CLIENT),
        Ether(src=CLIENT_MAC, dst=GW_MAC) / IP(src=CLIENT, dst=RESOLVER, id=7) / UDP(sport=53000, dport=53) /
        DNS(id=0x1234, rd=1, qd=DNSQR(qname="server.example.")),
        Ether(src=GW_MAC, dst=CLIENT_MAC) / IP(src=RESOLVER, dst=CLIENT, id=8) / UDP(sport=53, dport=53000) /
        DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname="server.example."),
            an=DNSRR(rrname="server.example.", ttl=300, rdata=SERVER)),
        Ether(src=CLIENT_MAC, dst=SERVER_MAC) / IP(src=CLIENT, dst=SERVER, id=9) / ICMP(type=8, id=1, seq=1) / Raw(b"ping" * 8),
        Ether(src=SERVER_MAC, dst=CLIENT_MAC) / IP(src=SERVER, dst=CLIENT, id=10) / ICMP(type=0, id=1, seq=1) / Raw(b"ping" * 8),
        tcp(CLIENT, SERVER, 40001, 22, "S", 7000, 0),
    ]


def http_pcap():
    o = others()
    packets = o[:4] + http_exchange()[:5] + o[4:6] + http_exchange()[5:] + o[6:]
    for i, p in enumerate(packets):
        p.time = T0 + i * 0.001250 + (0.5 if i >= 4 else 0)
    return packets


def run(args, out):
    with open(os.path.join(HERE, out), "wb") as f:
        subprocess.run(args, check=True, stdout=f, stderr=subprocess.DEVNULL, env={**os.environ, "TZ": "UTC"}, cwd=HERE)


def main():
    wrpcap(os.path.join(HERE, "http.pcap"), http_pcap())
    run(["tcpdump", "-n", "-r", "http.pcap"], "http.tcpdump-n.out")
    run(["tcpdump", "-r", "http.pcap", "-ddd", "tcp port 80"], "tcp-port-80.bpf")
    run(["tcpdump", "-r", "http.pcap", "-d", "tcp port 80"], "tcp-port-80.d.out")
    run(["tcpdump", "-r", "http.pcap", "-w", "-", "tcp port 80"], "http.tcp-port-80.pcap")
    run(["tcpdump", "-n", "-r", "http.pcap", "tcp port 80"], "http.tcp-port-80.tcpdump-n.out")


if __name__ == "__main__":
    main()
