; Every classic BPF instruction form, in bpf_asm syntax (kernel Documentation/networking/filter.rst).
; all_instructions.listing is its tcpdump -d listing, all_instructions.raw its tcpdump -ddd form;
; ListingTest checks that the three agree and that each reads back to the same program.
; Written for jdump (our own file, in the spirit of golang.org/x/net/bpf's interop golden).

        ld #0x2a                ; ld #k
        ldx #0x2a               ; ldx #k
        ldi #1
        ldxi #1
        st M[0]
        stx M[15]
        ld M[0]
        ldx M[15]
        ld #len                 ; ld #pktlen
        ldx #len
        ld [0]                  ; absolute loads
        ldh [12]
        ldb [23]
        ld [x + 4]              ; indexed loads
        ldh [x + 14]
        ldb [x + 0xffffffff]
        ldxb 4*([14]&0xf)       ; the IPv4 header length idiom
        ld #proto               ; Linux ancillary loads (SKF_AD_*)
        ldh #type
        ld #ifidx
        ld #nla
        ld #nlan
        ld #mark
        ld #queue
        ld #hatype
        ld #rxhash
        ld #cpu
        ldh #vlan_tci
        ldb #vlan_avail
        ld #poff
        ld #rand
        ldh #vlan_tpid
        ldb [0xfff00000]        ; SKF_NET_OFF + 0
        ldb [0xffe00000]        ; SKF_LL_OFF + 0
        add #1                  ; arithmetic with a constant
        sub #1
        mul #3
        div #2
        mod #7
        and #0xff
        or #0x100
        xor #0xffffffff
        lsh #31
        rsh #32
        add x                   ; arithmetic with X
        sub x
        mul x
        div x
        mod x
        and x
        or x
        xor x
        lsh x
        rsh x
        neg
        tax
        txa
        jeq #0x800, l1, l2      ; conditional jumps on a constant
l1:     jgt #0x7fffffff, l2, l3
l2:     jge #0x80000000, l3
l3:     jset #0x1fff, l4, l4
l4:     jeq x, l5, l6           ; conditional jumps on X
l5:     jgt x, l6, l7
l6:     jge x, l7
l7:     jset x, l8
l8:     jne #6, l9              ; bpf_asm sugar, lowered to real opcodes
l9:     jlt #0x10, l10, l11
l10:    jle x, l11
l11:    jmp l12                 ; ja
l12:    ja last
        ret #0
last:   ret a
