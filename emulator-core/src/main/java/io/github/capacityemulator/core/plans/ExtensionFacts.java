package io.github.capacityemulator.core.plans;

import java.math.BigDecimal;

/**
 * An extension bought for a plan: it prolongs one block (the plan's last) by whole days. {@code sequence} is its
 * place in the store's {@code AcceptanceSequence}, which orders it among the other facts of its millisecond.
 */
public record ExtensionFacts(
        String offeringId,
        String planName,
        String blockArn,
        String zone,
        long extendedAt,
        long start,
        long end,
        int durationHours,
        BigDecimal upfrontFee,
        long paymentDueAt,
        boolean paymentFailed,
        long sequence) {

    /** Whether it holds capacity and prolongs its block at {@code now}: not once its payment has failed. */
    public boolean countsAt(long now) {
        return !paymentFailed || now < paymentDueAt;
    }
}
