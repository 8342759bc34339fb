package io.github.capacityemulator.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;

import java.math.BigDecimal;
import java.time.Instant;

/** SageMaker's timestamps on the wire: epoch seconds as JSON numbers, with a millisecond fraction when needed. */
public final class Timestamps {

    private Timestamps() {
    }

    public static JsonNode json(long epochMillis) {
        return epochMillis % 1000 == 0
                ? LongNode.valueOf(epochMillis / 1000)
                : DecimalNode.valueOf(BigDecimal.valueOf(epochMillis, 3));
    }

    /** Reads a timestamp the validator has let through (a JSON number of epoch seconds). */
    public static Instant read(JsonNode node) {
        BigDecimal millis = node.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }
}
