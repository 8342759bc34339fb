package io.github.capacityemulator.core.plans;

import io.github.capacityemulator.core.capacity.ReservedBlock;
import io.github.capacityemulator.core.capacity.ReservedCapacity;
import io.github.capacityemulator.core.capacity.ReservedPlan;
import io.github.capacityemulator.core.capacity.ReservedPlans;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's state at a time: its facts, blocks and extensions read in the caller's transaction, with what every
 * consumer of its reserved capacity uses and claims. It is also what consumers see of plans ({@link ReservedPlans}).
 */
final class PlanStates implements ReservedPlans {

    private final PlanRepository records;
    private final ReservedCapacity consumers;

    PlanStates(PlanRepository records, ReservedCapacity consumers) {
        this.records = records;
        this.consumers = consumers;
    }

    PlanState of(Sql sql, RequestContext ctx, PlanFacts plan, long now) throws SQLException {
        return of(sql, ctx.account(), ctx.region(), plan, now);
    }

    private PlanState of(Sql sql, String account, String region, PlanFacts plan, long now) throws SQLException {
        PlanState base = new PlanState(plan, records.blocks(sql, account, region, plan.name()),
                records.extensions(sql, account, region, plan.name()), now);
        Map<String, Integer> use = new HashMap<>();
        for (PlanState.BlockState b : base.blocks()) {
            use.put(b.facts().arn(), consumers.inUse(sql, account, region, plan.arn(), view(base, b), now));
        }
        return base.withUse(use, consumers.claimed(sql, account, region, plan.arn(), now));
    }

    PlanState byName(Sql sql, RequestContext ctx, String name, long now) throws SQLException {
        return of(sql, ctx, records.planByName(sql, ctx.account(), ctx.region(), name)
                .orElseThrow(() -> new ResourceNotFound("Training plan '" + name + "' does not exist.")), now);
    }

    /** The plan owning a reserved capacity, and that block. */
    PlanState ofBlock(Sql sql, RequestContext ctx, String rcArn, long now) throws SQLException {
        BlockFacts block = records.blockByArn(sql, ctx.account(), ctx.region(), rcArn)
                .orElseThrow(() -> new ResourceNotFound("Reserved capacity " + rcArn + " does not exist."));
        return of(sql, ctx, records.planByName(sql, ctx.account(), ctx.region(), block.planName()).orElseThrow(), now);
    }

    static PlanState.BlockState block(PlanState plan, String arn) {
        return plan.blocks().stream().filter(b -> b.facts().arn().equals(arn)).findFirst().orElseThrow();
    }

    @Override
    public Optional<ReservedPlan> find(Sql sql, String account, String region, String planArn, long now)
            throws SQLException {
        Optional<PlanFacts> plan = records.planByArn(sql, account, region, planArn);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PlanState s = of(sql, account, region, plan.get(), now);
        List<ReservedBlock> blocks = s.blocks().stream().map(b -> view(s, b)).toList();
        return Optional.of(new ReservedPlan(s.plan().name(), s.plan().arn(), s.status(), s.plan().targetResources(),
                s.plan().instanceType(), s.usableInstances(), s.claimed(), blocks));
    }

    @Override
    public Optional<ReservedPlan> reservation(Sql sql, String account, String region, String planArn, long now)
            throws SQLException {
        Optional<PlanFacts> plan = records.planByArn(sql, account, region, planArn);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PlanState s = new PlanState(plan.get(), records.blocks(sql, account, region, plan.get().name()),
                records.extensions(sql, account, region, plan.get().name()), now);
        return Optional.of(new ReservedPlan(s.plan().name(), s.plan().arn(), s.status(), s.plan().targetResources(),
                s.plan().instanceType(), s.usableInstances(), 0, s.blocks().stream().map(b -> view(s, b)).toList()));
    }

    /** A block with the extensions bought for it, so that a consumer can tell its end at any past time. */
    private static ReservedBlock view(PlanState s, PlanState.BlockState b) {
        List<ReservedBlock.Prolongation> prolongations = s.extensions().stream()
                .filter(e -> e.blockArn().equals(b.facts().arn()))
                .map(e -> new ReservedBlock.Prolongation(e.extendedAt(), e.sequence(), e.start(), e.end(),
                        e.paymentFailed() ? e.paymentDueAt() : ReservedBlock.Prolongation.NEVER))
                .toList();
        return new ReservedBlock(b.facts().arn(), b.facts().zone(), b.facts().start(), b.end(), b.status(),
                b.facts().end(), prolongations);
    }
}
