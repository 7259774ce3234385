package corpus;

/**
 * Every switch shape in the hot loop: a string switch (hash-based lookupswitch plus equals), a
 * dense int switch compiled to tableswitch, a sparse int switch compiled to lookupswitch, a
 * char switch, an enum switch, switch expressions with arrows and with yield, fall-through
 * groups; plus char arithmetic (Caesar/ROT13 ciphers, digit/letter classification, case
 * flipping via char offsets).
 */
public class Switches {
    enum Dir { NORTH, EAST, SOUTH, WEST }

    static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu"};

    static int stringScore(String w) {
        switch (w) {
            case "alpha":
                return 1;
            case "beta":
                return 2;
            case "gamma":
            case "delta":
                return 3;
            case "epsilon":
                return 5;
            case "zeta":
                return 8;
            case "eta":
                return 13;
            case "theta":
                return 21;
            default:
                return w.length();
        }
    }

    static int dense(int x) {
        switch (x) {
            case 0: return 7;
            case 1: return 3;
            case 2: return 11;
            case 3: return 1;
            case 4: return 9;
            case 5: return 4;
            case 6: return 15;
            case 7: return 2;
            case 8: return 6;
            case 9: return 13;
            case 10: return 5;
            case 11: return 8;
            default: return -1;
        }
    }

    static int sparse(int x) {
        switch (x) {
            case -1000: return 1;
            case 7: return 2;
            case 100: return 3;
            case 1024: return 4;
            case 65_536: return 5;
            case 1_000_000: return 6;
            case Integer.MAX_VALUE: return 7;
            default: return 0;
        }
    }

    static int charClass(char c) {
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
                return 1;
            case ' ':
                return 2;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                return 3;
            default:
                return Character.isLetter(c) ? 4 : 5;
        }
    }

    static Dir turn(Dir d, boolean right) {
        return switch (d) {
            case NORTH -> right ? Dir.EAST : Dir.WEST;
            case EAST -> right ? Dir.SOUTH : Dir.NORTH;
            case SOUTH -> right ? Dir.WEST : Dir.EAST;
            case WEST -> {
                Dir next = right ? Dir.NORTH : Dir.SOUTH;
                yield next;
            }
        };
    }

    static char caesar(char c, int shift) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + shift + 26) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + shift + 26) % 26);
        }
        return c;
    }

    static char flip(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) (c - 'a' + 'A');
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return c;
    }

    @SuppressWarnings("fallthrough")
    static int fallThrough(int x) {
        int r = 0;
        switch (x & 3) {
            case 0:
                r += 1;
            case 1:
                r += 10;
            case 2:
                r += 100;
                break;
            default:
                r = -1;
        }
        return r;
    }

    public static void main(String[] args) {
        String text = "The quick brown fox jumps over the lazy dog 0123456789 times";
        char[] buf = text.toCharArray();
        Dir dir = Dir.NORTH;
        int x = 0;
        int y = 0;
        long checksum = 0;
        int[] sparseKeys = {-1000, 7, 100, 1024, 65_536, 1_000_000, Integer.MAX_VALUE, 42};
        for (int round = 0; round < 1_200_000; round++) {
            String w = WORDS[round % WORDS.length];
            int s = stringScore(w);
            int d = dense(round % 13);
            int sp = sparse(sparseKeys[round % sparseKeys.length]);
            int shift = round % 26;
            int classes = 0;
            for (int i = 0; i < buf.length; i++) {
                char c = caesar(text.charAt(i), shift);
                buf[i] = (round & 1) == 0 ? c : flip(c);
                classes += charClass(buf[i]);
            }
            dir = turn(dir, (round % 3) != 0);
            switch (dir) {
                case NORTH -> y++;
                case EAST -> x++;
                case SOUTH -> y--;
                case WEST -> x--;
            }
            int ft = fallThrough(round);
            char digit = (char) ('0' + round % 10);
            int digitValue = digit - '0';
            checksum = checksum * 31 + s + d * 3 + sp * 5 + classes + ft + digitValue + x * 7 + y;
            if (round % 60_000 == 0) {
                System.out.println("round " + round + " word=" + w + " score=" + s + " dense=" + d + " sparse=" + sp
                        + " dir=" + dir + " pos=" + x + "," + y + " text=" + new String(buf, 0, 19));
            }
        }
        System.out.println("rot13 " + rot13("Hello, Roam!"));
        System.out.println("checksum " + checksum);
    }

    static String rot13(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(caesar(c, 13));
        }
        return sb.toString();
    }
}
