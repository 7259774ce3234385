package workload;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * File I/O kernels that time themselves (a plain program: under Roam its file calls go through
 * the kernel's file interface). Each kernel runs REPEAT times; the best time is printed as
 * {@code name: value unit}. Argument: the directory to work in (default: the working directory).
 * Used by roam-bench's FileIoCost.
 */
public class FileIo {
    static final int MIB = 1 << 20;
    static final int CHUNK = 8192;
    static final long SIZE = 64L * MIB;
    static final int REPEAT = 3;
    static final int RANDOM_OPS = 200_000;
    static final long RANDOM_FILE = 16L * MIB;
    static long sink;

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        File f = new File(dir, "fileio-bench.bin");
        double[] best = new double[6];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int r = 0; r < REPEAT; r++) {
            best[0] = Math.min(best[0], streamWrite(f));
            best[1] = Math.min(best[1], streamRead(f));
            best[2] = Math.min(best[2], channelWrite(f.toPath()));
            best[3] = Math.min(best[3], channelRead(f.toPath()));
            best[4] = Math.min(best[4], randomReads(f));
            best[5] = Math.min(best[5], randomWrites(f));
        }
        System.out.printf("FileOutputStream write 64 MiB in 8 KiB chunks: %.1f MB/s%n", SIZE / best[0] * 1e3);
        System.out.printf("FileInputStream read 64 MiB in 8 KiB chunks: %.1f MB/s%n", SIZE / best[1] * 1e3);
        System.out.printf("FileChannel write 64 MiB in 8 KiB buffers: %.1f MB/s%n", SIZE / best[2] * 1e3);
        System.out.printf("FileChannel read 64 MiB in 8 KiB buffers: %.1f MB/s%n", SIZE / best[3] * 1e3);
        System.out.printf("RandomAccessFile seek + 16-byte read: %.1f ns/op%n", best[4] / RANDOM_OPS);
        System.out.printf("RandomAccessFile seek + 16-byte write: %.1f ns/op%n", best[5] / RANDOM_OPS);
        f.delete();
        if (sink == 42) {
            System.out.println();
        }
    }

    static long streamWrite(File f) throws IOException {
        byte[] b = new byte[CHUNK];
        long t0 = System.nanoTime();
        try (FileOutputStream out = new FileOutputStream(f)) {
            for (long n = 0; n < SIZE; n += CHUNK) {
                b[0] = (byte) n;
                out.write(b);
            }
        }
        return System.nanoTime() - t0;
    }

    static long streamRead(File f) throws IOException {
        byte[] b = new byte[CHUNK];
        long t0 = System.nanoTime();
        long s = 0;
        try (FileInputStream in = new FileInputStream(f)) {
            for (int n; (n = in.read(b)) > 0; ) {
                s += b[n - 1];
            }
        }
        sink += s;
        return System.nanoTime() - t0;
    }

    static long channelWrite(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long n = 0; n < SIZE; n += CHUNK) {
                b.clear();
                ch.write(b);
            }
        }
        return System.nanoTime() - t0;
    }

    static long channelRead(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        long t0 = System.nanoTime();
        long s = 0;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            while (ch.read(b) > 0) {
                s += b.get(0);
                b.clear();
            }
        }
        sink += s;
        return System.nanoTime() - t0;
    }

    static long randomReads(File f) throws IOException {
        byte[] b = new byte[16];
        long seed = 1;
        long s = 0;
        long t0 = System.nanoTime();
        try (RandomAccessFile raf = new RandomAccessFile(f, "r")) {
            for (int i = 0; i < RANDOM_OPS; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                raf.seek(((seed >>> 20) % (RANDOM_FILE / 16)) * 16);
                raf.readFully(b);
                s += b[3];
            }
        }
        sink += s;
        return System.nanoTime() - t0;
    }

    static long randomWrites(File f) throws IOException {
        byte[] b = new byte[16];
        long seed = 2;
        long t0 = System.nanoTime();
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            for (int i = 0; i < RANDOM_OPS; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                raf.seek(((seed >>> 20) % (RANDOM_FILE / 16)) * 16);
                b[0] = (byte) i;
                raf.write(b);
            }
        }
        return System.nanoTime() - t0;
    }
}
