package io.github.capacityemulator.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestJournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordedRequest request(int i, JsonNode input) {
        return new RecordedRequest(Instant.EPOCH.plusSeconds(i), "DescribeCluster", "000000000000", "us-east-1", 400,
                "SerializationException", 1, "id-" + i, input);
    }

    /**
     * Defect (issue 10): the journal kept each request's parsed tree: 1,000 bodies of 61 KiB of empty objects held
     * 1.67 GB of heap. It keeps bodies as bytes, within a budget of bytes, oldest dropped first.
     */
    @Test
    void bodiesAreKeptAsBytesWithinABudgetWhateverTheyAre() {
        RequestJournal journal = new RequestJournal(1000);
        ArrayNode objects = JSON.createArrayNode();
        for (int i = 0; i < 21_000; i++) {
            objects.addObject();
        }
        JsonNode body = JSON.createObjectNode().set("ClusterName", objects);
        for (int i = 0; i < 1000; i++) {
            journal.record(request(i, body));
        }
        assertThat(journal.retainedBodyBytes()).isLessThanOrEqualTo(RequestJournal.BODY_BYTES_BUDGET);
        List<RecordedRequest> kept = journal.list(null);
        assertThat(kept.size()).as("the newest that fit the budget").isBetween(100, 999);
        assertThat(kept.get(kept.size() - 1).requestId()).isEqualTo("id-999");
        assertThat(kept.get(kept.size() - 1).input()).isEqualTo(body);
    }

    @Test
    void smallBodiesAreKeptUpToTheCountAndComeBackAsSent() throws Exception {
        RequestJournal journal = new RequestJournal(3);
        for (int i = 0; i < 5; i++) {
            journal.record(request(i, JSON.readTree("{\"ClusterName\":\"c" + i + "\"}")));
        }
        journal.record(request(5, null));
        assertThat(journal.list(null)).extracting(RecordedRequest::requestId).containsExactly("id-3", "id-4", "id-5");
        assertThat(journal.list(null).get(0).input()).isEqualTo(JSON.readTree("{\"ClusterName\":\"c3\"}"));
        assertThat(journal.list(null).get(2).input()).isNull();
        journal.clear();
        assertThat(journal.list(null)).isEmpty();
        assertThat(journal.retainedBodyBytes()).isZero();
    }

    /**
     * Defect (issue 10): a number beyond double, such as {@code 1e400} (which the edge reads exactly), came back from
     * the journal as the string "Infinity": the journal showed a request its client never sent.
     */
    @Test
    void numbersComeBackAsWrittenHoweverLarge() throws Exception {
        RequestJournal journal = new RequestJournal(3);
        ObjectMapper edge = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode sent = edge.readTree("{\"MaxResults\":1e400,\"NextToken\":123456789012345678901234567890,\"x\":0.1}");
        journal.record(request(0, sent));
        JsonNode kept = journal.list(null).get(0).input();
        assertThat(kept.get("MaxResults").isNumber()).as(kept.toString()).isTrue();
        assertThat(kept.get("MaxResults").decimalValue()).isEqualByComparingTo("1e400");
        assertThat(kept.get("NextToken").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(kept.get("x").decimalValue()).isEqualByComparingTo("0.1");
    }
}
