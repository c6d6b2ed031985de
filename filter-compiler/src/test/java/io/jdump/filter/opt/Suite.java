package io.jdump.filter.opt;

import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test access to the shared libpcap filter suite and corpus for the optimizer's tests: the suite's
 * optimized accept cases, packets from the corpus plus seeded mutants, and the compiler helper's
 * package-private test utilities (JSON, listing parser, resolver fixtures), reached reflectively
 * so the two branches share one copy of them.
 */
final class Suite {
    private Suite() {}

    /** One accept case of the suite. */
    record Case(String expr, LinkType dlt, CompileOptions options, String expectedListing, boolean optimize) {}

    /** A captured packet: the bytes kept and the length on the wire. */
    record Pkt(byte[] data, int wirelen) {}

    static final Map<String, String> CORPUS = Map.of("EN10MB", "en10mb", "RAW", "raw", "LINUX_SLL", "sll",
            "LINUX_SLL2", "sll2", "NULL", "null", "IPV4", "raw", "IPV6", "raw", "LOOP", "null");

    private static Object call(String cls, String method, Class<?> arg, Object value) {
        try {
            Method m = Class.forName("io.jdump.filter." + cls).getDeclaredMethod(method, arg == null ? new Class<?>[0] : new Class<?>[] {arg});
            m.setAccessible(true);
            return arg == null ? m.invoke(null) : m.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Resolver resolver() {
        return (Resolver) call("Fixtures", "resolver", null, null);
    }

    /** libpcap's listing as a program, or null when it uses loads the parser does not model. */
    static Program listing(String text) {
        return (Program) call("ListingParser", "parse", String.class, text);
    }

    /** The suite's accept cases (Linux set, link types with a corpus, no Linux extensions). */
    static List<Case> acceptCases() throws IOException {
        return acceptCases(false);
    }

    /** The same, of every link type when {@code anyDlt} (for size figures, which need no packets). */
    @SuppressWarnings("unchecked")
    static List<Case> acceptCases(boolean anyDlt) throws IOException {
        Path suite = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        Requirements.require(Files.exists(suite), "libpcap filter suite in shared data");
        Resolver r = resolver();
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(suite)) {
            Map<String, Object> c = (Map<String, Object>) call("Json", "parse", String.class, line);
            String dlt = (String) c.get("dlt");
            if (!"filter_accept".equals(c.get("kind")) || dlt == null || !(anyDlt || CORPUS.containsKey(dlt))) continue;
            if (c.get("skip_reason_linux") != null || Boolean.TRUE.equals(c.get("linuxext"))) continue;
            if (c.get("generate_offline_filter") != null || c.get("expected_listing") == null) continue;
            if ("_enumerate_bpf_image".equals(c.get("expr"))) continue;
            boolean opt = Boolean.TRUE.equals(c.get("optimize"));
            if (anyDlt && !isLinkType(dlt)) continue;
            CompileOptions o = CompileOptions.of(LinkType.valueOf(dlt)).withResolver(r).withOptimize(opt);
            if (c.get("snaplen") != null) o = o.withSnaplen(((Long) c.get("snaplen")).intValue());
            if (c.get("netmask") != null) {
                int m = 0;
                for (String x : ((String) c.get("netmask")).split("\\.")) m = m << 8 | Integer.parseInt(x);
                o = o.withNetmask(m);
            }
            out.add(new Case((String) c.get("expr"), LinkType.valueOf(dlt), o, (String) c.get("expected_listing"), opt));
        }
        return out;
    }

    private static boolean isLinkType(String name) {
        try {
            LinkType.valueOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The corpus packets of {@code dlt} plus {@code mutants} seeded mutants (bit flips, truncations). */
    static List<Pkt> packets(LinkType dlt, int mutants, long seed) throws IOException {
        List<Pkt> base = read(Requirements.sharedFile("corpus/" + CORPUS.get(dlt.name()) + ".pcap"));
        List<Pkt> all = new ArrayList<>(base);
        Random r = new Random(seed);
        for (int i = 0; i < mutants && !base.isEmpty(); i++) {
            Pkt p = base.get(r.nextInt(base.size()));
            byte[] d = p.data().clone();
            for (int f = 1 + r.nextInt(4); f > 0 && d.length > 0; f--) {
                int at = r.nextInt(Math.min(d.length, 80));
                d[at] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) (d[at] ^ (1 << r.nextInt(8)));
            }
            if (r.nextInt(4) == 0 && d.length > 0) d = java.util.Arrays.copyOf(d, r.nextInt(d.length));
            all.add(new Pkt(d, Math.max(d.length, p.wirelen())));
        }
        return all;
    }

    static List<Pkt> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        b.position(24);
        List<Pkt> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.position(b.position() + 8);
            int incl = b.getInt();
            int orig = b.getInt();
            if (incl < 0 || incl > b.remaining()) break;
            byte[] d = new byte[incl];
            b.get(d);
            out.add(new Pkt(d, orig));
        }
        return out;
    }
}
