package io.github.capacityemulator.core.plans;

import java.time.Duration;

/**
 * Tunables of the training plan model.
 *
 * @param paymentDelay       clock time a plan or extension stays Pending while its payment is collected
 * @param maxPlansPerRegion  the account-level quota of live (Pending, Scheduled, Active) plans per region
 * @param offeringValidity   how long a quote can be bought after the search that gave it
 */
public record PlanSettings(Duration paymentDelay, int maxPlansPerRegion, Duration offeringValidity) {

    public static final Duration DEFAULT_PAYMENT_DELAY = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_PLANS_PER_REGION = 50;
    public static final Duration DEFAULT_OFFERING_VALIDITY = Duration.ofMinutes(30);

    public static PlanSettings defaults() {
        return new PlanSettings(DEFAULT_PAYMENT_DELAY, DEFAULT_MAX_PLANS_PER_REGION, DEFAULT_OFFERING_VALIDITY);
    }
}
