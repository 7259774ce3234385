package corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An interface-heavy visitor pattern over an expression AST: a generic Visitor&lt;R&gt; interface
 * with one visit method per node type, node classes implementing an Expr interface with a generic
 * accept method, and five visitors (evaluator with variable environment, pretty printer,
 * constant folder that rebuilds the tree, depth counter, node-kind counter built on an abstract
 * base visitor with default traversal). Random trees are generated from a seeded Random.
 */
public class Visitor {
    interface Expr {
        <R> R accept(ExprVisitor<R> v);
    }

    interface ExprVisitor<R> {
        R visitNum(Num n);

        R visitVar(Var v);

        R visitAdd(Add a);

        R visitMul(Mul m);

        R visitNeg(Neg n);

        R visitLet(Let l);
    }

    static final class Num implements Expr {
        final long value;

        Num(long value) {
            this.value = value;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNum(this);
        }
    }

    static final class Var implements Expr {
        final String name;

        Var(String name) {
            this.name = name;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitVar(this);
        }
    }

    static final class Add implements Expr {
        final Expr left;
        final Expr right;

        Add(Expr left, Expr right) {
            this.left = left;
            this.right = right;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitAdd(this);
        }
    }

    static final class Mul implements Expr {
        final Expr left;
        final Expr right;

        Mul(Expr left, Expr right) {
            this.left = left;
            this.right = right;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitMul(this);
        }
    }

    static final class Neg implements Expr {
        final Expr inner;

        Neg(Expr inner) {
            this.inner = inner;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNeg(this);
        }
    }

    static final class Let implements Expr {
        final String name;
        final Expr value;
        final Expr body;

        Let(String name, Expr value, Expr body) {
            this.name = name;
            this.value = value;
            this.body = body;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitLet(this);
        }
    }

    static final class Env {
        final String name;
        final long value;
        final Env next;

        Env(String name, long value, Env next) {
            this.name = name;
            this.value = value;
            this.next = next;
        }

        long lookup(String n) {
            for (Env e = this; e != null; e = e.next) {
                if (e.name.equals(n)) {
                    return e.value;
                }
            }
            return 1;
        }
    }

    static final class Evaluator implements ExprVisitor<Long> {
        private Env env;

        Evaluator(Env env) {
            this.env = env;
        }

        public Long visitNum(Num n) {
            return n.value;
        }

        public Long visitVar(Var v) {
            return env == null ? 1L : env.lookup(v.name);
        }

        public Long visitAdd(Add a) {
            return a.left.accept(this) + a.right.accept(this);
        }

        public Long visitMul(Mul m) {
            return m.left.accept(this) * m.right.accept(this);
        }

        public Long visitNeg(Neg n) {
            return -n.inner.accept(this);
        }

        public Long visitLet(Let l) {
            long v = l.value.accept(this);
            Env saved = env;
            env = new Env(l.name, v, env);
            try {
                return l.body.accept(this);
            } finally {
                env = saved;
            }
        }
    }

    static final class Printer implements ExprVisitor<String> {
        public String visitNum(Num n) {
            return Long.toString(n.value);
        }

        public String visitVar(Var v) {
            return v.name;
        }

        public String visitAdd(Add a) {
            return "(" + a.left.accept(this) + " + " + a.right.accept(this) + ")";
        }

        public String visitMul(Mul m) {
            return a(m.left) + "*" + a(m.right);
        }

        private String a(Expr e) {
            return e.accept(this);
        }

        public String visitNeg(Neg n) {
            return "-" + n.inner.accept(this);
        }

        public String visitLet(Let l) {
            return "let " + l.name + "=" + l.value.accept(this) + " in " + l.body.accept(this);
        }
    }

    static final class Folder implements ExprVisitor<Expr> {
        int folds;

        public Expr visitNum(Num n) {
            return n;
        }

        public Expr visitVar(Var v) {
            return v;
        }

        public Expr visitAdd(Add a) {
            Expr l = a.left.accept(this);
            Expr r = a.right.accept(this);
            if (l instanceof Num && r instanceof Num) {
                folds++;
                return new Num(((Num) l).value + ((Num) r).value);
            }
            return new Add(l, r);
        }

