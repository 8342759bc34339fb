package io.github.capacityemulator.core.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.RequestContext;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.store.Store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AddTags, ListTags and DeleteTags on any emulated resource of the caller's account and region. */
public final class TagService {

    public static final int MAX_TAGS_PER_RESOURCE = 50;
    private static final int DEFAULT_MAX_RESULTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final TagRecords records;
    private final PageTokens tokens;

    public TagService(Store store, TagRecords records, PageTokens tokens) {
        this.store = store;
        this.records = records;
        this.tokens = tokens;
    }

    /** Reads a validated Tags list; a repeated key keeps its last value. */
    public static List<Tag> tagsOf(JsonNode list) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(t -> byKey.put(t.get("Key").asText(), new Tag(t.get("Key").asText(), t.get("Value").asText())));
        }
        return List.copyOf(byKey.values());
    }

    /** Adds tags inside a caller's write (e.g. a Create); refuses to go over the per-resource limit. */
    public void addTags(Connection c, RequestContext ctx, String arn, List<Tag> tags) throws SQLException {
        Map<String, String> after = new LinkedHashMap<>();
        records.tags(c, ctx.account(), ctx.region(), arn).forEach(t -> after.put(t.key(), t.value()));
        tags.forEach(t -> after.put(t.key(), t.value()));
        if (after.size() > MAX_TAGS_PER_RESOURCE) {
            throw new ValidationException("Too many tags: resource " + arn + " would have " + after.size()
                    + " tags; a resource can have at most " + MAX_TAGS_PER_RESOURCE + ".");
        }
        for (Tag tag : tags) {
            records.put(c, ctx.account(), ctx.region(), arn, tag);
        }
    }

    /** Removes every tag of a resource that is gone, inside the caller's write. */
    public void deleteAll(Connection c, RequestContext ctx, String arn) throws SQLException {
        for (Tag tag : records.tags(c, ctx.account(), ctx.region(), arn)) {
            records.delete(c, ctx.account(), ctx.region(), arn, tag.key());
        }
    }

    public JsonNode add(RequestContext ctx, JsonNode input) {
        String arn = input.get("ResourceArn").asText();
        List<Tag> tags = tagsOf(input.get("Tags"));
        return store.write(c -> {
            requireExists(c, ctx, arn);
            addTags(c, ctx, arn, tags);
            ObjectNode out = JSON.createObjectNode();
            out.set("Tags", json(records.tags(c, ctx.account(), ctx.region(), arn)));
            return out;
        });
    }

    public JsonNode list(RequestContext ctx, JsonNode input) {
        String arn = input.get("ResourceArn").asText();
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        String after = input.hasNonNull("NextToken")
                ? tokens.open(ctx, "ListTags:" + arn, input.get("NextToken").asText()).get(0) : null;
        return store.read(c -> {
            requireExists(c, ctx, arn);
            List<Tag> all = records.tags(c, ctx.account(), ctx.region(), arn).stream()
                    .filter(t -> after == null || t.key().compareTo(after) > 0).toList();
            ObjectNode out = JSON.createObjectNode();
            out.set("Tags", json(all.subList(0, Math.min(max, all.size()))));
            if (all.size() > max) {
                out.put("NextToken", tokens.issue(ctx, "ListTags:" + arn, List.of(all.get(max - 1).key())));
            }
            return out;
        });
    }

    public JsonNode delete(RequestContext ctx, JsonNode input) {
        String arn = input.get("ResourceArn").asText();
        return store.write(c -> {
            requireExists(c, ctx, arn);
            for (JsonNode key : input.get("TagKeys")) {
                records.delete(c, ctx.account(), ctx.region(), arn, key.asText());
            }
            return JSON.createObjectNode();
        });
    }

    private void requireExists(Connection c, RequestContext ctx, String arn) throws SQLException {
        if (!records.resourceExists(c, ctx.account(), ctx.region(), arn)) {
            throw new ResourceNotFound("Resource " + arn + " does not exist in account " + ctx.account()
                    + " and region " + ctx.region() + ".");
        }
    }

    private static ArrayNode json(List<Tag> tags) {
        ArrayNode out = JSON.createArrayNode();
        tags.forEach(t -> out.addObject().put("Key", t.key()).put("Value", t.value()));
        return out;
    }
}
