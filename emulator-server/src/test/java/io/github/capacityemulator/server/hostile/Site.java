package io.github.capacityemulator.server.hostile;

import io.github.capacityemulator.core.contract.Shape;

import java.util.List;

/**
 * A place in an operation's input where a value goes: the steps from the body down to it, and the shape the value
 * there must have.
 *
 * @param required whether the value is a structure member the model requires
 */
record Site(String operation, List<Step> steps, Shape shape, boolean required) {

    /** One step down: into a structure member, a list's (first) element, a map's value, or a map's key. */
    record Step(Kind kind, String member) {
        enum Kind { MEMBER, ELEMENT, MAP_VALUE, MAP_KEY }

        static Step into(String name) {
            return new Step(Kind.MEMBER, name);
        }
    }

    /** The name of the member nearest the value (a list element's is its list's): how seeded values are found. */
    String memberName() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kind() == Step.Kind.MEMBER) {
                return steps.get(i).member();
            }
        }
        return "";
    }

    /** Whether the value is a structure member (so it can be left out, or written twice). */
    boolean isMember() {
        return !steps.isEmpty() && steps.get(steps.size() - 1).kind() == Step.Kind.MEMBER;
    }

    /** Whether the value is a map's key: JSON text of a name, which the reader checks before the validator sees it. */
    boolean isKey() {
        return !steps.isEmpty() && steps.get(steps.size() - 1).kind() == Step.Kind.MAP_KEY;
    }

    /** The path as SageMaker's messages write it: {@code instanceGroups.1.member.instanceCount}. */
    String path() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (out.length() > 0) {
                out.append('.');
            }
            switch (step.kind()) {
                case MEMBER -> out.append(Character.toLowerCase(step.member().charAt(0))).append(step.member().substring(1));
                case ELEMENT -> out.append("1.member");
                case MAP_VALUE -> out.append("<key>");
                case MAP_KEY -> out.append("<a key>");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return operation + " " + path() + " (" + shape.name() + ", " + shape.type().name().toLowerCase(java.util.Locale.ROOT)
                + (required ? ", required" : "") + ")";
    }
}
