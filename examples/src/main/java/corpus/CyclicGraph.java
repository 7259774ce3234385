package corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Object graphs full of cycles that are traversed while the program runs: a circular doubly
 * linked list (prev/next back references) rotated, spliced and walked in both directions; a
 * tree whose nodes point back to their parents and siblings, walked upward from leaves; and a
 * directed graph with adjacency lists and back edges, explored with iterative BFS (ArrayDeque)
 * and recursive DFS that detects cycles via visit marks stored in the nodes.
 */
public class CyclicGraph {
    static final class Link {
        int value;
        Link prev;
        Link next;

        Link(int value) {
            this.value = value;
            this.prev = this;
            this.next = this;
        }

        void insertAfter(Link other) {
            other.next = next;
            other.prev = this;
            next.prev = other;
            next = other;
        }

        void unlink() {
            prev.next = next;
            next.prev = prev;
            prev = this;
            next = this;
        }
    }

    static final class TreeNode {
        final int id;
        final TreeNode parent;
        final List<TreeNode> children = new ArrayList<>();
        TreeNode nextSibling;

        TreeNode(int id, TreeNode parent) {
            this.id = id;
            this.parent = parent;
            if (parent != null) {
                if (!parent.children.isEmpty()) {
                    parent.children.get(parent.children.size() - 1).nextSibling = this;
                }
                parent.children.add(this);
            }
        }
    }

    static final class Vertex {
        final int id;
        final List<Vertex> out = new ArrayList<>();
        int mark;
        int distance;

        Vertex(int id) {
            this.id = id;
        }
    }

    static int backEdges;

    static void dfs(Vertex v, int stamp) {
        v.mark = stamp;
        for (Vertex w : v.out) {
            if (w.mark == stamp) {
                backEdges++;
            } else if (w.mark < stamp) {
                dfs(w, stamp);
            }
        }
        v.mark = stamp + 1;
    }

    public static void main(String[] args) {
        // circular doubly linked list
        Link head = new Link(0);
        for (int i = 1; i < 2000; i++) {
            head.prev.insertAfter(new Link(i));
        }
        // tree with parent and sibling back references
        List<TreeNode> all = new ArrayList<>();
        TreeNode root = new TreeNode(0, null);
        all.add(root);
        for (int i = 1; i < 3000; i++) {
            all.add(new TreeNode(i, all.get((i - 1) / 3)));
        }
        // graph with back edges
        int n = 1500;
        Vertex[] vertices = new Vertex[n];
        for (int i = 0; i < n; i++) {
            vertices[i] = new Vertex(i);
        }
        for (int i = 0; i < n; i++) {
            vertices[i].out.add(vertices[(i + 1) % n]);
            vertices[i].out.add(vertices[(i * 7 + 3) % n]);
            if (i % 5 == 0) {
                vertices[i].out.add(vertices[i / 2]);
            }
        }
        long checksum = 0;
        int stamp = 1;
        for (int round = 0; round < 12000; round++) {
            // walk forward and backward, rotate, splice
            long forward = 0;
            Link l = head;
            do {
                forward = forward * 31 + l.value;
                l = l.next;
            } while (l != head);
            long backward = 0;
            l = head.prev;
            for (int k = 0; k < 2000; k++) {
                backward += (long) l.value * k;
                l = l.prev;
            }
            for (int k = 0; k < round % 7 + 1; k++) {
                head = head.next;
            }
            Link moved = head.next.next;
            moved.unlink();
            head.prev.prev.insertAfter(moved);
            moved.value += 1;
            // tree: walk up from every 10th node through parents, count sibling chains
            long upward = 0;
            for (int i = round % 10; i < all.size(); i += 10) {
                TreeNode t = all.get(i);
                while (t != null) {
                    upward += t.id;
                    t = t.parent;
                }
            }
            int siblings = 0;
            for (TreeNode t = all.get(round % 100).children.isEmpty() ? root : all.get(round % 100).children.get(0);
                    t != null; t = t.nextSibling) {
                siblings++;
            }
            // graph: BFS distances, DFS back edges
            ArrayDeque<Vertex> queue = new ArrayDeque<>();
            for (Vertex v : vertices) {
                v.distance = -1;
            }
            Vertex src = vertices[round % n];
            src.distance = 0;
            queue.add(src);
            long distSum = 0;
            while (!queue.isEmpty()) {
                Vertex v = queue.poll();
                distSum += v.distance;
                for (Vertex w : v.out) {
                    if (w.distance < 0) {
                        w.distance = v.distance + 1;
                        queue.add(w);
                    }
                }
            }
            if (round % 50 == 0) {
                backEdges = 0;
                stamp += 2;
                for (int i = 0; i < 400; i++) {
                    if (vertices[i].mark < stamp) {
                        dfs(vertices[i], stamp);
                    }
                }
            }
            checksum = checksum * 31 + forward + backward + upward + siblings + distSum;
            if (round % 600 == 0) {
                System.out.println("round " + round + " head=" + head.value + " forward=" + forward + " upward=" + upward
                        + " siblings=" + siblings + " distSum=" + distSum + " backEdges=" + backEdges);
            }
        }
        System.out.println("checksum " + checksum);
    }
}
