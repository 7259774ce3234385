package corpus;

/**
 * A large method: SHA-256 with its compression function fully unrolled by hand into one method of
 * well over 200 lines (64 named message-schedule locals and 64 rounds with rotating variable
 * roles), called in the hot loop to hash a chain of blocks, and cross-checked every so often
 * against a compact loop-based implementation of the same function. The standard test vector
 * SHA-256("abc") is printed first. The unrolled method is about 9 KB of bytecode, above HotSpot's
 * 8000-byte JIT limit, so under plain java it stays interpreted, like big generated code often does.
 */
public class LargeMethod {
    static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };
    static final int[] IV = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    static long unrolledCalls;

    /** One SHA-256 compression, unrolled. */
    static void compressUnrolled(int[] state, int[] block) {
        // message schedule, unrolled
        int w0 = block[0];
        int w1 = block[1];
        int w2 = block[2];
        int w3 = block[3];
        int w4 = block[4];
        int w5 = block[5];
        int w6 = block[6];
        int w7 = block[7];
        int w8 = block[8];
        int w9 = block[9];
        int w10 = block[10];
        int w11 = block[11];
        int w12 = block[12];
        int w13 = block[13];
        int w14 = block[14];
        int w15 = block[15];
        int w16 = (Integer.rotateRight(w14, 17) ^ Integer.rotateRight(w14, 19) ^ (w14 >>> 10)) + w9
                + (Integer.rotateRight(w1, 7) ^ Integer.rotateRight(w1, 18) ^ (w1 >>> 3)) + w0;
        int w17 = (Integer.rotateRight(w15, 17) ^ Integer.rotateRight(w15, 19) ^ (w15 >>> 10)) + w10
                + (Integer.rotateRight(w2, 7) ^ Integer.rotateRight(w2, 18) ^ (w2 >>> 3)) + w1;
        int w18 = (Integer.rotateRight(w16, 17) ^ Integer.rotateRight(w16, 19) ^ (w16 >>> 10)) + w11
                + (Integer.rotateRight(w3, 7) ^ Integer.rotateRight(w3, 18) ^ (w3 >>> 3)) + w2;
        int w19 = (Integer.rotateRight(w17, 17) ^ Integer.rotateRight(w17, 19) ^ (w17 >>> 10)) + w12
                + (Integer.rotateRight(w4, 7) ^ Integer.rotateRight(w4, 18) ^ (w4 >>> 3)) + w3;
        int w20 = (Integer.rotateRight(w18, 17) ^ Integer.rotateRight(w18, 19) ^ (w18 >>> 10)) + w13
                + (Integer.rotateRight(w5, 7) ^ Integer.rotateRight(w5, 18) ^ (w5 >>> 3)) + w4;
        int w21 = (Integer.rotateRight(w19, 17) ^ Integer.rotateRight(w19, 19) ^ (w19 >>> 10)) + w14
                + (Integer.rotateRight(w6, 7) ^ Integer.rotateRight(w6, 18) ^ (w6 >>> 3)) + w5;
        int w22 = (Integer.rotateRight(w20, 17) ^ Integer.rotateRight(w20, 19) ^ (w20 >>> 10)) + w15
                + (Integer.rotateRight(w7, 7) ^ Integer.rotateRight(w7, 18) ^ (w7 >>> 3)) + w6;
        int w23 = (Integer.rotateRight(w21, 17) ^ Integer.rotateRight(w21, 19) ^ (w21 >>> 10)) + w16
                + (Integer.rotateRight(w8, 7) ^ Integer.rotateRight(w8, 18) ^ (w8 >>> 3)) + w7;
        int w24 = (Integer.rotateRight(w22, 17) ^ Integer.rotateRight(w22, 19) ^ (w22 >>> 10)) + w17
                + (Integer.rotateRight(w9, 7) ^ Integer.rotateRight(w9, 18) ^ (w9 >>> 3)) + w8;
        int w25 = (Integer.rotateRight(w23, 17) ^ Integer.rotateRight(w23, 19) ^ (w23 >>> 10)) + w18
                + (Integer.rotateRight(w10, 7) ^ Integer.rotateRight(w10, 18) ^ (w10 >>> 3)) + w9;
        int w26 = (Integer.rotateRight(w24, 17) ^ Integer.rotateRight(w24, 19) ^ (w24 >>> 10)) + w19
                + (Integer.rotateRight(w11, 7) ^ Integer.rotateRight(w11, 18) ^ (w11 >>> 3)) + w10;
        int w27 = (Integer.rotateRight(w25, 17) ^ Integer.rotateRight(w25, 19) ^ (w25 >>> 10)) + w20
                + (Integer.rotateRight(w12, 7) ^ Integer.rotateRight(w12, 18) ^ (w12 >>> 3)) + w11;
        int w28 = (Integer.rotateRight(w26, 17) ^ Integer.rotateRight(w26, 19) ^ (w26 >>> 10)) + w21
                + (Integer.rotateRight(w13, 7) ^ Integer.rotateRight(w13, 18) ^ (w13 >>> 3)) + w12;
        int w29 = (Integer.rotateRight(w27, 17) ^ Integer.rotateRight(w27, 19) ^ (w27 >>> 10)) + w22
                + (Integer.rotateRight(w14, 7) ^ Integer.rotateRight(w14, 18) ^ (w14 >>> 3)) + w13;
        int w30 = (Integer.rotateRight(w28, 17) ^ Integer.rotateRight(w28, 19) ^ (w28 >>> 10)) + w23
                + (Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3)) + w14;
        int w31 = (Integer.rotateRight(w29, 17) ^ Integer.rotateRight(w29, 19) ^ (w29 >>> 10)) + w24
                + (Integer.rotateRight(w16, 7) ^ Integer.rotateRight(w16, 18) ^ (w16 >>> 3)) + w15;
        int w32 = (Integer.rotateRight(w30, 17) ^ Integer.rotateRight(w30, 19) ^ (w30 >>> 10)) + w25
                + (Integer.rotateRight(w17, 7) ^ Integer.rotateRight(w17, 18) ^ (w17 >>> 3)) + w16;
        int w33 = (Integer.rotateRight(w31, 17) ^ Integer.rotateRight(w31, 19) ^ (w31 >>> 10)) + w26
                + (Integer.rotateRight(w18, 7) ^ Integer.rotateRight(w18, 18) ^ (w18 >>> 3)) + w17;
        int w34 = (Integer.rotateRight(w32, 17) ^ Integer.rotateRight(w32, 19) ^ (w32 >>> 10)) + w27
                + (Integer.rotateRight(w19, 7) ^ Integer.rotateRight(w19, 18) ^ (w19 >>> 3)) + w18;
        int w35 = (Integer.rotateRight(w33, 17) ^ Integer.rotateRight(w33, 19) ^ (w33 >>> 10)) + w28
                + (Integer.rotateRight(w20, 7) ^ Integer.rotateRight(w20, 18) ^ (w20 >>> 3)) + w19;
        int w36 = (Integer.rotateRight(w34, 17) ^ Integer.rotateRight(w34, 19) ^ (w34 >>> 10)) + w29
                + (Integer.rotateRight(w21, 7) ^ Integer.rotateRight(w21, 18) ^ (w21 >>> 3)) + w20;
        int w37 = (Integer.rotateRight(w35, 17) ^ Integer.rotateRight(w35, 19) ^ (w35 >>> 10)) + w30
                + (Integer.rotateRight(w22, 7) ^ Integer.rotateRight(w22, 18) ^ (w22 >>> 3)) + w21;
        int w38 = (Integer.rotateRight(w36, 17) ^ Integer.rotateRight(w36, 19) ^ (w36 >>> 10)) + w31
                + (Integer.rotateRight(w23, 7) ^ Integer.rotateRight(w23, 18) ^ (w23 >>> 3)) + w22;
        int w39 = (Integer.rotateRight(w37, 17) ^ Integer.rotateRight(w37, 19) ^ (w37 >>> 10)) + w32
                + (Integer.rotateRight(w24, 7) ^ Integer.rotateRight(w24, 18) ^ (w24 >>> 3)) + w23;
        int w40 = (Integer.rotateRight(w38, 17) ^ Integer.rotateRight(w38, 19) ^ (w38 >>> 10)) + w33
                + (Integer.rotateRight(w25, 7) ^ Integer.rotateRight(w25, 18) ^ (w25 >>> 3)) + w24;
        int w41 = (Integer.rotateRight(w39, 17) ^ Integer.rotateRight(w39, 19) ^ (w39 >>> 10)) + w34
                + (Integer.rotateRight(w26, 7) ^ Integer.rotateRight(w26, 18) ^ (w26 >>> 3)) + w25;
        int w42 = (Integer.rotateRight(w40, 17) ^ Integer.rotateRight(w40, 19) ^ (w40 >>> 10)) + w35
                + (Integer.rotateRight(w27, 7) ^ Integer.rotateRight(w27, 18) ^ (w27 >>> 3)) + w26;
        int w43 = (Integer.rotateRight(w41, 17) ^ Integer.rotateRight(w41, 19) ^ (w41 >>> 10)) + w36
                + (Integer.rotateRight(w28, 7) ^ Integer.rotateRight(w28, 18) ^ (w28 >>> 3)) + w27;
        int w44 = (Integer.rotateRight(w42, 17) ^ Integer.rotateRight(w42, 19) ^ (w42 >>> 10)) + w37
                + (Integer.rotateRight(w29, 7) ^ Integer.rotateRight(w29, 18) ^ (w29 >>> 3)) + w28;
        int w45 = (Integer.rotateRight(w43, 17) ^ Integer.rotateRight(w43, 19) ^ (w43 >>> 10)) + w38
                + (Integer.rotateRight(w30, 7) ^ Integer.rotateRight(w30, 18) ^ (w30 >>> 3)) + w29;
        int w46 = (Integer.rotateRight(w44, 17) ^ Integer.rotateRight(w44, 19) ^ (w44 >>> 10)) + w39
                + (Integer.rotateRight(w31, 7) ^ Integer.rotateRight(w31, 18) ^ (w31 >>> 3)) + w30;
        int w47 = (Integer.rotateRight(w45, 17) ^ Integer.rotateRight(w45, 19) ^ (w45 >>> 10)) + w40
                + (Integer.rotateRight(w32, 7) ^ Integer.rotateRight(w32, 18) ^ (w32 >>> 3)) + w31;
        int w48 = (Integer.rotateRight(w46, 17) ^ Integer.rotateRight(w46, 19) ^ (w46 >>> 10)) + w41
                + (Integer.rotateRight(w33, 7) ^ Integer.rotateRight(w33, 18) ^ (w33 >>> 3)) + w32;
        int w49 = (Integer.rotateRight(w47, 17) ^ Integer.rotateRight(w47, 19) ^ (w47 >>> 10)) + w42
                + (Integer.rotateRight(w34, 7) ^ Integer.rotateRight(w34, 18) ^ (w34 >>> 3)) + w33;
        int w50 = (Integer.rotateRight(w48, 17) ^ Integer.rotateRight(w48, 19) ^ (w48 >>> 10)) + w43
                + (Integer.rotateRight(w35, 7) ^ Integer.rotateRight(w35, 18) ^ (w35 >>> 3)) + w34;
        int w51 = (Integer.rotateRight(w49, 17) ^ Integer.rotateRight(w49, 19) ^ (w49 >>> 10)) + w44
                + (Integer.rotateRight(w36, 7) ^ Integer.rotateRight(w36, 18) ^ (w36 >>> 3)) + w35;
        int w52 = (Integer.rotateRight(w50, 17) ^ Integer.rotateRight(w50, 19) ^ (w50 >>> 10)) + w45
                + (Integer.rotateRight(w37, 7) ^ Integer.rotateRight(w37, 18) ^ (w37 >>> 3)) + w36;
        int w53 = (Integer.rotateRight(w51, 17) ^ Integer.rotateRight(w51, 19) ^ (w51 >>> 10)) + w46
                + (Integer.rotateRight(w38, 7) ^ Integer.rotateRight(w38, 18) ^ (w38 >>> 3)) + w37;
        int w54 = (Integer.rotateRight(w52, 17) ^ Integer.rotateRight(w52, 19) ^ (w52 >>> 10)) + w47
                + (Integer.rotateRight(w39, 7) ^ Integer.rotateRight(w39, 18) ^ (w39 >>> 3)) + w38;
        int w55 = (Integer.rotateRight(w53, 17) ^ Integer.rotateRight(w53, 19) ^ (w53 >>> 10)) + w48
                + (Integer.rotateRight(w40, 7) ^ Integer.rotateRight(w40, 18) ^ (w40 >>> 3)) + w39;
        int w56 = (Integer.rotateRight(w54, 17) ^ Integer.rotateRight(w54, 19) ^ (w54 >>> 10)) + w49
                + (Integer.rotateRight(w41, 7) ^ Integer.rotateRight(w41, 18) ^ (w41 >>> 3)) + w40;
        int w57 = (Integer.rotateRight(w55, 17) ^ Integer.rotateRight(w55, 19) ^ (w55 >>> 10)) + w50
                + (Integer.rotateRight(w42, 7) ^ Integer.rotateRight(w42, 18) ^ (w42 >>> 3)) + w41;
        int w58 = (Integer.rotateRight(w56, 17) ^ Integer.rotateRight(w56, 19) ^ (w56 >>> 10)) + w51
                + (Integer.rotateRight(w43, 7) ^ Integer.rotateRight(w43, 18) ^ (w43 >>> 3)) + w42;
        int w59 = (Integer.rotateRight(w57, 17) ^ Integer.rotateRight(w57, 19) ^ (w57 >>> 10)) + w52
                + (Integer.rotateRight(w44, 7) ^ Integer.rotateRight(w44, 18) ^ (w44 >>> 3)) + w43;
        int w60 = (Integer.rotateRight(w58, 17) ^ Integer.rotateRight(w58, 19) ^ (w58 >>> 10)) + w53
                + (Integer.rotateRight(w45, 7) ^ Integer.rotateRight(w45, 18) ^ (w45 >>> 3)) + w44;
        int w61 = (Integer.rotateRight(w59, 17) ^ Integer.rotateRight(w59, 19) ^ (w59 >>> 10)) + w54
                + (Integer.rotateRight(w46, 7) ^ Integer.rotateRight(w46, 18) ^ (w46 >>> 3)) + w45;
        int w62 = (Integer.rotateRight(w60, 17) ^ Integer.rotateRight(w60, 19) ^ (w60 >>> 10)) + w55
                + (Integer.rotateRight(w47, 7) ^ Integer.rotateRight(w47, 18) ^ (w47 >>> 3)) + w46;
        int w63 = (Integer.rotateRight(w61, 17) ^ Integer.rotateRight(w61, 19) ^ (w61 >>> 10)) + w56
                + (Integer.rotateRight(w48, 7) ^ Integer.rotateRight(w48, 18) ^ (w48 >>> 3)) + w47;
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        int t;
        // round 0
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0x428a2f98 + w0;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 1
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0x71374491 + w1;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 2
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0xb5c0fbcf + w2;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 3
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0xe9b5dba5 + w3;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 4
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x3956c25b + w4;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 5
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0x59f111f1 + w5;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 6
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x923f82a4 + w6;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 7
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0xab1c5ed5 + w7;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 8
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0xd807aa98 + w8;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 9
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0x12835b01 + w9;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 10
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0x243185be + w10;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 11
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0x550c7dc3 + w11;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 12
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x72be5d74 + w12;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 13
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0x80deb1fe + w13;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 14
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x9bdc06a7 + w14;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 15
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0xc19bf174 + w15;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 16
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0xe49b69c1 + w16;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 17
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0xefbe4786 + w17;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 18
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0x0fc19dc6 + w18;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 19
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0x240ca1cc + w19;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 20
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x2de92c6f + w20;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 21
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0x4a7484aa + w21;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 22
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x5cb0a9dc + w22;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 23
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0x76f988da + w23;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 24
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0x983e5152 + w24;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 25
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0xa831c66d + w25;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 26
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0xb00327c8 + w26;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 27
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0xbf597fc7 + w27;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 28
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0xc6e00bf3 + w28;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 29
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0xd5a79147 + w29;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 30
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x06ca6351 + w30;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 31
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0x14292967 + w31;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 32
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0x27b70a85 + w32;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 33
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0x2e1b2138 + w33;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 34
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0x4d2c6dfc + w34;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 35
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0x53380d13 + w35;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 36
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x650a7354 + w36;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 37
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0x766a0abb + w37;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 38
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x81c2c92e + w38;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 39
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0x92722c85 + w39;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 40
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0xa2bfe8a1 + w40;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 41
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0xa81a664b + w41;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 42
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0xc24b8b70 + w42;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 43
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0xc76c51a3 + w43;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 44
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0xd192e819 + w44;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 45
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0xd6990624 + w45;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 46
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0xf40e3585 + w46;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 47
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0x106aa070 + w47;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 48
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0x19a4c116 + w48;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 49
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0x1e376c08 + w49;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 50
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0x2748774c + w50;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 51
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0x34b0bcb5 + w51;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 52
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x391c0cb3 + w52;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 53
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0x4ed8aa4a + w53;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 54
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0x5b9cca4f + w54;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 55
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0x682e6ff3 + w55;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        // round 56
        t = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + 0x748f82ee + w56;
        d += t;
        h = t + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
        // round 57
        t = g + (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                + ((d & e) ^ (~d & f)) + 0x78a5636f + w57;
        c += t;
        g = t + (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                + ((h & a) ^ (h & b) ^ (a & b));
        // round 58
        t = f + (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                + ((c & d) ^ (~c & e)) + 0x84c87814 + w58;
        b += t;
        f = t + (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                + ((g & h) ^ (g & a) ^ (h & a));
        // round 59
        t = e + (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                + ((b & c) ^ (~b & d)) + 0x8cc70208 + w59;
        a += t;
        e = t + (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                + ((f & g) ^ (f & h) ^ (g & h));
        // round 60
        t = d + (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                + ((a & b) ^ (~a & c)) + 0x90befffa + w60;
        h += t;
        d = t + (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                + ((e & f) ^ (e & g) ^ (f & g));
        // round 61
        t = c + (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                + ((h & a) ^ (~h & b)) + 0xa4506ceb + w61;
        g += t;
        c = t + (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                + ((d & e) ^ (d & f) ^ (e & f));
        // round 62
        t = b + (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                + ((g & h) ^ (~g & a)) + 0xbef9a3f7 + w62;
        f += t;
        b = t + (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                + ((c & d) ^ (c & e) ^ (d & e));
        // round 63
        t = a + (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                + ((f & g) ^ (~f & h)) + 0xc67178f2 + w63;
        e += t;
        a = t + (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                + ((b & c) ^ (b & d) ^ (c & d));
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
        unrolledCalls++;
    }

    /** The same compression as a compact loop. */
    static void compressLoop(int[] state, int[] block) {
        int[] w = new int[64];
        System.arraycopy(block, 0, w, 0, 16);
        for (int i = 16; i < 64; i++) {
            int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ (w[i - 15] >>> 3);
            int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int i = 0; i < 64; i++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[i] + w[i];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    static String hex(int[] state) {
        StringBuilder sb = new StringBuilder();
        for (int s : state) {
            sb.append(String.format("%08x", s));
        }
        return sb.toString();
    }

    static int[] sha256(byte[] message) {
        int[] state = IV.clone();
        long bitLength = (long) message.length * 8;
        int padded = ((message.length + 8) / 64 + 1) * 64;
        byte[] data = new byte[padded];
        System.arraycopy(message, 0, data, 0, message.length);
        data[message.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            data[padded - 1 - i] = (byte) (bitLength >>> (8 * i));
        }
        int[] block = new int[16];
        for (int off = 0; off < padded; off += 64) {
            for (int i = 0; i < 16; i++) {
                int p = off + i * 4;
                block[i] = (data[p] & 0xff) << 24 | (data[p + 1] & 0xff) << 16 | (data[p + 2] & 0xff) << 8 | (data[p + 3] & 0xff);
            }
            compressUnrolled(state, block);
        }
        return state;
    }

    public static void main(String[] args) {
        System.out.println("sha256(abc) = " + hex(sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        int[] state = IV.clone();
        int[] check = IV.clone();
        int[] block = new int[16];
        int mismatches = 0;
        int total = 45_000;
        for (int n = 0; n < total; n++) {
            for (int i = 0; i < 8; i++) {
                block[i] = state[i] ^ n;
                block[i + 8] = state[7 - i] + i * n;
            }
            compressUnrolled(state, block);
            if (n % 100 == 0) {
                int[] copy = check;
                System.arraycopy(state, 0, copy, 0, 8);
            }
            if (n % 2250 == 0) {
                int[] a = IV.clone();
                int[] b = IV.clone();
                compressUnrolled(a, block);
                compressLoop(b, block);
                if (!java.util.Arrays.equals(a, b)) {
                    mismatches++;
                }
                System.out.println("block " + n + " state=" + hex(state) + " mismatches=" + mismatches);
            }
        }
        System.out.println("unrolled calls " + unrolledCalls);
        System.out.println("checksum " + hex(state));
    }
}
