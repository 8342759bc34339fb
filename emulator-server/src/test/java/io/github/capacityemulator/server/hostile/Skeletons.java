package io.github.capacityemulator.server.hostile;

import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request bodies built from the contract: valid everywhere except at one site. The structures on the way down get
 * their required members, lists as many valid elements as they need besides the one on the path, maps one entry.
 */
final class Skeletons {

    private final ValidValues valid;

    Skeletons(ValidValues valid) {
        this.valid = valid;
    }

    ApiContract contract() {
        return valid.contract();
    }

    ValidValues valid() {
        return valid;
    }

    /** The operation's body with only its required members, all valid. */
    RawJson.Obj body(String operation) {
        Shape input = inputShape(operation);
        return input == null ? RawJson.object(List.of()) : valid.structure(input, null, null);
    }

    /**
     * The operation's body with {@code values} at {@code site}: none leaves the member out, two write it twice (a
     * duplicate key, the last one being what a reader that keeps the last sees).
     */
    RawJson.Obj bodyWith(Site site, List<RawJson> values) {
        return (RawJson.Obj) down(inputShape(site.operation()), site.steps(), 0, values);
    }

    /** A valid value for the site, as its skeleton would hold it. */
    RawJson validAt(Site site) {
        return valid.of(site.shape(), site.memberName());
    }

    private Shape inputShape(String operation) {
        String input = contract().operation(operation).orElseThrow().input();
        return input == null ? null : contract().shape(input);
    }

    private RawJson down(Shape shape, List<Site.Step> steps, int index, List<RawJson> values) {
        Site.Step step = steps.get(index);
        boolean last = index == steps.size() - 1;
        switch (step.kind()) {
            case MEMBER -> {
                Shape child = contract().shape(shape.findMember(step.member()).orElseThrow().shapeName());
                return valid.structure(shape, step.member(), last ? values : List.of(down(child, steps, index + 1, values)));
            }
            case ELEMENT -> {
                Shape element = contract().shape(shape.member());
                List<RawJson> items = new ArrayList<>();
                if (last) {
                    items.addAll(values);
                } else {
                    items.add(down(element, steps, index + 1, values));
                }
                while (items.size() < ValidValues.listSize(shape)) {
                    items.add(valid.of(element, ""));
                }
                return new RawJson.Arr(items);
            }
            case MAP_VALUE -> {
                Shape value = contract().shape(shape.value());
                String key = valid.text(contract().shape(shape.key()), "");
                List<Map.Entry<String, RawJson>> entries = new ArrayList<>();
                if (last) {
                    values.forEach(v -> entries.add(Map.entry(key, v)));
                } else {
                    entries.add(Map.entry(key, down(value, steps, index + 1, values)));
                }
                return RawJson.object(entries);
            }
            case MAP_KEY -> {
                // A key is JSON text of its own: a hostile one that is not a string makes the body malformed JSON.
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.write('{');
                byte[] value = valid.of(contract().shape(shape.value()), "").bytes();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    values.get(i).writeTo(out);
                    out.write(':');
                    out.writeBytes(value);
                }
                out.write('}');
                return new RawJson.Bytes(out.toByteArray(), "a map");
            }
            default -> throw new IllegalStateException(step.toString());
        }
    }
}
