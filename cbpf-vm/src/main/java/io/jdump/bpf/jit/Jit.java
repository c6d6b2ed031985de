package io.jdump.bpf.jit;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Insn.*;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

/**
 * Compiles a classic BPF {@link Program} to a {@link PacketFilter} whose {@code apply} is JVM
 * bytecode, defined as a hidden class (collectable once unreachable). The result has exactly the
 * {@link io.jdump.bpf.Interpreter}'s semantics for every program the interpreter accepts, including
 * programs that jump past their end (verdict 0); it allocates nothing per packet unless the program
 * had to be split into chunks (one 18-word state array per call).
 */
public final class Jit {
    /** Name of the generated static method that calls the chunk holding a pc. */
    static final String DISPATCH = "dispatch";
    /** Instructions per chunk for the first split attempt; halved while a chunk is still too large. */
    static final int FIRST_CHUNK = 1024;

    private static final ClassDesc CD_FILTER = ClassDesc.of("io.jdump.bpf.PacketFilter");
    private static final ClassDesc CD_THIS = ClassDesc.of("io.jdump.bpf.jit.CompiledFilter");
    private static final MethodTypeDesc MTD_APPLY =
            MethodTypeDesc.of(CD_int, Emitter.CD_BYTES, CD_int, CD_int, CD_int, Emitter.CD_AUX);
    private static final ClassFile CLASSFILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(Jit.class.getClassLoader()))));

    private Jit() {}

    /** Compiles {@code program}; programs of any length compile (large ones are split into several methods). */
    public static PacketFilter compile(Program program) {
        return define(bytecode(program));
    }

    /** Compiles {@code program} split into chunks of {@code chunkSize} instructions (0: one method); for tests of the split path. */
    static PacketFilter compile(Program program, int chunkSize) {
        return define(bytecode(program, chunkSize));
    }

    /** The class file for {@code program}: one method if it fits in 64 KiB of code, else chunks of halving size. */
    static byte[] bytecode(Program program) {
        try {
            return bytecode(program, 0);
        } catch (IllegalArgumentException e) {
            if (!tooLarge(e)) throw e;
            for (int chunk = FIRST_CHUNK; ; chunk /= 2) {
                try {
                    return bytecode(program, chunk);
                } catch (IllegalArgumentException again) {
                    if (chunk == 1 || !tooLarge(again)) throw again;
                }
            }
        }
    }

    /** Whether the class-file builder refused a method for exceeding the JVM's 65535-byte code limit. */
    private static boolean tooLarge(IllegalArgumentException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Code length");
    }

    /** The class file with chunks of {@code chunkSize} instructions, or one method when chunkSize is 0. */
    static byte[] bytecode(Program program, int chunkSize) {
        boolean[] memUsed = memUsed(program);
        return CLASSFILE.build(CD_THIS, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(CD_FILTER);
            cb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC,
                    code -> code.aload(0).invokespecial(CD_Object, INIT_NAME, MethodTypeDesc.of(CD_void)).return_());
            if (chunkSize == 0) {
                cb.withMethodBody("apply", MTD_APPLY, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                        code -> new Emitter(code, program, 0, program.size(), false, memUsed, CD_THIS).emit(List.of()));
            } else {
                chunks(cb, program, chunkSize, memUsed);
            }
        });
    }

    /** {@code apply} enters chunk 0; each chunk method is {@code c<i>}; {@code dispatch} picks the chunk of a pc. */
    private static void chunks(ClassBuilder cb, Program program, int chunkSize, boolean[] memUsed) {
        int n = program.size();
        int count = (n + chunkSize - 1) / chunkSize;
        cb.withMethodBody("apply", MTD_APPLY, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> code
                .aload(1).iload(2).iload(3).iload(4).aload(5)
                .loadConstant(2 + Insn.MEMWORDS).newarray(java.lang.classfile.TypeKind.INT).iconst_0()
                .invokestatic(CD_THIS, "c0", Emitter.MTD_CHUNK).ireturn());
        List<TreeSet<Integer>> entries = entries(program, chunkSize, count);
        for (int c = 0; c < count; c++) {
            int start = c * chunkSize, end = Math.min(n, start + chunkSize);
            List<Integer> at = new ArrayList<>(entries.get(c));
            cb.withMethodBody("c" + c, Emitter.MTD_CHUNK, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE,
                    code -> new Emitter(code, program, start, end, true, memUsed, CD_THIS).emit(at));
        }
        cb.withMethodBody(DISPATCH, Emitter.MTD_CHUNK, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, code -> {
            List<SwitchCase> cases = new ArrayList<>();
            List<java.lang.classfile.Label> calls = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                calls.add(code.newLabel());
                cases.add(SwitchCase.of(c, calls.get(c)));
            }
            java.lang.classfile.Label none = code.newLabel();
            code.iload(6).loadConstant(chunkSize).idiv().tableswitch(0, count - 1, none, cases);
            for (int c = 0; c < count; c++) {
                code.labelBinding(calls.get(c));
                code.aload(0).iload(1).iload(2).iload(3).aload(4).aload(5).iload(6)
                    .invokestatic(CD_THIS, "c" + c, Emitter.MTD_CHUNK).ireturn();
            }
            code.labelBinding(none);
            code.iconst_0().ireturn();
        });
    }

    /** For each chunk, the pcs it can be entered at: its first instruction and targets of jumps from earlier chunks. */
    private static List<TreeSet<Integer>> entries(Program program, int chunkSize, int count) {
        List<TreeSet<Integer>> entries = new ArrayList<>();
        for (int c = 0; c < count; c++) entries.add(new TreeSet<>(List.of(c * chunkSize)));
        for (int pc = 0; pc < program.size(); pc++) {
            for (long t : targets(pc, program.get(pc))) {
                if (t < program.size() && t / chunkSize != pc / chunkSize) entries.get((int) (t / chunkSize)).add((int) t);
            }
        }
        return entries;
    }

    private static long[] targets(int pc, Insn insn) {
        return switch (insn) {
            case Ja(var offset) -> new long[] {pc + 1L + offset};
            case JmpK(var op, var k, var jt, var jf) -> new long[] {pc + 1L + jt, pc + 1L + jf};
            case JmpX(var op, var jt, var jf) -> new long[] {pc + 1L + jt, pc + 1L + jf};
            default -> new long[] {pc + 1L};
        };
    }

    private static boolean[] memUsed(Program program) {
        boolean[] used = new boolean[Insn.MEMWORDS];
        for (Insn insn : program.insns()) {
            switch (insn) {
                case LoadMem(var dst, var slot) -> used[slot] = true;
                case Store(var src, var slot) -> used[slot] = true;
                default -> { }
            }
        }
        return used;
    }

    private static PacketFilter define(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (PacketFilter) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define the compiled filter", t);
        }
    }
}
