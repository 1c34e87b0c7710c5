package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Exploration;
import io.sparkads.delivery.engine.ImpressionIds;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.InstantSource;

/**
 * The parts of the learned ranking the simulator uses that may not exist yet in the engine it is
 * built against: the engine constructor taking an {@link Exploration}, {@code Decision.explored()}
 * and {@code BillingEvent.OCPM}. Looked up once by reflection, so the simulator compiles and runs
 * before and after the learned ranking lands; {@link #describe()} says which were found, and the
 * report prints it, so a table is never mistaken for one taken on the other engine.
 */
final class EngineSeams {
    private static final Constructor<AdDecisionEngine> EXPLORING_ENGINE = exploringConstructor();
    private static final Method EXPLORED = exploredMethod();
    private static final BillingEvent OCPM = ocpm();

    private EngineSeams() {}

    /** An engine that explores as told, or a plain one when the engine cannot explore yet. */
    static AdDecisionEngine engine(
            ImpressionIds ids, InstantSource clock, Exploration exploration) {
        if (EXPLORING_ENGINE == null) {
            return new AdDecisionEngine(ids, clock);
        }
        try {
            return EXPLORING_ENGINE.newInstance(ids, clock, exploration);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the engine refused its settings", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build an exploring engine", e);
        }
    }

    /**
     * Whether the decision came from exploration; always false on an engine that cannot explore.
     */
    static boolean explored(Decision decision) {
        if (EXPLORED == null) {
            return false;
        }
        try {
            return (boolean) EXPLORED.invoke(decision);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Decision.explored()", e);
        }
    }

    /** {@code BillingEvent.OCPM}, or null when the engine has no such billing event yet. */
    static BillingEvent ocpmOrNull() {
        return OCPM;
    }

    static String describe() {
        return "engine: exploration "
                + (EXPLORING_ENGINE == null ? "absent" : "present")
                + ", Decision.explored() "
                + (EXPLORED == null ? "absent" : "present")
                + ", BillingEvent.OCPM "
                + (OCPM == null ? "absent (CONVERT ads bid CPM)" : "present");
    }

    private static Constructor<AdDecisionEngine> exploringConstructor() {
        try {
            return AdDecisionEngine.class.getConstructor(
                    ImpressionIds.class, InstantSource.class, Exploration.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method exploredMethod() {
        try {
            return Decision.class.getMethod("explored");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static BillingEvent ocpm() {
        for (BillingEvent event : BillingEvent.values()) {
            if (event.name().equals("OCPM")) {
                return event;
            }
        }
        return null;
    }
}
