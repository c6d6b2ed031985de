package io.jdump.bpf;

import io.jdump.bpf.jit.JitPrograms;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Round-trip properties over random programs: the binary forms decode to the program they encode,
 * and every text form ({@code -d}, {@code -dd}, {@code -ddd}, {@code bpf_asm}) reads back to it.
 * {@code -Djdump.fuzz.scale=N} multiplies the number of programs, {@code -Djdump.fuzz.seed=S} changes them.
 */
class CodecRoundTripTest {
    private static final long SEED = Long.getLong("jdump.fuzz.seed", 0x726f756e64L);
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);

    @Test
    void everyFormReadsBackToTheSameProgram() {
        Random r = new Random(SEED);
        int programs = 3_000 * SCALE, checks = 0;
        for (int i = 0; i < programs; i++) {
            long seed = r.nextLong();
            Random pr = new Random(seed);
            boolean inRange = pr.nextInt(5) != 0;
            Program p = JitPrograms.program(pr, pr.nextInt(5) == 0 ? 400 : 30, inRange);
            String where = "seed " + SEED + ", program #" + i + " (program seed " + seed + ")\n" + p;
            checks += roundTrip(p, where, q -> Codec.decode(Codec.encode(q)));
            checks += roundTrip(p, where, q -> Codec.fromBytes(Codec.toBytes(q, ByteOrder.LITTLE_ENDIAN), ByteOrder.LITTLE_ENDIAN));
            checks += roundTrip(p, where, q -> Codec.fromBytes(Codec.toBytes(q, ByteOrder.BIG_ENDIAN), ByteOrder.BIG_ENDIAN));
            checks += roundTrip(p, where, q -> Assembler.parse(Listing.image(q)));
            checks += roundTrip(p, where, q -> Assembler.parse(Listing.cArray(q)));
            checks += roundTrip(p, where, q -> Assembler.parse(Listing.decimal(q)));
            if (inRange) {
                checks += roundTrip(p, where, q -> Assembler.parse(Listing.asm(q)));
            } else if (leavesProgram(p)) {
                assertThrows(IllegalArgumentException.class, () -> Listing.asm(p), where);
            }
        }
        System.out.printf("round trips: %d programs, %d checks, 0 failures (seed %d, scale %d)%n", programs, checks, SEED, SCALE);
    }

    private static int roundTrip(Program p, String where, Function<Program, Program> there) {
        assertEquals(p, there.apply(p), where);
        return 1;
    }

    private static boolean leavesProgram(Program p) {
        for (int pc = 0; pc < p.size(); pc++) {
            long last = switch (p.get(pc)) {
                case Insn.Ja(var off) -> pc + 1L + off;
                case Insn.JmpK(var op, var k, var jt, var jf) -> pc + 1L + Math.max(jt, jf);
                case Insn.JmpX(var op, var jt, var jf) -> pc + 1L + Math.max(jt, jf);
                default -> 0;
            };
            if (last >= p.size()) return true;
        }
        return false;
    }
}
