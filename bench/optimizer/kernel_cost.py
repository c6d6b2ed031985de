#!/usr/bin/env python3
"""What a classic BPF filter costs the kernel per packet.

Datagrams are sent over an AF_UNIX socketpair whose receiving end has the program attached
(SO_ATTACH_FILTER); the kernel runs it (JIT-compiled where net.core.bpf_jit_enable is 1) inside the
sender's system call and drops what it rejects. Printed: the sender's CPU per datagram (user +
system, best of the interleaved repeats) minus that with `ret #0`, and how many instructions each
program executes on the frames (a small interpreter below). The frames are 200 Ethernet/IPv4/UDP
frames with random addresses (seed 7), so a host list rejects them, as most traffic is.

    bench/optimizer/kernel_cost.py ROUNDS REPEATS PROGRAM.ddd...     (tcpdump's or jdump's -ddd output)

Programs that accept frames are refused (the unread socket would fill and block the sender).
"""
import ctypes
import random
import socket
import struct
import sys
import time

SO_ATTACH_FILTER = 26


def steps(ins, pkt):
    """(instructions executed, verdict) of program ins on pkt; a load past the end rejects."""
    A = X = 0; M = [0]*16; pc = 0; n = 0; L = len(pkt)
    def ld(off, size):
        if off + size > L: return None
        return int.from_bytes(pkt[off:off+size], "big")
    while True:
        c, jt, jf, k = ins[pc]; n += 1; pc += 1
        cls = c & 7
        if cls == 6: return n, (k if c & 0x18 == 0 else A)
        if cls == 0:
            mode, size = c & 0xe0, {0: 4, 8: 2, 0x10: 1}[c & 0x18]
            if mode == 0x20: A = ld(k, size)
            elif mode == 0x40: A = ld(X + k, size)
            elif mode == 0: A = k
            elif mode == 0x60: A = M[k]
            elif mode == 0x80: A = L
            if A is None: return n, 0
        elif cls == 1:
            mode = c & 0xe0
            if mode == 0xa0:
                v = ld(k, 1)
                if v is None: return n, 0
                X = (v & 0xf) * 4
            elif mode == 0: X = k
            elif mode == 0x60: X = M[k]
        elif cls == 2: M[k] = A
        elif cls == 3: M[k] = X
        elif cls == 4:
            op = c & 0xf0; v = X if c & 8 else k
            A = {0: A + v, 0x10: A - v, 0x20: A * v, 0x50: A & v, 0x40: A | v, 0x60: A << v, 0x70: A >> v, 0xa0: A ^ v}[op] & 0xffffffff
        elif cls == 5:
            op = c & 0xf0
            if op == 0: pc += k; continue
            v = X if c & 8 else k
            t = {0x10: A == v, 0x20: A > v, 0x30: A >= v, 0x40: (A & v) != 0}[op]
            pc += jt if t else jf
        elif cls == 7:
            if c & 0xf8 == 0: X = A
            else: A = X


def load(path):
    lines = open(path).read().split("\n")
    n = int(lines[0]); return [tuple(int(x) for x in l.split()) for l in lines[1:1+n]]


def frames(count, seed=7):
    r = random.Random(seed); out = []
    for _ in range(count):
        s = bytes([r.randint(1,223), r.randint(0,255), r.randint(0,255), r.randint(1,254)])
        d = bytes([r.randint(1,223), r.randint(0,255), r.randint(0,255), r.randint(1,254)])
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 46, 1, 0, 64, 17, 0, s, d) + bytes(26)
        out.append(b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\x08\x00" + ip)
    return out


def run(ins, fr, rounds):
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    buf = (ctypes.c_uint8 * (8*len(ins)))()
    for i,(c,jt,jf,k) in enumerate(ins): struct.pack_into("HBBI", buf, 8*i, c, jt, jf, k & 0xffffffff)
    b.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, struct.pack("HxxxxxxQ", len(ins), ctypes.addressof(buf)))
    send = a.send
    t0 = time.process_time()
    for _ in range(rounds):
        for f in fr: send(f)
    t = time.process_time() - t0
    a.close(); b.close()
    return t / (rounds*len(fr)) * 1e9


fr = frames(200)
rounds, reps = int(sys.argv[1]), int(sys.argv[2])
progs = {"ret#0": [(6, 0, 0, 0)]}
for p in sys.argv[3:]:
    progs[p] = load(p)
    if any(steps(progs[p], f)[1] for f in fr):
        sys.exit(f"{p} accepts some of the frames: the sender would block")
best = {p: float("inf") for p in progs}
for _ in range(reps):                       # interleaved, best of reps
    for p, ins in progs.items(): best[p] = min(best[p], run(ins, fr, rounds))
print("program\tinsns\tmean steps\tmax steps\taccepted\tns/packet over ret#0")
for p, ins in progs.items():
    st = [steps(ins, f) for f in fr]
    print(f"{p}\t{len(ins)}\t{sum(s for s, _ in st)/len(st):.0f}\t{max(s for s, _ in st)}\t{sum(1 for _, v in st if v)}\t{best[p]-best['ret#0']:.0f}")
