package io.github.capacityemulator.core.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.store.ResourceTable;
import io.github.capacityemulator.core.store.StoredResource;

import java.util.List;

/** Answers a List operation over a resource table: one keyset page of stored summaries and a NextToken. */
public final class ResourceLister {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PageTokens tokens;

    public ResourceLister(PageTokens tokens) {
        this.tokens = tokens;
    }

    public ObjectNode list(RequestContext ctx, String operation, ResourceTable table, JsonNode input,
                           String summariesMember, int defaultMaxResults) {
        int max = input.path("MaxResults").asInt(defaultMaxResults);
        Long afterCreated = null;
        String afterName = null;
        if (input.hasNonNull("NextToken")) {
            List<String> key = tokens.open(ctx, operation, input.get("NextToken").asText());
            if (key.size() != 2) {
                throw new io.github.capacityemulator.core.error.ValidationException(
                        "Invalid pagination token given. Use the NextToken from the previous response.");
            }
            afterCreated = Long.parseLong(key.get(0));
            afterName = key.get(1);
        }
        List<StoredResource> rows = table.page(ctx.account(), ctx.region(), afterCreated, afterName, max + 1);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode summaries = out.putArray(summariesMember);
        rows.stream().limit(max).forEach(r -> summaries.add(r.bodyJson()));
        if (rows.size() > max) {
            StoredResource last = rows.get(max - 1);
            out.put("NextToken", tokens.issue(ctx, operation, List.of(Long.toString(last.createdAtMillis()), last.name())));
        }
        return out;
    }
}
