package corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bytecode VM for a tiny stack language. A two-pass assembler (string switch over mnemonics,
 * labels in a HashMap) turns a text-block program into an int[] code array; the VM runs it with
 * a big dense {@code switch} (tableswitch) in its dispatch loop, a long[] operand stack, a call
 * stack and a long[] memory. The VM prints through a PrintStream stored in an instance field.
 * The program computes Collatz step counts (with subroutine calls) and then a sieve in VM memory.
 */
public class Interpreter {
    static final int HALT = 0, PUSH = 1, LOAD = 2, STORE = 3, ADD = 4, SUB = 5, MUL = 6, DIV = 7,
            MOD = 8, LT = 9, GT = 10, EQ = 11, JMP = 12, JZ = 13, JNZ = 14, DUP = 15, POP = 16,
            SWAP = 17, CALL = 18, RET = 19, PRINT = 20, PRINTS = 21, INC = 22, AND = 23, OR = 24,
            XOR = 25, SHL = 26, SHR = 27, NEG = 28, NOT = 29, LE = 30, GE = 31, NE = 32,
            ASTORE = 33, ALOAD = 34, NL = 35, OVER = 36;

    static final String SOURCE = """
            ; phase 1: collatz step counts
                push 1
                store r1
                push 0
                store r2
                push 0
                store r3
            loop:
                load r1
                call collatz
                dup
                load r2
                add
                store r2
                dup
                load r3
                gt
                jz notmax
                store r3
                jmp after
            notmax:
                pop
            after:
                load r1
                push {EVERY}
                mod
                jnz skip
                prints "collatz n="
                load r1
                print
                prints " total="
                load r2
                print
                prints " max="
                load r3
                print
                nl
            skip:
                inc r1 1
                load r1
                push {LIMIT}
                le
                jnz loop
            ; phase 2: sieve in memory
                push 2
                store r6
            outer:
                load r6
                aload
                jnz next
                inc r7 1
                load r6
                load r6
                mul
                store r8
            inner:
                load r8
                push {SIEVE}
                lt
                jz next
                push 1
                load r8
                astore
                load r8
                load r6
                add
                store r8
                jmp inner
            next:
                load r6
                push {SEVERY}
                mod
                jnz nextskip
                prints "sieve i="
                load r6
                print
                prints " primes="
                load r7
                print
                nl
            nextskip:
                inc r6 1
                load r6
                push {SIEVE}
                lt
                jnz outer
                prints "primes below {SIEVE}: "
                load r7
                print
                nl
                halt
            ; subroutine: n -> steps
            collatz:
                store r4
                push 0
                store r5
            cl:
                load r4
                push 1
                eq
                jnz cdone
                inc r5 1
                load r4
                push 1
                and
                jz ceven
                load r4
                push 3
                mul
                push 1
                add
                store r4
                jmp cl
            ceven:
                load r4
                push 1
                shr
                store r4
                jmp cl
            cdone:
                load r5
                ret
            """;

    private final PrintStream out;
    private final int[] code;
    private final List<String> strings;
    private final long[] regs = new long[16];
    private final long[] memory;
    private long executed;

    Interpreter(PrintStream out, int[] code, List<String> strings, int memorySize) {
        this.out = out;
        this.code = code;
        this.strings = strings;
        this.memory = new long[memorySize];
    }

    static int opcode(String mnemonic) {
        switch (mnemonic) {
            case "halt": return HALT;
            case "push": return PUSH;
            case "load": return LOAD;
            case "store": return STORE;
            case "add": return ADD;
            case "sub": return SUB;
            case "mul": return MUL;
            case "div": return DIV;
            case "mod": return MOD;
            case "lt": return LT;
            case "gt": return GT;
            case "eq": return EQ;
            case "jmp": return JMP;
            case "jz": return JZ;
            case "jnz": return JNZ;
            case "dup": return DUP;
            case "pop": return POP;
            case "swap": return SWAP;
            case "call": return CALL;
            case "ret": return RET;
            case "print": return PRINT;
            case "prints": return PRINTS;
            case "inc": return INC;
            case "and": return AND;
            case "or": return OR;
            case "xor": return XOR;
            case "shl": return SHL;
            case "shr": return SHR;
            case "neg": return NEG;
            case "not": return NOT;
            case "le": return LE;
            case "ge": return GE;
            case "ne": return NE;
            case "astore": return ASTORE;
            case "aload": return ALOAD;
            case "nl": return NL;
            case "over": return OVER;
            default: throw new IllegalArgumentException("unknown mnemonic " + mnemonic);
        }
    }

    static int operandCount(int op) {
        switch (op) {
            case PUSH: case LOAD: case STORE: case JMP: case JZ: case JNZ: case CALL: case PRINTS:
                return 1;
            case INC:
                return 2;
            default:
                return 0;
        }
    }

