package corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Graph algorithms over a seeded random weighted digraph: Dijkstra with a PriorityQueue of
 * long[] {distance, node} entries ordered by a comparator, run from many sources; Floyd-Warshall
 * on a small dense int[][] submatrix; Bellman-Ford relaxation rounds; path reconstruction via a
 * predecessor int[]; and a union-find (path compression, union by rank) Kruskal MST over an
 * edge list sorted with a comparator.
 */
public class Dijkstra {
    record Edge(int from, int to, int weight) {
    }

    static int[] parent;
    static int[] rank;

    static int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    static boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (rank[ra] < rank[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        if (rank[ra] == rank[rb]) {
            rank[ra]++;
        }
        return true;
    }

    public static void main(String[] args) {
        int n = 3000;
        java.util.Random rnd = new java.util.Random(8);
        List<List<Edge>> adj = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                int j = k == 0 ? (i + 1) % n : rnd.nextInt(n);
                Edge e = new Edge(i, j, 1 + rnd.nextInt(100));
                adj.get(i).add(e);
                edges.add(e);
            }
        }
        long checksum = 0;
        long[] dist = new long[n];
        int[] pred = new int[n];
        for (int round = 0; round < 400; round++) {
            int src = (round * 131) % n;
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(pred, -1);
            dist[src] = 0;
            PriorityQueue<long[]> pq = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            pq.add(new long[] {0, src});
            int settled = 0;
            while (!pq.isEmpty()) {
                long[] top = pq.poll();
                int u = (int) top[1];
                if (top[0] > dist[u]) {
                    continue;
                }
                settled++;
                for (Edge e : adj.get(u)) {
                    long nd = dist[u] + e.weight();
                    if (nd < dist[e.to()]) {
                        dist[e.to()] = nd;
                        pred[e.to()] = u;
                        pq.add(new long[] {nd, e.to()});
                    }
                }
            }
            long sum = 0;
            long max = 0;
            for (long d : dist) {
                if (d != Long.MAX_VALUE) {
                    sum += d;
                    max = Math.max(max, d);
                }
            }
            int target = (src + n / 2) % n;
            int hops = 0;
            for (int v = target; v != -1 && v != src; v = pred[v]) {
                hops++;
            }
            checksum = checksum * 31 + sum + max * 7 + hops;
            if (round % 20 == 0) {
                // Bellman-Ford rounds on the same graph from the same source for comparison
                long[] bf = new long[n];
                Arrays.fill(bf, Long.MAX_VALUE / 4);
                bf[src] = 0;
                int passes = 0;
                boolean changed = true;
                while (changed && passes < n) {
                    changed = false;
                    passes++;
                    for (Edge e : edges) {
                        if (bf[e.from()] + e.weight() < bf[e.to()]) {
                            bf[e.to()] = bf[e.from()] + e.weight();
                            changed = true;
                        }
                    }
                }
                boolean agree = bf[target] == dist[target];
                System.out.println("round " + round + " src=" + src + " settled=" + settled + " sum=" + sum + " max=" + max
                        + " hops(" + target + ")=" + hops + " bellmanFord passes=" + passes + " agree=" + agree);
            }
        }
        // Floyd-Warshall on the first 150 nodes
        int m = 150;
        int[][] fw = new int[m][m];
        for (int[] row : fw) {
            Arrays.fill(row, 1_000_000);
        }
        for (int i = 0; i < m; i++) {
            fw[i][i] = 0;
            for (Edge e : adj.get(i)) {
                if (e.to() < m) {
                    fw[i][e.to()] = Math.min(fw[i][e.to()], e.weight());
                }
            }
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (fw[i][k] + fw[k][j] < fw[i][j]) {
                        fw[i][j] = fw[i][k] + fw[k][j];
                    }
                }
            }
        }
        long fwSum = 0;
        for (int[] row : fw) {
            for (int v : row) {
                fwSum += v;
            }
        }
        // Kruskal MST treating edges as undirected
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort((x, y) -> x.weight() != y.weight() ? Integer.compare(x.weight(), y.weight())
                : x.from() != y.from() ? Integer.compare(x.from(), y.from()) : Integer.compare(x.to(), y.to()));
        parent = new int[n];
        rank = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        long mst = 0;
        int used = 0;
        for (Edge e : sorted) {
            if (union(e.from(), e.to())) {
                mst += e.weight();
                used++;
            }
        }
        System.out.println("floyd-warshall sum " + fwSum + ", mst weight " + mst + " with " + used + " edges");
        System.out.println("checksum " + checksum);
    }
}
