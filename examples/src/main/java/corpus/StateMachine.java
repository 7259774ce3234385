package corpus;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * An enum-driven state machine (a vending/traffic controller hybrid): a State enum whose
 * constants override an abstract {@code next(Event, Context)} method, an Event enum with fields,
 * an EnumMap&lt;State, EnumMap&lt;Event, Integer&gt;&gt; transition-count matrix, EnumSet
 * membership tests for terminal and accepting states, enum switch statements in the context
 * update, ordinal()/values()/compareTo on enums, and a mutable Context object carrying long and
 * double fields that the states update on every step.
 */
public class StateMachine {
    enum Event {
        COIN(25), BUTTON(0), TIMEOUT(0), REFUND(-1), SERVICE(0), TICK(1);

        final int value;

        Event(int value) {
            this.value = value;
        }
    }

    static final class Context {
        long credit;
        long sales;
        long refunds;
        double temperature = 4.0;
        int ticks;
        int services;
    }

    enum State {
        IDLE {
            State next(Event e, Context ctx) {
                switch (e) {
                    case COIN:
                        ctx.credit += e.value;
                        return COLLECTING;
                    case SERVICE:
                        return MAINTENANCE;
                    default:
                        return IDLE;
                }
            }
        },
        COLLECTING {
            State next(Event e, Context ctx) {
                switch (e) {
                    case COIN:
                        ctx.credit += e.value;
                        return ctx.credit >= 100 ? READY : COLLECTING;
                    case REFUND:
                    case TIMEOUT:
                        return REFUNDING;
                    default:
                        return COLLECTING;
                }
            }
        },
        READY {
            State next(Event e, Context ctx) {
                if (e == Event.BUTTON) {
                    return VENDING;
                }
                return e == Event.REFUND ? REFUNDING : READY;
            }
        },
        VENDING {
            State next(Event e, Context ctx) {
                ctx.credit -= 100;
                ctx.sales++;
                ctx.temperature += 0.05;
                return ctx.credit > 0 ? REFUNDING : IDLE;
            }
        },
        REFUNDING {
            State next(Event e, Context ctx) {
                ctx.refunds += ctx.credit;
                ctx.credit = 0;
                return IDLE;
            }
        },
        MAINTENANCE {
            State next(Event e, Context ctx) {
                ctx.services++;
                ctx.temperature = 4.0;
                return e == Event.SERVICE ? IDLE : MAINTENANCE;
            }
        };

        abstract State next(Event e, Context ctx);
    }

    static final EnumSet<State> ACCEPTING = EnumSet.of(State.READY, State.VENDING);
    static final EnumSet<State> BUSY = EnumSet.complementOf(EnumSet.of(State.IDLE));

    public static void main(String[] args) {
        Map<State, EnumMap<Event, Integer>> matrix = new EnumMap<>(State.class);
        for (State s : State.values()) {
            matrix.put(s, new EnumMap<>(Event.class));
        }
        Context ctx = new Context();
        State state = State.IDLE;
        Event[] events = Event.values();
        long seed = 271828;
        long accepting = 0;
        long busy = 0;
        long checksum = 0;
        for (long step = 0; step < 20_000_000L; step++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int pick = (int) ((seed >>> 59) % 16);
            Event e = pick < 6 ? Event.COIN : pick < 9 ? Event.BUTTON : pick < 15 ? events[(int) ((seed >>> 40) % events.length)] : Event.TICK;
            if (e == Event.TICK) {
                ctx.ticks++;
                ctx.temperature = ctx.temperature * 0.999 + 0.004;
            }
            State next = state.next(e, ctx);
            matrix.get(state).merge(e, 1, Integer::sum);
            if (ACCEPTING.contains(next)) {
                accepting++;
            }
            if (BUSY.contains(next)) {
                busy++;
            }
            checksum = checksum * 31 + next.ordinal() * 7 + e.ordinal() + (next.compareTo(state) > 0 ? 1 : 0);
            state = next;
            if (step % 1_000_000 == 0) {
                System.out.println(String.format("step %d state=%s credit=%d sales=%d refunds=%d temp=%.4f ticks=%d services=%d accepting=%d busy=%d",
                        step, state, ctx.credit, ctx.sales, ctx.refunds, ctx.temperature, ctx.ticks, ctx.services, accepting, busy));
            }
        }
        System.out.println("matrix " + matrix);
        System.out.println("checksum " + checksum);
    }
}
