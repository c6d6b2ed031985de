#!/usr/bin/python3
# Regenerates golden.tsv: builds one frame per row with scapy, prints it with the installed
# tcpdump (the reference, used as a black box) and records the text. Run from this directory:
#   /usr/bin/python3 make-golden.py > golden.tsv
# Columns: name, link type, tcpdump options, frame as hex, expected text ("\n" for newlines).
import subprocess, tempfile, os
from scapy.all import *
from scapy.contrib.mpls import MPLS
load_contrib("igmp")
from scapy.contrib.igmp import IGMP

E = lambda: Ether(src="02:00:5e:10:00:0a", dst="02:00:5e:10:00:0b")
A4, B4 = "10.99.0.1", "10.99.0.2"
A6, B6 = "fd00:99::1", "fd00:99::2"
rows = [
    ("arp-request", 1, E()/ARP(op=1, hwsrc="02:00:5e:10:00:0a", psrc=A4, pdst=B4)),
    ("arp-reply", 1, E()/ARP(op=2, hwsrc="02:00:5e:10:00:0b", psrc=B4, hwdst="02:00:5e:10:00:0a", pdst=A4)),
    ("rarp", 1, Ether(src="02:00:5e:10:00:0a", dst="ff:ff:ff:ff:ff:ff", type=0x8035)/ARP(op=3, hwsrc="02:00:5e:10:00:0a", hwdst="02:00:5e:10:00:0a")),
    ("icmp-echo", 1, E()/IP(src=A4, dst=B4, id=7)/ICMP(type=8, id=3, seq=1)/b"abcdefgh"),
    ("icmp-port-unreach", 1, E()/IP(src=B4, dst=A4)/ICMP(type=3, code=3)/IP(src=A4, dst=B4)/UDP(sport=40000, dport=9)/b"x"),
    ("ip-options-frag", 1, E()/IP(src=A4, dst=B4, flags="MF", frag=0, options=[IPOption_RR()])/UDP(sport=1, dport=2)/b"hello"),
    ("ip-later-fragment", 1, E()/IP(src=A4, dst=B4, frag=185, proto=17)/b"0123456789"),
    ("tcp-syn", 1, E()/IP(src=A4, dst=B4)/TCP(sport=40000, dport=80, flags="S", seq=1000, options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None), ("WScale", 7)])),
    ("tcp-http", 1, E()/IP(src=A4, dst=B4)/TCP(sport=40000, dport=80, flags="PA", seq=1001, ack=5001)/b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("tcp-rst", 1, E()/IP(src=B4, dst=A4)/TCP(sport=81, dport=40001, flags="RA", seq=0, ack=77)),
    ("udp-plain", 1, E()/IP(src=A4, dst=B4)/UDP(sport=5000, dport=6000)/b"data"),
    ("dns-query", 1, E()/IP(src=A4, dst=B4)/UDP(sport=33000, dport=53)/DNS(id=4660, rd=1, qd=DNSQR(qname="example.com", qtype="A"))),
    ("dns-answer", 1, E()/IP(src=B4, dst=A4)/UDP(sport=53, dport=33000)/DNS(id=4660, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname="example.com"), an=DNSRR(rrname="example.com", ttl=300, rdata="93.184.216.34"))),
    ("dns-nxdomain-aaaa", 1, E()/IPv6(src=B6, dst=A6)/UDP(sport=53, dport=33001)/DNS(id=9, qr=1, rcode=3, qd=DNSQR(qname="nx.example", qtype="AAAA"))),
    ("icmp6-echo", 1, E()/IPv6(src=A6, dst=B6)/ICMPv6EchoRequest(id=5, seq=2)),
    ("icmp6-ns", 1, E()/IPv6(src=A6, dst="ff02::1:ff00:2")/ICMPv6ND_NS(tgt=B6)/ICMPv6NDOptSrcLLAddr(lladdr="02:00:5e:10:00:0a")),
    ("icmp6-na", 1, E()/IPv6(src=B6, dst=A6)/ICMPv6ND_NA(tgt=B6, R=0, S=1, O=1)/ICMPv6NDOptDstLLAddr(lladdr="02:00:5e:10:00:0b")),
    ("icmp6-ra", 1, E()/IPv6(src="fe80::1", dst="ff02::1")/ICMPv6ND_RA(routerlifetime=1800)/ICMPv6NDOptPrefixInfo(prefix="fd00:99::", prefixlen=64)/ICMPv6NDOptMTU(mtu=1500)),
    ("mldv2-report", 1, E()/IPv6(src="fe80::1", dst="ff02::16", hlim=1)/IPv6ExtHdrHopByHop(options=[RouterAlert()])/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff02::1:ff00:1", rtype=4)])),
    ("ipv6-frag", 1, E()/IPv6(src=A6, dst=B6)/IPv6ExtHdrFragment(id=0x1234, m=1, offset=0)/UDP(sport=1, dport=2)/b"abcd"),
    ("ipv6-routing", 1, E()/IPv6(src=A6, dst=B6)/IPv6ExtHdrRouting(addresses=["fd00:99::3"], segleft=1)/TCP(sport=1, dport=2, flags="S")),
    ("vlan", 1, E()/Dot1Q(vlan=100, prio=5)/IP(src=A4, dst=B4)/ICMP(type=0, id=1, seq=1)),
    ("qinq", 1, Ether(src="02:00:5e:10:00:0a", dst="02:00:5e:10:00:0b", type=0x88a8)/Dot1AD(vlan=30)/Dot1Q(vlan=10)/ARP(psrc=A4, pdst=B4)),
    ("llc-stp", 1, Dot3(src="02:00:5e:10:00:0a", dst="01:80:c2:00:00:00")/LLC()/STP()),
    ("snap-ip", 1, Dot3(src="02:00:5e:10:00:0a", dst="02:00:5e:10:00:0b")/LLC(dsap=0xaa, ssap=0xaa, ctrl=3)/SNAP(OUI=0, code=0x0800)/IP(src=A4, dst=B4)/UDP(sport=7, dport=7)),
    ("mpls", 1, Ether(src="02:00:5e:10:00:0a", dst="02:00:5e:10:00:0b", type=0x8847)/MPLS(label=100, s=1, ttl=64)/IP(src=A4, dst=B4)/ICMP()),
    ("pppoe-session", 1, E()/PPPoE(sessionid=0x11)/PPP(proto=0x21)/IP(src=A4, dst=B4)/UDP(sport=9, dport=9)),
    ("pppoe-padi", 1, Ether(src="02:00:5e:10:00:0a", dst="ff:ff:ff:ff:ff:ff")/PPPoED(code=0x09)),
    ("gre", 1, E()/IP(src=A4, dst=B4)/GRE(proto=0x0800)/IP(src="1.1.1.1", dst="2.2.2.2")/ICMP()),
    ("esp", 1, E()/IP(src=A4, dst=B4)/ESP(spi=0x1234, seq=1)/(b"\x00" * 16)),
    ("ah", 1, E()/IP(src=A4, dst=B4)/AH(spi=7, seq=3, nh=17, icv=b"\x01\x02\x03\x04")/UDP(sport=1, dport=2)),
    ("sctp-init", 1, E()/IP(src=A4, dst=B4)/SCTP(sport=1000, dport=2000)/SCTPChunkInit()),
    ("igmp-v2-report", 1, E()/IP(src=A4, dst="239.1.2.3", ttl=1)/IGMP(type=0x16, gaddr="239.1.2.3")),
    ("vxlan", 1, E()/IP(src=A4, dst=B4)/UDP(sport=5555, dport=4789)/VXLAN(vni=42)/Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/IP(src="192.168.0.1", dst="192.168.0.2")/ICMP()),
    ("geneve", 1, E()/IP(src=A4, dst=B4)/UDP(sport=5555, dport=6081)/Raw(bytes.fromhex("00006558000abc00"))/Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")/IP(src="192.168.0.1", dst="192.168.0.2")/UDP(sport=1, dport=2)),
    ("dhcp-discover", 1, E()/IP(src="0.0.0.0", dst="255.255.255.255")/UDP(sport=68, dport=67)/BOOTP(chaddr=bytes.fromhex("02005e10000a"), xid=0x1234)/DHCP(options=[("message-type", "discover"), ("param_req_list", [1, 3, 6]), "end"])),
    ("ntp-client", 1, E()/IP(src=A4, dst=B4)/UDP(sport=123, dport=123)/NTP(version=4, mode=3)),
    ("truncated-tcp", 1, (E()/IP(src=A4, dst=B4)/TCP(sport=1, dport=2))),
    ("unknown-ethertype", 1, Ether(src="02:00:5e:10:00:0a", dst="02:00:5e:10:00:0b", type=0x88b5)/b"\x01\x02\x03\x04"),
    ("sll-ip", 113, Raw(bytes.fromhex("0004" + "0001" + "0006" + "02005e10000a0000" + "0800"))/IP(src=A4, dst=B4)/UDP(sport=1, dport=2)),
    ("sll2-arp", 276, Raw(bytes.fromhex("0806" + "0000" + "000f4249" + "0001" + "00" + "06" + "02005e10000a0000"))/ARP(psrc=A4, pdst=B4)),
    ("null-ip6", 0, Loopback(type=24)/IPv6(src=A6, dst=B6)/UDP(sport=1, dport=2)),
    ("raw-ip", 101, IP(src=A4, dst=B4)/TCP(sport=1, dport=2, flags="F")),
]
OPTS = ["-t -n", "-t -n -e -v", "-t -n -vv -x"]
CUT = {"truncated-tcp": 44}
for name, dlt, pkt in rows:
    data = bytes(pkt)
    data = data[:CUT[name]] if name in CUT else data
    for opts in OPTS:
        with tempfile.NamedTemporaryFile(suffix=".pcap", delete=False) as f:
            path = f.name
        wrpcap(path, [Raw(data)], linktype=dlt)
        if name in CUT:
            # keep the original wire length so the capture is truncated, not short
            raw = bytearray(open(path, "rb").read())
            raw[24 + 12:24 + 16] = len(bytes(pkt)).to_bytes(4, "little")
            open(path, "wb").write(raw)
        out = subprocess.run(["tcpdump", "-r", path] + opts.split(), capture_output=True, env={"TZ": "UTC", "PATH": os.environ["PATH"]}).stdout.decode("latin-1")
        os.unlink(path)
        text = out[:-1] if out.endswith("\n") else out
        print("\t".join([name, str(dlt), opts, data.hex(), text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")]))
