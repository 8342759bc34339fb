package io.github.capacityemulator.core.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private final Timeline timeline = new Timeline(List.of(new Transition("Creating", 0, 300),
            new Transition("Updating", 500, 620), new Transition("Deleting", 1000, 1120)));

    @Test
    void statusIsTheTransitionInProgressElseTheRestingOne() {
        assertThat(timeline.statusAt(0, "InService")).isEqualTo("Creating");
        assertThat(timeline.statusAt(299, "InService")).isEqualTo("Creating");
        assertThat(timeline.statusAt(300, "InService")).isEqualTo("InService");
        assertThat(timeline.statusAt(500, "InService")).isEqualTo("Updating");
        assertThat(timeline.statusAt(700, "Failed")).isEqualTo("Failed");
        assertThat(timeline.inProgress(800)).isEmpty();
    }

    @Test
    void finishedAndLastEndFollowTheClock() {
        assertThat(timeline.finished("Deleting", 1119)).isFalse();
        assertThat(timeline.finished("Deleting", 1120)).isTrue();
        assertThat(timeline.finished("RollingBack", 5000)).isFalse();
        assertThat(timeline.lastEnd(-1)).isEqualTo(1120);
        assertThat(new Timeline(List.of()).lastEnd(42)).isEqualTo(42);
    }

    @Test
    void stableIdsAreTheSameForTheSamePartsAndSeparatePartBoundaries() {
        assertThat(StableIds.hex("cluster", "g", "1")).isEqualTo(StableIds.hex("cluster", "g", "1")).hasSize(64);
        assertThat(StableIds.hex("ab", "c")).isNotEqualTo(StableIds.hex("a", "bc"));
    }
}
