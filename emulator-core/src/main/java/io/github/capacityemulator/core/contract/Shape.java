package io.github.capacityemulator.core.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One shape of the contract, with the constraints the model states for it.
 *
 * @param member   the element shape of a list
 * @param key      the key shape of a map
 * @param value    the value shape of a map
 * @param pattern  the model's pattern, compiled for a full match
 */
public record Shape(
        String name,
        ShapeType type,
        List<Member> members,
        boolean union,
        String member,
        String key,
        String value,
        BigDecimal min,
        BigDecimal max,
        Pattern pattern,
        List<String> enumValues,
        String timestampFormat) {

    public Optional<Member> findMember(String memberName) {
        return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
    }

    public boolean hasEnum() {
        return enumValues != null && !enumValues.isEmpty();
    }
}
