package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NarrowMaskedLoads} on whole expressions: programs with whole-byte masks (/8 and /16
 * networks, IPv4 and ARP) run optimized and unoptimized on frames whose addresses match, match
 * in the narrowed bytes only, or do not, each cut at every length (the captures that end inside
 * a narrowed word are the ones the fault rule is about).
 */
class NarrowMaskedLoadsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not net 10.168.0.0/16", "net 10.168.0.0/16", "src net 10.0.0.0/8 or dst net 10.168.0.0/16", "not src net 10.0.0.0/8",
            "net 10.168.0.0/16 and tcp", "not (net 10.168.0.0/16 or port 80)", "arp and not net 10.168.0.0/16", "ip[2:2] & 0xff00 = 0x100 or ip[1] = 2",
            "net 10.0.0.0/8 && src or dst net 10.0 or ip src host 10.255.255.255 || ip proto 58", "ip net 1.0.0.0/8 and dst host 10.255.255.255 || !(ip net 127.0.0.0/8)"})
    void narrowedProgramsKeepEveryVerdict(String expr) {
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
        Program unopt = FilterCompiler.compile(expr, o.withOptimize(false));
        Program opt = FilterCompiler.compile(expr, o);
        int[] verdicts = CutVerdicts.assertEqual(expr, unopt, opt, frames());
        assertTrue(verdicts[0] > 0 && verdicts[1] > 0, "one verdict only");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not net 10.168.0.0/16", "src net 10.0.0.0/8 and dst net 10.168.0.0/16"})
    void narrows(String expr) {
        Program opt = FilterCompiler.compile(expr, CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of())));
        assertTrue(opt.insns().stream().anyMatch(i -> i instanceof Insn.LoadAbs(var s, var k) && k == 26 && s != io.jdump.bpf.Size.W), "no narrowed load in\n" + opt);
    }

    private static List<byte[]> frames() {
        List<byte[]> out = new ArrayList<>();
        int[] addrs = {0x0aa80102, 0x0aa8ffff, 0x0a010203, 0x0ba80102, 0xc0a80001, 0x0a00ffff, 0x0affffff, 0x01020304, 0x7f000001};
        for (int src : addrs) {
            for (int dst : addrs) {
                out.add(ipv4(src, dst, 6, 80));
                out.add(ipv4(src, dst, 17, 53));
                out.add(arp(src, dst));
            }
        }
        return out;
    }

    private static byte[] ipv4(int src, int dst, int proto, int port) {
        byte[] f = new byte[14 + 20 + 8];
        put(f, 12, 0x800, 2);
        f[14] = 0x45;
        f[15] = 2;
        put(f, 16, 0x100, 2);
        f[23] = (byte) proto;
        put(f, 26, src, 4);
        put(f, 30, dst, 4);
        put(f, 34, port, 2);
        put(f, 36, 1000, 2);
        return f;
    }

    private static byte[] arp(int sender, int target) {
        byte[] f = new byte[14 + 28];
        put(f, 12, 0x806, 2);
        put(f, 28, sender, 4);
        put(f, 38, target, 4);
        return f;
    }

    private static void put(byte[] f, int at, int v, int n) {
        for (int i = 0; i < n; i++) f[at + i] = (byte) (v >>> (8 * (n - 1 - i)));
    }
}
