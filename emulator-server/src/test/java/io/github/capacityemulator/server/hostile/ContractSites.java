package io.github.capacityemulator.server.hostile;

import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Member;
import io.github.capacityemulator.core.contract.OperationContract;
import io.github.capacityemulator.core.contract.Shape;
import io.github.capacityemulator.core.contract.ShapeType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every site of every emulated operation's input, read from the contract: each member of each structure reachable
 * from the input shape, through list elements and map values, and each map's keys. A shape already on the path is not entered again (the
 * model has recursive shapes), and the walk stops {@link #MAX_DEPTH} members down, deeper than any input nests.
 */
final class ContractSites {

    static final int MAX_DEPTH = 8;

    private final ApiContract contract;
    private final Map<String, List<Site>> byOperation = new LinkedHashMap<>();

    ContractSites(ApiContract contract) {
        this.contract = contract;
        for (String operation : new java.util.TreeSet<>(contract.emulatedOperations())) {
            OperationContract op = contract.operation(operation).orElseThrow();
            List<Site> sites = new ArrayList<>();
            if (op.input() != null) {
                Shape input = contract.shape(op.input());
                walk(operation, input, new ArrayList<>(), new HashSet<>(Set.of(input.name())), sites);
            }
            byOperation.put(operation, List.copyOf(sites));
        }
    }

    /** The emulated operations, sorted by name so that a seed means the same runs on every machine. */
    List<String> operations() {
        return List.copyOf(byOperation.keySet());
    }

    List<Site> sites(String operation) {
        return byOperation.get(operation);
    }

    int count() {
        return byOperation.values().stream().mapToInt(List::size).sum();
    }

    ApiContract contract() {
        return contract;
    }

    private void walk(String operation, Shape structure, List<Site.Step> path, Set<String> onPath, List<Site> out) {
        if (path.stream().filter(s -> s.kind() == Site.Step.Kind.MEMBER).count() >= MAX_DEPTH) {
            return;
        }
        for (Member member : structure.members()) {
            List<Site.Step> steps = new ArrayList<>(path);
            steps.add(Site.Step.into(member.name()));
            Shape shape = contract.shape(member.shapeName());
            out.add(new Site(operation, List.copyOf(steps), shape, member.required()));
            descend(operation, shape, steps, onPath, out);
        }
    }

    private void descend(String operation, Shape shape, List<Site.Step> steps, Set<String> onPath, List<Site> out) {
        if (!onPath.add(shape.name())) {
            return;
        }
        try {
            if (shape.type() == ShapeType.STRUCTURE) {
                walk(operation, shape, steps, onPath, out);
            } else if (shape.type() == ShapeType.LIST || shape.type() == ShapeType.MAP) {
                boolean list = shape.type() == ShapeType.LIST;
                List<Site.Step> inner = new ArrayList<>(steps);
                inner.add(new Site.Step(list ? Site.Step.Kind.ELEMENT : Site.Step.Kind.MAP_VALUE, null));
                Shape element = contract.shape(list ? shape.member() : shape.value());
                out.add(new Site(operation, List.copyOf(inner), element, false));
                if (!list) {
                    List<Site.Step> key = new ArrayList<>(steps);
                    key.add(new Site.Step(Site.Step.Kind.MAP_KEY, null));
                    out.add(new Site(operation, List.copyOf(key), contract.shape(shape.key()), false));
                }
                descend(operation, element, inner, onPath, out);
            }
        } finally {
            onPath.remove(shape.name());
        }
    }
}