    /** Two-pass assembler: returns the code; fills strings. */
    static int[] assemble(String source, List<String> strings) {
        Map<String, Integer> labels = new HashMap<>();
        List<String[]> instructions = new ArrayList<>();
        int pc = 0;
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.endsWith(":")) {
                labels.put(line.substring(0, line.length() - 1), pc);
                continue;
            }
            String[] parts;
            int quote = line.indexOf('"');
            if (quote >= 0) {
                parts = new String[] {line.substring(0, quote).strip(), line.substring(quote)};
            } else {
                parts = line.split("\\s+");
            }
            instructions.add(parts);
            pc += 1 + operandCount(opcode(parts[0]));
        }
        int[] code = new int[pc];
        int at = 0;
        for (String[] parts : instructions) {
            int op = opcode(parts[0]);
            code[at++] = op;
            for (int k = 1; k <= operandCount(op); k++) {
                String operand = parts[k];
                int value;
                if (operand.startsWith("\"")) {
                    strings.add(operand.substring(1, operand.length() - 1));
                    value = strings.size() - 1;
                } else if (operand.charAt(0) == 'r' && Character.isDigit(operand.charAt(1))) {
                    value = Integer.parseInt(operand.substring(1));
                } else if (Character.isDigit(operand.charAt(0)) || operand.charAt(0) == '-') {
                    value = Integer.parseInt(operand);
                } else {
                    Integer target = labels.get(operand);
                    if (target == null) {
                        throw new IllegalArgumentException("unknown label " + operand);
                    }
                    value = target;
                }
                code[at++] = value;
            }
        }
        return code;
    }

    long run() {
        long[] stack = new long[256];
        int[] calls = new int[64];
        int sp = 0;
        int csp = 0;
        int pc = 0;
        long a;
        long b;
        while (true) {
            int op = code[pc++];
            executed++;
            switch (op) {
                case HALT:
                    return executed;
                case PUSH:
                    stack[sp++] = code[pc++];
                    break;
                case LOAD:
                    stack[sp++] = regs[code[pc++]];
                    break;
                case STORE:
                    regs[code[pc++]] = stack[--sp];
                    break;
                case ADD:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a + b;
                    break;
                case SUB:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a - b;
                    break;
                case MUL:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a * b;
                    break;
                case DIV:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a / b;
                    break;
                case MOD:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a % b;
                    break;
                case LT:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a < b ? 1 : 0;
                    break;
                case GT:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a > b ? 1 : 0;
                    break;
                case EQ:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a == b ? 1 : 0;
                    break;
                case JMP:
                    pc = code[pc];
                    break;
                case JZ:
                    if (stack[--sp] == 0) {
                        pc = code[pc];
                    } else {
                        pc++;
                    }
                    break;
                case JNZ:
                    if (stack[--sp] != 0) {
                        pc = code[pc];
                    } else {
                        pc++;
                    }
                    break;
                case DUP:
                    stack[sp] = stack[sp - 1];
                    sp++;
                    break;
                case POP:
                    sp--;
                    break;
                case SWAP:
                    a = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = a;
                    break;
                case CALL:
                    calls[csp++] = pc + 1;
                    pc = code[pc];
                    break;
                case RET:
                    pc = calls[--csp];
                    break;
                case PRINT:
                    out.print(stack[--sp]);
                    break;
                case PRINTS:
                    out.print(strings.get(code[pc++]));
                    break;
                case INC:
                    regs[code[pc]] += code[pc + 1];
                    pc += 2;
                    break;
                case AND:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a & b;
                    break;
                case OR:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a | b;
                    break;
                case XOR:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a ^ b;
                    break;
                case SHL:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a << b;
                    break;
                case SHR:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a >> b;
                    break;
                case NEG:
                    stack[sp - 1] = -stack[sp - 1];
                    break;
                case NOT:
                    stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                    break;
                case LE:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a <= b ? 1 : 0;
                    break;
                case GE:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a >= b ? 1 : 0;
                    break;
                case NE:
                    b = stack[--sp];
                    a = stack[--sp];
                    stack[sp++] = a != b ? 1 : 0;
                    break;
                case ASTORE:
                    a = stack[--sp];
                    b = stack[--sp];
                    memory[(int) a] = b;
                    break;
                case ALOAD:
                    stack[sp - 1] = memory[(int) stack[sp - 1]];
                    break;
                case NL:
                    out.println();
                    break;
                case OVER:
                    stack[sp] = stack[sp - 2];
                    sp++;
                    break;
                default:
                    throw new IllegalStateException("bad opcode " + op + " at " + (pc - 1));
            }
        }
    }

    public static void main(String[] args) {
        int limit = 100_000;
        int sieve = 400_000;
        String source = SOURCE.replace("{LIMIT}", Integer.toString(limit))
                .replace("{EVERY}", Integer.toString(limit / 15))
                .replace("{SIEVE}", Integer.toString(sieve))
                .replace("{SEVERY}", Integer.toString(sieve / 10));
        List<String> strings = new ArrayList<>();
        int[] code = assemble(source, strings);
        System.out.println("assembled " + code.length + " words, " + strings.size() + " strings");
        Interpreter vm = new Interpreter(System.out, code, strings, sieve + 1);
        long executed = vm.run();
        System.out.println("executed " + executed + " instructions");
        long check = 0;
        for (long r : vm.regs) {
            check = check * 131 + r;
        }
        System.out.println("checksum " + check);
    }
}
