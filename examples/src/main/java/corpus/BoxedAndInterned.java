package corpus;

/**
 * Canonical objects and identity comparisons that must survive a move: an Object[] holding boxed
 * values (Integer/Long/Character/Boolean/Byte/Short from the JDK caches and outside them),
 * {@code ==} tests of cached boxes ({@code Integer.valueOf(100) == Integer.valueOf(100)} is true,
 * 1000 is false), Boolean.TRUE identity, enum constant identity, string literals stored in fields
 * compared with {@code ==} against the same literal (interned), new String(..) vs intern(),
 * and autoboxing/unboxing arithmetic in the loop.
 */
public class BoxedAndInterned {
    enum Mode { FAST, SLOW }

    private String literal = "roam";
    private static String staticLiteral = "migrate";
    private final Object[] boxes = new Object[12];
    private Mode mode = Mode.FAST;
    private Boolean flag = Boolean.TRUE;

    void fill(int round) {
        boxes[0] = Integer.valueOf(100);
        boxes[1] = Integer.valueOf(1000 + round % 3);
        boxes[2] = Long.valueOf(-128);
        boxes[3] = Character.valueOf('x');
        boxes[4] = Boolean.valueOf(round % 2 == 0);
        boxes[5] = Byte.valueOf((byte) round);
        boxes[6] = Short.valueOf((short) (round % 200));
        boxes[7] = round % 256 - 128;
        boxes[8] = (long) round;
        boxes[9] = (double) round / 4;
        boxes[10] = "lit";
        boxes[11] = mode;
    }

    String identities(int round) {
        StringBuilder sb = new StringBuilder();
        sb.append(boxes[0] == (Object) Integer.valueOf(100) ? 'T' : 'F');
        sb.append(boxes[1] == (Object) Integer.valueOf(1000 + round % 3) ? 'T' : 'F');
        sb.append(boxes[2] == (Object) Long.valueOf(-128) ? 'T' : 'F');
        sb.append(boxes[3] == (Object) Character.valueOf('x') ? 'T' : 'F');
        sb.append(boxes[4] == (Object) (round % 2 == 0 ? Boolean.TRUE : Boolean.FALSE) ? 'T' : 'F');
        sb.append(boxes[5] == (Object) Byte.valueOf((byte) round) ? 'T' : 'F');
        sb.append(boxes[6] == (Object) Short.valueOf((short) (round % 200)) ? 'T' : 'F');
        sb.append(boxes[7] == (Object) Integer.valueOf(round % 256 - 128) ? 'T' : 'F');
        sb.append(boxes[10] == "lit" ? 'T' : 'F');
        sb.append(boxes[11] == (round % 2 == 0 ? Mode.FAST : Mode.SLOW) ? 'T' : 'F');
        sb.append(literal == "roam" ? 'T' : 'F');
        sb.append(staticLiteral == "migrate" ? 'T' : 'F');
        sb.append(new String(literal) == "roam" ? 'T' : 'F');
        sb.append(new String(literal).intern() == "roam" ? 'T' : 'F');
        sb.append(flag == Boolean.TRUE ? 'T' : 'F');
        return sb.toString();
    }

    public static void main(String[] args) {
        BoxedAndInterned b = new BoxedAndInterned();
        long checksum = 0;
        Integer boxedSum = 0;
        Long boxedLong = 0L;
        for (int round = 0; round < 1_500_000; round++) {
            b.mode = round % 2 == 0 ? Mode.FAST : Mode.SLOW;
            b.fill(round);
            String id = b.identities(round);
            for (Object o : b.boxes) {
                if (o instanceof Number n) {
                    boxedLong += n.longValue();
                }
            }
            boxedSum += (Integer) b.boxes[0] + (Integer) b.boxes[7];
            checksum = checksum * 31 + id.hashCode() + boxedSum;
            if (round % 75_000 == 0) {
                System.out.println("round " + round + " identities=" + id + " boxedSum=" + boxedSum + " boxedLong=" + boxedLong
                        + " Integer.valueOf(100)==Integer.valueOf(100): " + (Integer.valueOf(100) == Integer.valueOf(100))
                        + " literal==\"roam\": " + (b.literal == "roam"));
            }
        }
        System.out.println("checksum " + checksum);
    }
}
