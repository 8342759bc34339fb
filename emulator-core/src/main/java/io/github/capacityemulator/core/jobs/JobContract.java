package io.github.capacityemulator.core.jobs;

import io.github.capacityemulator.core.contract.ApiContract;

import java.util.List;
import java.util.Set;

/**
 * What the jobs family reads from the contract: the reservable GPU types (no on-demand quota by default) and the
 * length limits of members the emulator writes itself (model artifacts under an S3Uri, a scripted FailureReason).
 */
record JobContract(Set<String> reservableTypes, int maxS3Uri, int maxFailureReason) {

    JobContract {
        reservableTypes = Set.copyOf(reservableTypes);
    }

    static JobContract of(ApiContract contract) {
        return new JobContract(Set.copyOf(contract.hasShape("ReservedCapacityInstanceType")
                ? contract.shape("ReservedCapacityInstanceType").enumValues() : List.of()),
                contract.shape("S3Uri").max().intValueExact(), contract.shape("FailureReason").max().intValueExact());
    }
}
