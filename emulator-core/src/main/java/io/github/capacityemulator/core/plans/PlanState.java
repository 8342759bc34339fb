package io.github.capacityemulator.core.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as it stands at {@code now}: status is a function of the facts and the clock. Pending while the
 * payment is collected, Failed if it was refused, then Scheduled, Active during a block, Scheduled again
 * between blocks, Expired after the last.
 */
final class PlanState {

    static final String PENDING = "Pending";
    static final String FAILED = "Failed";
    static final String SCHEDULED = "Scheduled";
    static final String ACTIVE = "Active";
    static final String EXPIRED = "Expired";

    static final String MESSAGE_PENDING = "Payment is being processed.";
    static final String MESSAGE_FAILED = "Payment failed: the upfront fee could not be collected.";
    static final String MESSAGE_CONFIRMED = "Payment confirmed, training plan scheduled.";

    /** A block with its end moved by the extensions that count now. */
    record BlockState(BlockFacts facts, long end, String status) {
        long durationMillis() {
            return end - facts.start();
        }
    }

    private final PlanFacts plan;
    private final List<BlockState> blocks;
    private final List<ExtensionFacts> extensions;
    private final long now;
    private final String status;
    /** Instances the consumers use of each reserved capacity (by ARN), as they reported it. */
    private final java.util.Map<String, Integer> inUseByBlock;
    private final int claimed;

    PlanState(PlanFacts plan, List<BlockFacts> blocks, List<ExtensionFacts> extensions, long now) {
        this(plan, blocks, extensions, now, java.util.Map.of(), 0);
    }

    private PlanState(PlanState base, java.util.Map<String, Integer> inUseByBlock, int claimed) {
        this.plan = base.plan;
        this.blocks = base.blocks;
        this.extensions = base.extensions;
        this.now = base.now;
        this.status = base.status;
        this.inUseByBlock = java.util.Map.copyOf(inUseByBlock);
        this.claimed = claimed;
    }

    /** The same state with what the consumers of its reserved capacity use and claim. */
    PlanState withUse(java.util.Map<String, Integer> use, int claimedByConsumers) {
        return new PlanState(this, use, claimedByConsumers);
    }

    private PlanState(PlanFacts plan, List<BlockFacts> blocks, List<ExtensionFacts> extensions, long now,
                      java.util.Map<String, Integer> inUseByBlock, int claimed) {
        this.plan = plan;
        this.inUseByBlock = inUseByBlock;
        this.claimed = claimed;
        this.extensions = List.copyOf(extensions);
        this.now = now;
        String paymentStatus = now < plan.paymentDueAt() ? PENDING : plan.paymentFailed() ? FAILED : null;
        List<BlockState> states = new ArrayList<>();
        for (BlockFacts block : blocks) {
            // Extensions prolong a block as an unbroken chain from its end: a failed link ends the chain.
            long end = block.end();
            List<ExtensionFacts> ofBlock = extensions.stream().filter(e -> e.blockArn().equals(block.arn()))
                    .sorted(java.util.Comparator.comparingLong(ExtensionFacts::start)).toList();
            for (ExtensionFacts e : ofBlock) {
                if (e.start() == end && e.countsAt(now)) {
                    end = e.end();
                }
            }
            states.add(new BlockState(block, end, paymentStatus != null ? paymentStatus : timeStatus(block.start(), end, now)));
        }
        this.blocks = List.copyOf(states);
        if (paymentStatus != null) {
            this.status = paymentStatus;
        } else if (states.stream().anyMatch(b -> b.status().equals(ACTIVE))) {
            this.status = ACTIVE;
        } else if (now >= endTime()) {
            this.status = EXPIRED;
        } else {
            this.status = SCHEDULED;
        }
    }

    /** Scheduled before {@code start}, Active until {@code end}, Expired after. */
    static String timeStatus(long start, long end, long now) {
        return now < start ? SCHEDULED : now < end ? ACTIVE : EXPIRED;
    }

    PlanFacts plan() {
        return plan;
    }

    List<BlockState> blocks() {
        return blocks;
    }

    List<ExtensionFacts> extensions() {
        return extensions;
    }

    long now() {
        return now;
    }

    String status() {
        return status;
    }

    String statusMessage() {
        return switch (status) {
            case PENDING -> MESSAGE_PENDING;
            case FAILED -> MESSAGE_FAILED;
            default -> MESSAGE_CONFIRMED;
        };
    }

    boolean isExtendable() {
        return status.equals(SCHEDULED) || status.equals(ACTIVE);
    }

    /** An extension whose payment is still being collected: the plan's end is not settled yet. */
    boolean hasPendingExtension() {
        return extensions.stream().anyMatch(e -> now < e.paymentDueAt());
    }

    /** Whether it still takes a place in the plans-per-region quota. */
    boolean isLive() {
        return status.equals(PENDING) || status.equals(SCHEDULED) || status.equals(ACTIVE);
    }

    long startTime() {
        return blocks.stream().mapToLong(b -> b.facts().start()).min().orElse(0L);
    }

    long endTime() {
        return blocks.stream().mapToLong(BlockState::end).max().orElse(0L);
    }

    long totalMinutes() {
        return blocks.stream().mapToLong(BlockState::durationMillis).sum() / 60_000;
    }

    BlockState lastBlock() {
        return blocks.get(blocks.size() - 1);
    }

    int totalInstances() {
        return plan.instancesPerBlock();
    }

    int spareInstances() {
        return plan.isUltraServer() ? plan.sparePerUltraServer() * plan.ultraServerCount() : 0;
    }

    /** Instances consumers may use in a block: all but the UltraServer spares. */
    int usableInstances() {
        return totalInstances() - spareInstances();
    }

    /** Instances the consumers use of a block (never more than it has): only an active block is used. */
    int inUse(BlockState block) {
        return block.status().equals(ACTIVE) ? Math.min(inUseByBlock.getOrDefault(block.facts().arn(), 0), usableInstances()) : 0;
    }

    /** Instances a consumer can still take of a block now: none unless it is active. */
    int available(BlockState block) {
        return block.status().equals(ACTIVE) ? usableInstances() - inUse(block) : 0;
    }

    /** The plan's use: that of its active block (one at a time). */
    int inUseInstances() {
        return blocks.stream().mapToInt(this::inUse).sum();
    }

    /** Instances the consumers have claimed, in a block or not (room checks). */
    int claimed() {
        return claimed;
    }

    /** Instances a consumer can use now: all but spares and those in use, while a block is active. */
    int availableInstances() {
        return status.equals(ACTIVE) ? usableInstances() - inUseInstances() : 0;
    }
}
