package io.jdump.bpf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The assembler's text forms, as tables: source to {@code -d} listing, source to bpf_asm's own output, and errors. */
class AssemblerTest {

    /** A source in any form and the {@code -d} listing of the program it denotes. */
    record Accept(String name, String source, String listing) {
        @Override public String toString() { return name; }
    }

    static List<Accept> accepts() {
        return List.of(
            new Accept("ddd", "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n", IP),
            new Accept("ddd with blank lines and CRLF", "\r\n4\r\n40 0 0 12\r\n\r\n21 0 1 2048\r\n6 0 0 262144\r\n6 0 0 0", IP),
            new Accept("bpf_asm one-line output", "4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0,", IP),
            new Accept("dd", "{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n{ 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n", IP),
            new Accept("dd in a C declaration", """
                    #include <linux/filter.h>
                    /* tcpdump -dd ip */
                    static struct sock_filter code[] = {
                    \t{ 0x28, 0, 0, 0x0000000c },  // ldh [12]

                    \t{ 0x15, 0, 1, 0x00000800 },
                    \t{ 0x6, 0, 0, 0x00040000 }, { 0x6, 0, 0, 0x00000000 },
                    };
                    struct sock_fprog prog = { .len = 4, .filter = code };
                    """, IP),
            new Accept("d listing", IP, IP),
            new Accept("d listing with the suite's opcode comments",
                    "(000) ldh      [12]                               ; 0x0028\n(001) jeq      #0x800           jt 2\tjf 3       ; 0x0015\n"
                    + "(002) ret      #262144                            ; 0x0006\n(003) ret      #0                                 ; 0x0006\n", IP),
            new Accept("bpf_asm labels and jne sugar", "ldh [12]\njne #0x800, drop\nret #262144\ndrop: ret #0", IP),
            new Accept("bpf_asm three-target jeq", "  ldh [12]\n  jeq #0x800, keep, drop\nkeep: ret #262144\ndrop: ret #0\n", IP),
            new Accept("bpf_asm labels on their own lines", "ldh [12]\njeq #2048, keep\njmp drop\nkeep:\n  ret #262144\ndrop:\n  ret #0",
                    "(000) ldh      [12]\n(001) jeq      #0x800           jt 3\tjf 2\n(002) ja       4\n(003) ret      #262144\n(004) ret      #0\n"),
            new Accept("bpf_asm with a C initialiser in a comment", "/* { 0x6, 0, 0, 0 } */\nldh [12]\njne #0x800, drop\nret #262144\ndrop: ret #0", IP),
            new Accept("bpf_asm comments", "# a comment line\nldh [12] ; the type\n/* a\n   block */ jne #0x800, drop\nret #262144 /* keep */\ndrop: ret #0", IP),
            new Accept("jlt and jle lower to jge and jgt", "ld #1\njlt #5, a, b\njle x, a\na: ret #1\nb: ret #0",
                    "(000) ld       #0x1\n(001) jge      #0x5             jt 4\tjf 3\n(002) jgt      x                jt 3\tjf 3\n(003) ret      #1\n(004) ret      #0\n"),
            new Accept("jneq with two targets", "jneq %x, a, b\na: ret #1\nb: ret #0",
                    "(000) jeq      x                jt 2\tjf 1\n(001) ret      #1\n(002) ret      #0\n"),
            new Accept("loads, all spellings", """
                    ld [x + 2]
                    ldh [%x+2]
                    ldb [x+0x10]
                    ldxb 4 * ([14] & 0xf)
                    ldx 4*([14]&0xf)
                    ld #len
                    ld len
                    ldx #len
                    ldi #5
                    ldxi #0b101
                    ldx #010
                    ld M[3]
                    ldx M[0xf]
                    st M[1]
                    stx M[2]
                    ret a
                    """, """
                    (000) ld       [x + 2]
                    (001) ldh      [x + 2]
                    (002) ldb      [x + 16]
                    (003) ldxb     4*([14]&0xf)
                    (004) ldxb     4*([14]&0xf)
                    (005) ld       #pktlen
                    (006) ld       #pktlen
                    (007) ldx      #pktlen
                    (008) ld       #0x5
                    (009) ldx      #0x5
                    (010) ldx      #0x8
                    (011) ld       M[3]
                    (012) ldx      M[15]
                    (013) st       M[1]
                    (014) stx      M[2]
                    (015) ret
                    """),
            new Accept("ancillary loads, bpf_asm and listing names", """
                    ld #proto
                    ld proto
                    ld [#ifidx]
                    ldh [type]
                    ldb vlan_avail
                    ldb [vlanp]
                    ld rand
                    ld #random
                    ld vlan_tpid
                    ret %a
                    """, """
                    (000) ld       [proto]
                    (001) ld       [proto]
                    (002) ld       [ifidx]
                    (003) ldh      [type]
                    (004) ldb      [vlanp]
                    (005) ldb      [vlanp]
                    (006) ld       [random]
                    (007) ld       [random]
                    (008) ld       [vlan_tpid]
                    (009) ret
                    """),
            new Accept("alu, constants and sugar-free forms", """
                    add #-1
                    sub x
                    MUL %X
                    div #0x10
                    mod #3
                    and #0xff
                    or x
                    xor #0x80000000
                    lsh #4
                    rsh x
                    neg
                    tax
                    txa
                    ret #-1
                    """, """
                    (000) add      #-1
                    (001) sub      x
                    (002) mul      x
                    (003) div      #16
                    (004) mod      #3
                    (005) and      #0xff
                    (006) or       x
                    (007) xor      #0x80000000
                    (008) lsh      #4
                    (009) rsh      x
                    (010) neg
                    (011) tax
                    (012) txa
                    (013) ret      #-1
                    """));
    }

