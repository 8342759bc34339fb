package io.github.capacityemulator.core.plans;

import java.util.concurrent.atomic.AtomicInteger;

/** Decides whether a payment succeeds: all do, except the next N after {@link #failNext(int)}. */
public final class PaymentOutcomes {

    /** The most failures that can be queued: more would be a mistake, not a test. */
    public static final int MAX_PENDING = io.github.capacityemulator.core.admin.EmulatorAdmin.MAX_FAILING_PAYMENTS;

    private final AtomicInteger failNext = new AtomicInteger();
    /** Outcomes taken by the purchase running on this thread, given back if it does not commit. */
    private final ThreadLocal<int[]> takenFailures = ThreadLocal.withInitial(() -> new int[1]);

    /** Makes the next {@code count} payments fail; answers how many will now fail (at most {@link #MAX_PENDING}). */
    public int failNext(int count) {
        return failNext.updateAndGet(n -> (int) Math.min(MAX_PENDING, (long) n + count));
    }

    /** Runs a purchase; if it throws, the failures it took are queued again, so a refused request changes nothing. */
    <T> T transactional(java.util.function.Supplier<T> purchase) {
        takenFailures.get()[0] = 0;
        try {
            return purchase.get();
        } catch (RuntimeException e) {
            int taken = takenFailures.get()[0];
            if (taken > 0) {
                failNext.addAndGet(taken);
            }
            throw e;
        } finally {
            takenFailures.get()[0] = 0;
        }
    }

    /** Consumes one outcome: false if this payment fails. */
    boolean nextSucceeds() {
        boolean fails = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (fails) {
            takenFailures.get()[0]++;
        }
        return !fails;
    }

    public void reset() {
        failNext.set(0);
    }
}
