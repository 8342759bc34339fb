package io.github.capacityemulator.core.faults;

import io.github.capacityemulator.core.caller.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Fault rules, checked in the order they were added; the first one that fires decides. */
public final class FaultInjector {

    /** Status and message of the well-known codes. */
    private static final Map<String, Object[]> KNOWN = Map.of(
            "ThrottlingException", new Object[] {400, "Rate exceeded"},
            "InternalFailure", new Object[] {500, "We encountered an internal error. Please try again."},
            "ServiceUnavailable", new Object[] {503, "Service Unavailable"});

    private final List<Active> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    private static final class Active {
        final String id;
        final FaultSpec spec;
        final Random random;
        int fired;
        Integer remaining;

        Active(String id, FaultSpec spec) {
            this.id = id;
            this.spec = spec;
            this.random = spec.seed() == null ? new Random() : new Random(spec.seed());
            this.remaining = spec.count();
        }

        FaultRule view() {
            return new FaultRule(id, spec, fired, remaining);
        }
    }

    /** The effect of a rule that fired. */
    public record Effect(long latencyMillis, InjectedFault error) {
    }

    public synchronized FaultRule add(FaultSpec spec) {
        FaultSpec complete = complete(spec);
        Active rule = new Active("fault-" + ids.incrementAndGet(), complete);
        rules.add(rule);
        return rule.view();
    }

    private static FaultSpec complete(FaultSpec s) {
        if (s.operation() == null || s.operation().isBlank()) {
            throw new IllegalArgumentException("operation is required (a SageMaker operation name, or \"*\" for any)");
        }
        if (s.errorCode() != null && !s.errorCode().matches("[A-Za-z][A-Za-z0-9._:-]{0,127}")) {
            throw new IllegalArgumentException("error.code must be an error code such as ThrottlingException");
        }
        if (s.errorCode() == null && (s.httpStatus() != null || s.message() != null)) {
            throw new IllegalArgumentException("error.status and error.message need an error.code");
        }
        if (s.errorCode() == null && s.latencyMillis() == null) {
            throw new IllegalArgumentException("give an error (\"error\": {\"code\": ...}) or \"latencyMillis\", or both");
        }
        if (s.latencyMillis() != null && (s.latencyMillis() < 0 || s.latencyMillis() > 60_000)) {
            throw new IllegalArgumentException("latencyMillis must be from 0 to 60000");
        }
        if (s.count() != null && s.count() < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        if (s.probability() != null && !(s.probability() > 0 && s.probability() <= 1)) {
            throw new IllegalArgumentException("probability must be > 0 and <= 1");
        }
        if (s.count() != null && s.probability() != null) {
            throw new IllegalArgumentException("give count or probability, not both");
        }
        Integer status = s.httpStatus();
        String message = s.message();
        if (s.errorCode() != null) {
            Object[] known = KNOWN.get(s.errorCode());
            if (status == null) {
                status = known != null ? (Integer) known[0] : 400;
            }
            if (message == null) {
                message = known != null ? (String) known[1] : "Injected fault " + s.errorCode() + ".";
            }
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP error status, 400 to 599");
            }
        }
        return new FaultSpec(s.operation(), s.account(), s.region(), s.errorCode(), status, message, s.latencyMillis(),
                s.count(), s.probability(), s.seed());
    }

    public synchronized List<FaultRule> list() {
        return rules.stream().map(Active::view).toList();
    }

    /** Removes every rule; ids start again from fault-1, as after start-up. */
    public synchronized void clear() {
        rules.clear();
        ids.set(0);
    }

    /** The effect of the first rule that matches and fires for this call, or null. */
    public synchronized Effect apply(RequestContext ctx, String operation) {
        for (Active rule : rules) {
            FaultSpec s = rule.spec;
            boolean matches = ("*".equals(s.operation()) || s.operation().equals(operation))
                    && (s.account() == null || s.account().equals(ctx.account()))
                    && (s.region() == null || s.region().equals(ctx.region()));
            if (!matches || (rule.remaining != null && rule.remaining == 0)) {
                continue;
            }
            if (s.probability() != null && rule.random.nextDouble() >= s.probability()) {
                continue;
            }
            if (rule.remaining != null) {
                rule.remaining--;
            }
            rule.fired++;
            return new Effect(s.latencyMillis() == null ? 0 : s.latencyMillis(),
                    s.errorCode() == null ? null : new InjectedFault(s.errorCode(), s.httpStatus(), s.message()));
        }
        return null;
    }
}