    private static final String IP = """
            (000) ldh      [12]
            (001) jeq      #0x800           jt 2	jf 3
            (002) ret      #262144
            (003) ret      #0
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepts")
    void readsTo(Accept c) {
        assertEquals(c.listing(), Listing.image(Assembler.parse(c.source())));
    }

    /** bpf_asm examples of the kernel's filter.rst with the output bpf_asm gives for them (as quoted by the bpfasm crate's tests). */
    static List<String[]> bpfAsmExamples() {
        return List.of(
            new String[] {"ARP", "ldh [12]\njne #0x806, drop\nret #-1\ndrop: ret #0\n",
                "4,40 0 0 12,21 0 1 2054,6 0 0 4294967295,6 0 0 0"},
            new String[] {"IPv4 TCP", "ldh [12]\njne #0x800, drop\nldb [23]\njneq #6, drop\nret #-1\ndrop: ret #0\n",
                "6,40 0 0 12,21 0 3 2048,48 0 0 23,21 0 1 6,6 0 0 4294967295,6 0 0 0"},
            new String[] {"TCP port 22", """
                    start:
                    ldh [12]
                    jne #0x800, drop
                    ldb [23]
                    jneq #6, drop
                    ldh [20]
                    jset #0x1fff, drop
                    ldxb 4 * ([14] & 0xf)
                    ldh [x + 14]
                    jeq #0x16, pass
                    ldh [x + 16]
                    jne #0x16, drop
                    pass: ret #-1
                    drop: ret #0
                    """,
                "13,40 0 0 12,21 0 10 2048,48 0 0 23,21 0 8 6,40 0 0 20,69 6 0 8191,177 0 0 14,72 0 0 14,21 2 0 22,72 0 0 16,21 0 1 22,"
                + "6 0 0 4294967295,6 0 0 0"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpfAsmExamples")
    void bpfAsmExamplesAssembleAsBpfAsmDoes(String name, String source, String bpfAsmOutput) {
        Program p = Assembler.parse(source);
        assertEquals(bpfAsmOutput, Listing.decimal(p).strip().replace('\n', ','));
        assertEquals(p, Assembler.parse(bpfAsmOutput));
    }

    /** A text that must be refused: the 1-based line (0: whole text) and the reason. */
    record Reject(String source, int line, String reason) {
        @Override public String toString() { return reason; }
    }

    static List<Reject> rejects() {
        return List.of(
            new Reject("", 0, "no instructions"),
            new Reject("; only a comment\n", 0, "no instructions"),
            new Reject("ldz [12]", 1, "unknown instruction 'ldz'"),
            new Reject("ld [12]\njeq #1, nowhere\nret #0", 2, "undefined label 'nowhere'"),
            new Reject("a: ret #0\na: ret #1", 2, "label 'a' defined twice"),
            new Reject("l: ld #0\nja l", 2, "jump to 0 goes backwards"),
            new Reject("jeq #1, far\n" + "ld #0\n".repeat(256) + "far: ret #0", 1, "jump to 257 skips 256 instructions; the limit is 255"),
            new Reject("st M[16]", 1, "scratch slot out of range 0..15: 16"),
            new Reject("ld #0x100000000", 1, "number does not fit in 32 bits: 0x100000000"),
            new Reject("ld #-0x80000001", 1, "number does not fit in 32 bits: -0x80000001"),
            new Reject("ld #12a", 1, "not a number: '12a'"),
            new Reject("ldh #5", 1, "bad operand for ldh: '#5'"),
            new Reject("ldb len", 1, "only ld loads the packet length"),
            new Reject("ret x", 1, "ret x has no classic BPF encoding the kernel accepts"),
            new Reject("ldxb #4", 1, "ldxb takes only 4*([k]&0xf)"),
            new Reject("ldx 2*([14]&0xf)", 1, "only 4*([k]&0xf) is an instruction"),
            new Reject("neg #1", 1, "unexpected operand '#1'"),
            new Reject("add 5", 1, "expected '#k', found '5'"),
            new Reject("jeq #1", 1, "expected 'jeq operand, Ltrue[, Lfalse]'"),
            new Reject("jeq #1, 5", 1, "expected a label, found '5'"),
            new Reject("(000) ld       #0x1\n(002) ret      #0", 2, "expected instruction (001)"),
            new Reject("(000) jeq      #0x1", 1, "expected 'jt N jf M'"),
            new Reject("(000) ld       #0x1\nret #0", 2, "expected a listing line '(NNN) op operand'"),
            new Reject("(000) ja       L1", 1, "expected an instruction number, found 'L1'"),
            new Reject("(000) jeq      #0x1             jt 300\tjf 1", 1, "jump to 300 skips 299 instructions; the limit is 255"),
            new Reject("2\n6 0 0 0", 1, "count says 2 instructions but 1 follow"),
            new Reject("1\n6 0 0", 2, "expected 'code jt jf k'"),
            new Reject("1\n6 0 0 4294967296", 2, "number out of range 0..4294967295: 4294967296"),
            new Reject("1\n6 256 0 0", 2, "number out of range 0..255: 256"),
            new Reject("2\n6 0 0 0\n65535 0 0 0", 3, "unknown opcode"),
            new Reject("{ 0x6, 0, 0, 0 },\n{ 0xffff, 0, 0, 0 },", 2, "unknown opcode"),
            new Reject("{ 0x6, 0, 0, 0 },\n{ 0x6, 0, 0, 0x1g },", 2, "not a number: '0x1g'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejects")
    void refuses(Reject c) {
        AssemblyException e = assertThrows(AssemblyException.class, () -> Assembler.parse(c.source()));
        assertEquals(c.reason(), e.reason(), e.getMessage());
        assertEquals(c.line(), e.line(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejects")
    void messagesNameTheLine(Reject c) {
        AssemblyException e = assertThrows(AssemblyException.class, () -> Assembler.parse(c.source()));
        String expectedStart = c.line() == 0 ? c.reason() : "line " + c.line() + ": ";
        assertEquals(true, e.getMessage().startsWith(expectedStart) && e.getMessage().endsWith(c.reason()), e.getMessage());
    }
}
