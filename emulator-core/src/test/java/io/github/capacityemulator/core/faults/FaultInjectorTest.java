package io.github.capacityemulator.core.faults;

import io.github.capacityemulator.core.caller.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    private static final RequestContext A = new RequestContext("111111111111", "us-east-1", "r");
    private static final RequestContext B = new RequestContext("222222222222", "eu-west-1", "r");

    private static FaultSpec throttle(String operation, Integer count) {
        return new FaultSpec(operation, null, null, "ThrottlingException", null, null, null, count, null, null);
    }

    @Test
    void theNextNCallsOfAnOperationFailWithTheWellKnownStatusAndMessage() {
        FaultInjector faults = new FaultInjector();
        faults.add(throttle("CreateCluster", 2));
        assertThat(faults.apply(A, "DescribeCluster")).isNull();
        FaultInjector.Effect first = faults.apply(A, "CreateCluster");
        assertThat(first.error().code()).isEqualTo("ThrottlingException");
        assertThat(first.error().httpStatus()).isEqualTo(400);
        assertThat(first.error().getMessage()).isEqualTo("Rate exceeded");
        assertThat(faults.apply(A, "CreateCluster")).isNotNull();
        assertThat(faults.apply(A, "CreateCluster")).isNull();
        assertThat(faults.list().get(0).fired()).isEqualTo(2);
        assertThat(faults.list().get(0).remaining()).isZero();
    }

    @Test
    void matchesOnAccountAndRegionAndAnyOperation() {
        FaultInjector faults = new FaultInjector();
        faults.add(new FaultSpec("*", "222222222222", "eu-west-1", "ServiceUnavailable", null, null, null, null, null, null));
        assertThat(faults.apply(A, "ListClusters")).isNull();
        FaultInjector.Effect e = faults.apply(B, "ListClusters");
        assertThat(e.error().httpStatus()).isEqualTo(503);
        assertThat(e.error().isServerFault()).isTrue();
        assertThat(faults.apply(B, "SearchTrainingPlanOfferings")).isNotNull();
    }

    @Test
    void aSeededProbabilityFiresTheSameWayEachRun() {
        List<Boolean> first = run(42L);
        assertThat(first).contains(true, false);
        assertThat(run(42L)).isEqualTo(first);
    }

    private static List<Boolean> run(long seed) {
        FaultInjector faults = new FaultInjector();
        faults.add(new FaultSpec("ListClusters", null, null, "InternalFailure", null, null, null, null, 0.5, seed));
        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fired.add(faults.apply(A, "ListClusters") != null);
        }
        return fired;
    }

    @Test
    void latencyAloneAndCustomErrors() {
        FaultInjector faults = new FaultInjector();
        faults.add(new FaultSpec("ListClusters", null, null, null, null, null, 250L, null, null, null));
        faults.add(new FaultSpec("ListTags", null, null, "AccessDeniedException", 403, "Nope", null, 1, null, null));
        assertThat(faults.apply(A, "ListClusters")).isEqualTo(new FaultInjector.Effect(250L, null));
        InjectedFault custom = faults.apply(A, "ListTags").error();
        assertThat(custom.code()).isEqualTo("AccessDeniedException");
        assertThat(custom.httpStatus()).isEqualTo(403);
        assertThat(custom.getMessage()).isEqualTo("Nope");
    }

    @Test
    void badRulesAreRefusedAndAddNothing() {
        FaultInjector faults = new FaultInjector();
        assertThatThrownBy(() -> faults.add(throttle(null, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("operation is required");
        assertThatThrownBy(() -> faults.add(new FaultSpec("X", null, null, null, null, null, null, null, null, null)))
                .hasMessageStartingWith("give an error");
        assertThatThrownBy(() -> faults.add(throttle("X", 0))).hasMessage("count must be >= 1");
        assertThatThrownBy(() -> faults.add(new FaultSpec("X", null, null, "E", 200, null, null, null, null, null)))
                .hasMessage("status must be an HTTP error status, 400 to 599");
        assertThatThrownBy(() -> faults.add(new FaultSpec("X", null, null, "E", null, null, null, 1, 0.5, null)))
                .hasMessage("give count or probability, not both");
        assertThat(faults.list()).isEmpty();
    }
}
