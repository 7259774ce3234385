package threads;

/** A program that ends at once after a little arithmetic. */
public class Quick {
    public static void main(String[] args) {
        long x = 1;
        for (int i = 0; i < 100_000; i++) {
            x = x * 31 + i;
        }
        System.out.println("quick " + x);
    }
}
