package io.github.capacityemulator.core.plans;

import java.util.concurrent.atomic.AtomicInteger;

/** Decides whether a payment succeeds: all do, except the next N after {@link #failNext(int)}. */
public final class PaymentOutcomes {

    private final AtomicInteger failNext = new AtomicInteger();

    /** Makes the next {@code count} payments fail; answers how many will now fail. */
    public int failNext(int count) {
        return failNext.addAndGet(count);
    }

    public int pendingFailures() {
        return failNext.get();
    }

    /** Consumes one outcome: false if this payment fails. */
    boolean nextSucceeds() {
        return failNext.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
    }

    public void reset() {
        failNext.set(0);
    }
}
