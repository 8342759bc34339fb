package io.github.capacityemulator.core.capacity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfferingSearchTest {

    private static final Instant T0 = Instant.parse("2030-03-01T07:00:00Z");
    private static final String POOL = "ml.p5.48xlarge";

    private static CapacityWindow window(String from, String to, int count) {
        return new CapacityWindow(Instant.parse(from), to == null ? null : Instant.parse(to), count);
    }

    private static OfferingSearch searchOver(Map<String, List<CapacityWindow>> byZone, List<CapacityHold> holds) {
        return new OfferingSearch(List.copyOf(byZone.keySet()), (zone, origin) ->
                new OfferingSearch.FreeCapacityInputs(byZone.get(zone),
                        holds.stream().filter(h -> h.zone().equals(zone)).toList()));
    }

    private static OfferingSearch.Request request(int units, int days, boolean singleZone, Instant endBefore) {
        return new OfferingSearch.Request(POOL, units, days, singleZone, T0, T0.plus(Duration.ofDays(56)), endBefore);
    }

    @Test
    void blocksEndAt1130UtcOnTheDayTheirDaysEnd() {
        assertThat(CapacityBlock.of("z", T0, 2).end()).isEqualTo(Instant.parse("2030-03-03T11:30:00Z"));
        assertThat(CapacityBlock.of("z", Instant.parse("2030-03-01T23:00:00Z"), 1).end())
                .isEqualTo(Instant.parse("2030-03-02T11:30:00Z"));
        assertThat(CapacityBlock.of("z", Instant.parse("2030-03-01T00:00:00Z"), 7).duration())
                .isEqualTo(Duration.ofHours(7 * 24 + 11).plusMinutes(30));
    }

    @Test
    void upToThreeSingleBlocksEarliestFirstADayApartInTheFirstZoneWithRoom() {
        var search = searchOver(Map.of(
                "us-east-1a", List.of(window("2020-01-01T00:00:00Z", null, 4)),
                "us-east-1b", List.of(window("2020-01-01T00:00:00Z", null, 8))), List.of());
        List<List<CapacityBlock>> found = search.search(request(8, 2, true, null));
        assertThat(found).hasSize(3);
        assertThat(found).allSatisfy(o -> assertThat(o).hasSize(1)
                .allSatisfy(b -> assertThat(b.zone()).isEqualTo("us-east-1b")));
        assertThat(found.get(0).get(0).start()).isEqualTo(T0);
        assertThat(found.get(1).get(0).start()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(found.get(2).get(0).start()).isEqualTo(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void aWeekWithoutCapacityIsSkipped() {
        var search = searchOver(Map.of("us-east-1a", List.of(
                window("2020-01-01T00:00:00Z", "2030-03-01T00:00:00Z", 8),
                window("2030-03-08T00:00:00Z", null, 8))), List.of());
        List<List<CapacityBlock>> found = search.search(request(8, 1, true, null));
        assertThat(found.get(0).get(0).start()).isEqualTo(Instant.parse("2030-03-08T00:00:00Z"));
    }

    @Test
    void holdsTakeCapacityForAnyPartOfAnHour() {
        // 8 exist; a block held until 11:30 on the 3rd leaves nothing until 12:00.
        var held = new CapacityHold("us-east-1a", POOL, 8, T0, Instant.parse("2030-03-03T11:30:00Z"));
        var search = searchOver(Map.of("us-east-1a", List.of(window("2020-01-01T00:00:00Z", null, 8))), List.of(held));
        assertThat(search.search(request(8, 1, true, null)).get(0).get(0).start())
                .isEqualTo(Instant.parse("2030-03-03T12:00:00Z"));
        assertThat(search.search(request(1, 1, true, null)).get(0).get(0).start())
                .as("nothing is left beside the hold, whatever the count")
                .isEqualTo(Instant.parse("2030-03-03T12:00:00Z"));
    }

    @Test
    void onlyASplitFitsThenTwoBlocksInOneZoneForHyperPod() {
        // 4 days free, 2 days gone, then free again: a 6-day plan must be split.
        var search = searchOver(Map.of("us-east-1a", List.of(
                window("2030-03-01T00:00:00Z", "2030-03-05T12:00:00Z", 8),
                window("2030-03-07T12:00:00Z", "2030-03-10T12:00:00Z", 8))), List.of());
        List<List<CapacityBlock>> found = search.search(request(8, 6, true, Instant.parse("2030-03-10T12:00:00Z")));
        assertThat(found).isNotEmpty();
        List<CapacityBlock> split = found.get(0);
        assertThat(split).hasSize(2);
        assertThat(split.get(0).start()).isEqualTo(T0);
        assertThat(split.get(0).end()).isEqualTo(Instant.parse("2030-03-05T11:30:00Z"));
        assertThat(split.get(1).start()).isEqualTo(Instant.parse("2030-03-07T12:00:00Z"));
        assertThat(split.get(1).end()).isEqualTo(Instant.parse("2030-03-09T11:30:00Z"));
        assertThat(split).extracting(CapacityBlock::zone).containsOnly("us-east-1a");
    }

    @Test
    void trainingJobSplitsMaySpanZonesHyperPodSplitsMayNot() {
        var byZone = Map.of(
                "us-east-1a", List.of(window("2030-03-01T00:00:00Z", "2030-03-04T12:00:00Z", 8)),
                "us-east-1b", List.of(window("2030-03-04T12:00:00Z", "2030-03-20T00:00:00Z", 8)));
        Instant endBefore = Instant.parse("2030-03-07T12:00:00Z");
        List<List<CapacityBlock>> jobs = searchOver(byZone, List.of()).search(request(8, 6, false, endBefore));
        assertThat(jobs).isNotEmpty();
        assertThat(jobs.get(0)).extracting(CapacityBlock::zone).containsExactly("us-east-1a", "us-east-1b");
        assertThat(searchOver(byZone, List.of()).search(request(8, 6, true, endBefore))).isEmpty();
    }

    @Test
    void theSecondBlockOfATrainingJobSplitIsTheEarliestOverAllZones() {
        // Review finding: zone a fits again only late; zone b fits right after the first block.
        var byZone = Map.of(
                "us-east-1a", List.of(window("2030-03-01T00:00:00Z", "2030-03-05T00:00:00Z", 8),
                        window("2030-03-20T00:00:00Z", "2030-03-25T00:00:00Z", 8)),
                "us-east-1b", List.of(window("2030-03-05T00:00:00Z", "2030-03-08T00:00:00Z", 8)));
        List<List<CapacityBlock>> found = searchOver(byZone, List.of()).search(request(8, 5, false, null));
        assertThat(found.get(0)).extracting(CapacityBlock::zone).containsExactly("us-east-1a", "us-east-1b");
        assertThat(found.get(0).get(1).start()).isEqualTo(Instant.parse("2030-03-05T00:00:00Z"));
    }

    @Test
    void nothingAvailableIsAnEmptyList() {
        var search = searchOver(Map.of("us-east-1a", List.of(window("2020-01-01T00:00:00Z", null, 4))), List.of());
        assertThat(search.search(request(8, 1, false, null))).isEmpty();
    }

    @Test
    void endTimeBeforeBoundsEveryBlock() {
        var search = searchOver(Map.of("us-east-1a", List.of(window("2020-01-01T00:00:00Z", null, 8))), List.of());
        Instant endBefore = Instant.parse("2030-03-04T12:00:00Z");
        List<List<CapacityBlock>> found = search.search(request(8, 2, true, endBefore));
        assertThat(found).hasSize(2).allSatisfy(o -> assertThat(o.get(0).end()).isBeforeOrEqualTo(endBefore));
    }
}