        public Expr visitMul(Mul m) {
            Expr l = m.left.accept(this);
            Expr r = m.right.accept(this);
            if (l instanceof Num && r instanceof Num) {
                folds++;
                return new Num(((Num) l).value * ((Num) r).value);
            }
            return new Mul(l, r);
        }

        public Expr visitNeg(Neg n) {
            Expr i = n.inner.accept(this);
            if (i instanceof Num) {
                folds++;
                return new Num(-((Num) i).value);
            }
            return new Neg(i);
        }

        public Expr visitLet(Let l) {
            return new Let(l.name, l.value.accept(this), l.body.accept(this));
        }
    }

    /** Base visitor with default traversal; subclasses override what they need. */
    abstract static class Walker implements ExprVisitor<Integer> {
        abstract int combine(int a, int b);

        abstract int leaf(Expr e);

        public Integer visitNum(Num n) {
            return leaf(n);
        }

        public Integer visitVar(Var v) {
            return leaf(v);
        }

        public Integer visitAdd(Add a) {
            return combine(a.left.accept(this), a.right.accept(this));
        }

        public Integer visitMul(Mul m) {
            return combine(m.left.accept(this), m.right.accept(this));
        }

        public Integer visitNeg(Neg n) {
            return combine(n.inner.accept(this), 0);
        }

        public Integer visitLet(Let l) {
            return combine(l.value.accept(this), l.body.accept(this));
        }
    }

    static final class Depth extends Walker {
        int combine(int a, int b) {
            return 1 + Math.max(a, b);
        }

        int leaf(Expr e) {
            return 1;
        }
    }

    static final class VarCounter extends Walker {
        int combine(int a, int b) {
            return a + b;
        }

        int leaf(Expr e) {
            return e instanceof Var ? 1 : 0;
        }
    }

    static final String[] NAMES = {"x", "y", "z", "w"};

    static Expr generate(Random rnd, int depth) {
        if (depth == 0 || rnd.nextInt(10) < 2) {
            return rnd.nextInt(3) == 0 ? new Var(NAMES[rnd.nextInt(NAMES.length)]) : new Num(rnd.nextInt(10));
        }
        switch (rnd.nextInt(5)) {
            case 0:
                return new Add(generate(rnd, depth - 1), generate(rnd, depth - 1));
            case 1:
                return new Mul(generate(rnd, depth - 1), generate(rnd, depth - 1));
            case 2:
                return new Neg(generate(rnd, depth - 1));
            case 3:
                return new Let(NAMES[rnd.nextInt(NAMES.length)], generate(rnd, depth - 1), generate(rnd, depth - 1));
            default:
                return new Add(new Num(rnd.nextInt(5)), generate(rnd, depth - 1));
        }
    }

    public static void main(String[] args) {
        Random rnd = new Random(1234);
        Printer printer = new Printer();
        Folder folder = new Folder();
        Depth depth = new Depth();
        VarCounter vars = new VarCounter();
        Env globals = new Env("x", 3, new Env("y", -2, new Env("z", 5, null)));
        long checksum = 0;
        List<String> samples = new ArrayList<>();
        for (int round = 0; round < 60_000; round++) {
            Expr e = generate(rnd, 9);
            long v1 = e.accept(new Evaluator(globals));
            Expr folded = e.accept(folder);
            long v2 = folded.accept(new Evaluator(globals));
            String text = folded.accept(printer);
            int d = e.accept(depth);
            int vc = e.accept(vars);
            if (v1 != v2) {
                System.out.println("FOLD MISMATCH " + round);
            }
            checksum = checksum * 31 + v1 + d * 7L + vc + text.length();
            if (round % 3000 == 0) {
                samples.add(text.length() > 60 ? text.substring(0, 60) + "..." : text);
                System.out.println("round " + round + " value=" + v1 + " depth=" + d + " vars=" + vc + " folds="
                        + folder.folds + " text=" + samples.get(samples.size() - 1));
            }
        }
        System.out.println("checksum " + checksum);
    }
}
