package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.paging.PageSizes;
import io.github.capacityemulator.core.requests.ListTrainingPlansRequest;
import io.github.capacityemulator.core.requests.TrainingPlanFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ListTrainingPlans: filters (start time window, Status filters — several Status values mean any of
 * them), sort (StartTime descending by default; ties by name), and a keyset page. Statuses are computed
 * from the clock, so the page is cut from the filtered, sorted list in memory: O(plans of the account and
 * region) per call, which is fine at the scale a test creates. A token is bound (by {@link #toString()}) to
 * the sort and filters that issued it.
 */
record PlanListing(Instant startAfter, Instant startBefore, java.util.SortedSet<String> statuses, String sortBy,
                   boolean ascending, int maxResults) {

    static final List<String> STATUSES = List.of("Pending", "Active", "Scheduled", "Expired", "Failed");

    /** One page and the sort key of its last item when more follow. */
    record Page(List<PlanState> items, List<String> lastKey) {
    }

    static PlanListing of(ListTrainingPlansRequest in) {
        java.util.SortedSet<String> statuses = new java.util.TreeSet<>();
        for (TrainingPlanFilter filter : in.filters() == null ? List.<TrainingPlanFilter>of() : in.filters()) {
            if (!STATUSES.contains(filter.value())) {
                throw new ValidationException("Invalid value '" + filter.value() + "' for filter " + filter.name()
                        + ": valid values are " + STATUSES + ".");
            }
            statuses.add(filter.value());
        }
        return new PlanListing(in.startTimeAfter(), in.startTimeBefore(), statuses,
                in.sortBy() == null ? "StartTime" : in.sortBy(),
                "Ascending".equals(in.sortOrder()),
                PageSizes.of(in.maxResults()));
    }

    Page page(List<PlanState> plans, List<String> after) {
        List<PlanState> kept = new ArrayList<>();
        for (PlanState p : plans) {
            Instant start = Instant.ofEpochMilli(p.startTime());
            if ((startAfter == null || start.isAfter(startAfter))
                    && (startBefore == null || start.isBefore(startBefore))
                    && (statuses.isEmpty() || statuses.contains(p.status()))) {
                kept.add(p);
            }
        }
        Comparator<List<String>> order = keyOrder();
        kept.sort((a, b) -> order.compare(key(a), key(b)));
        if (after != null) {
            if (after.size() != 2) {
                throw new ValidationException("Invalid pagination token given. Use the NextToken from the previous response.");
            }
            kept.removeIf(p -> order.compare(key(p), after) <= 0);
        }
        List<PlanState> items = kept.subList(0, Math.min(maxResults, kept.size()));
        return new Page(List.copyOf(items), kept.size() > maxResults ? key(items.get(items.size() - 1)) : null);
    }

    private List<String> key(PlanState p) {
        String sortKey = switch (sortBy) {
            case "TrainingPlanName" -> p.plan().name();
            case "Status" -> p.status();
            default -> String.format("%020d", p.startTime());
        };
        return List.of(sortKey, p.plan().name());
    }

    /** By the sort key in the asked direction, then by name ascending. */
    private Comparator<List<String>> keyOrder() {
        Comparator<List<String>> bySortKey = Comparator.comparing(k -> k.get(0));
        if (!ascending) {
            bySortKey = bySortKey.reversed();
        }
        return bySortKey.thenComparing(k -> k.get(1));
    }
}
