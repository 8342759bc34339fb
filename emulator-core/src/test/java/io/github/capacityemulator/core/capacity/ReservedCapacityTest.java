package io.github.capacityemulator.core.capacity;

import io.github.capacityemulator.core.store.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans' counts are sums over every kind of consumer; one family provides plans. */
class ReservedCapacityTest {

    private static final ReservedBlock ACTIVE = new ReservedBlock("rc-1", "us-east-1a", 0, 10, "Active");

    /** A consumer that claims {@code claimed} of every plan and uses {@code used} of an active block. */
    private static ReservedCapacityConsumer consumer(int claimed, int used) {
        return new ReservedCapacityConsumer() {
            @Override
            public int claimed(Sql sql, String account, String region, String planArn, long now) {
                return claimed;
            }

            @Override
            public int inUse(Sql sql, String account, String region, String planArn, ReservedBlock block, long now) {
                return block.isActive() ? used : 0;
            }
        };
    }

    @Test
    void countsAreSumsOverEveryConsumer() throws Exception {
        ReservedCapacity capacity = new ReservedCapacity();
        assertThat(capacity.inUse(null, "a", "r", "p", ACTIVE, 5)).isZero();
        capacity.addConsumer(consumer(4, 3));
        capacity.addConsumer(consumer(2, 1));
        assertThat(capacity.claimed(null, "a", "r", "p", 5)).isEqualTo(6);
        assertThat(capacity.inUse(null, "a", "r", "p", ACTIVE, 5)).isEqualTo(4);
        assertThat(capacity.inUse(null, "a", "r", "p", new ReservedBlock("rc-2", "us-east-1a", 20, 30, "Scheduled"), 5))
                .isZero();
    }

    @Test
    void oneFamilyProvidesPlans() throws Exception {
        ReservedCapacity capacity = new ReservedCapacity();
        assertThatThrownBy(() -> capacity.plan(null, "a", "r", "p", 0)).isInstanceOf(IllegalStateException.class);
        ReservedPlan plan = new ReservedPlan("p", "arn:p", "Active", List.of("hyperpod-cluster"), "ml.p5.48xlarge", 8, 0,
                List.of(ACTIVE));
        capacity.providePlans(new ReservedPlans() {
            @Override
            public Optional<ReservedPlan> find(Sql sql, String account, String region, String arn, long now) {
                return Optional.of(plan);
            }

            @Override
            public Optional<ReservedPlan> reservation(Sql sql, String account, String region, String arn, long now) {
                return Optional.empty();
            }
        });
        assertThat(capacity.plan(null, "a", "r", "arn:p", 0)).contains(plan);
        assertThat(capacity.reservation(null, "a", "r", "arn:p", 0)).isEmpty();
        assertThatThrownBy(() -> capacity.providePlans(null)).isInstanceOf(IllegalStateException.class);
    }
}
