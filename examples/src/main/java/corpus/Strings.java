package corpus;

/**
 * String-heavy work: StringBuilder append/insert/reverse/deleteCharAt/setCharAt/replace in
 * loops, invokedynamic string concatenation mixing int, long, double, char, boolean and object
 * operands, text blocks (with formatted() and line processing), String.format and formatted
 * with fixed formats, char[] manipulation and new String(char[]), split/join/repeat/strip,
 * indexOf/lastIndexOf, regionMatches, compareTo, and a run-length encoder/decoder.
 */
public class Strings {
    static final String TEMPLATE = """
            Report %d
              items:   %5d
              ratio:   %8.3f
              status:  %s
            """;

    static final String POEM = """
            Roam the heap from node to node,
            carry stack and statics' load;
            freeze the frame, then thaw it where
            idle cores have time to spare.
            """;

    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int run = 1;
            while (i + run < s.length() && s.charAt(i + run) == c) {
                run++;
            }
            sb.append(run).append(c);
            i += run;
        }
        return sb.toString();
    }

    static String decode(String s) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
            } else {
                sb.append(String.valueOf(c).repeat(n));
                n = 0;
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        String[] lines = POEM.strip().split("\n");
        long checksum = 0;
        StringBuilder log = new StringBuilder();
        for (int round = 0; round < 12_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                sb.append(line.strip()).append('|');
            }
            sb.insert(0, "[" + round + "]");
            sb.setCharAt(sb.length() - 1, '#');
            sb.deleteCharAt(1);
            sb.replace(0, 3, "<<");
            String forward = sb.toString();
            String backward = sb.reverse().toString();
            long l = round * 1_000_003L;
            double d = round / 7.0;
            char c = (char) ('a' + round % 26);
            boolean b = round % 3 == 0;
            String concat = "r=" + round + " l=" + l + " c=" + c + " b=" + b + " first=" + lines[round % lines.length].charAt(0)
                    + " sb=" + sb.length();
            String fmt = String.format("%06d|%-8s|%+.2f|%x", round, "w" + c, d, l);
            String report = TEMPLATE.formatted(round, round * 3, d, b ? "ok" : "wait");
            char[] chars = forward.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (Character.isLowerCase(chars[i]) && (i + round) % 5 == 0) {
                    chars[i] = Character.toUpperCase(chars[i]);
                }
            }
            String mangled = new String(chars);
            String joined = String.join(",", mangled.split(" ", 4));
            String rle = encode("aaabccddddd" + "x".repeat(round % 7) + c + c + c);
            if (!decode(rle).equals("aaabccddddd" + "x".repeat(round % 7) + c + c + c)) {
                System.out.println("RLE MISMATCH at " + round);
            }
            int idx = forward.indexOf("node") + forward.lastIndexOf('e') + joined.indexOf(',', 10);
            boolean region = forward.regionMatches(true, 2, "ROAM", 0, 4);
            int cmp = Integer.signum(forward.compareTo(backward));
            checksum = checksum * 31 + forward.hashCode() + backward.hashCode() + concat.hashCode() + fmt.hashCode()
                    + report.hashCode() + mangled.hashCode() + rle.hashCode() + idx + (region ? 1 : 0) + cmp;
            if (round % 600 == 0) {
                log.setLength(0);
                log.append(concat).append(" / ").append(fmt).append(" / ").append(rle);
                System.out.println(log);
            }
        }
        System.out.print(TEMPLATE.formatted(1, 2, 3.0, "done"));
        System.out.println("checksum " + checksum);
    }
}
