package io.github.capacityemulator.core.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.error.ResourceNotFound;
import io.github.capacityemulator.core.family.FamilyContext;
import io.github.capacityemulator.core.family.HandlerTable;
import io.github.capacityemulator.core.family.OperationFamily;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.family.TaggableKind;
import io.github.capacityemulator.core.paging.PageSizes;
import io.github.capacityemulator.core.paging.PageTokens;
import io.github.capacityemulator.core.requests.AddTagsInput;
import io.github.capacityemulator.core.requests.DeleteTagsInput;
import io.github.capacityemulator.core.requests.ListTagsInput;
import io.github.capacityemulator.core.store.Migration;
import io.github.capacityemulator.core.store.Sql;
import io.github.capacityemulator.core.store.SqlDialect;
import io.github.capacityemulator.core.store.Store;

import java.sql.SQLException;
import java.util.List;

/** AddTags, ListTags and DeleteTags on any resource of a kind some family registered as taggable. */
public final class TagFamily implements OperationFamily {

    private static final int DEFAULT_PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TagStore tags = new TagStore();
    private Store store;
    private PageTokens tokens;
    private List<TaggableKind> kinds;
    private io.github.capacityemulator.core.clock.EmulatorClock clock;

    @Override
    public String schemaName() {
        return "tags";
    }

    @Override
    public List<Migration> migrations(SqlDialect dialect) {
        // Tag columns are twice the model's lengths: the model counts characters, the database UTF-16 units.
        return List.of(new Migration(1, List.of(
                "CREATE TABLE resource_tag (account VARCHAR(12) NOT NULL, region VARCHAR(64) NOT NULL,"
                        + " arn VARCHAR(2048) NOT NULL, tag_key VARCHAR(256) NOT NULL, tag_value VARCHAR(512) NOT NULL,"
                        + " PRIMARY KEY (account, region, arn, tag_key))")));
    }

    @Override
    public List<String> stateTables() {
        return List.of("resource_tag");
    }

    @Override
    public void register(FamilyContext context, HandlerTable handlers) {
        this.store = context.store();
        this.tokens = context.tokens();
        this.kinds = context.taggableKinds();
        this.clock = context.clock();
        handlers.add("AddTags", (ctx, in) -> add(ctx, AddTagsInput.from(in)));
        handlers.add("ListTags", (ctx, in) -> list(ctx, ListTagsInput.from(in)));
        handlers.add("DeleteTags", (ctx, in) -> delete(ctx, DeleteTagsInput.from(in)));
    }

    private JsonNode add(RequestContext ctx, AddTagsInput in) {
        return store.write(sql -> {
            requireExists(sql, ctx, in.resourceArn());
            tags.addTags(sql, ctx.account(), ctx.region(), in.resourceArn(), TagStore.tagsOf(in.tags()));
            ObjectNode out = JSON.createObjectNode();
            out.set("Tags", json(tags.tags(sql, ctx.account(), ctx.region(), in.resourceArn())));
            return out;
        });
    }

    private JsonNode list(RequestContext ctx, ListTagsInput in) {
        String arn = in.resourceArn();
        int max = PageSizes.of(in.maxResults(), DEFAULT_PAGE);
        String operation = "ListTags:" + arn;
        String after = in.nextToken() != null ? tokens.open(ctx, operation, in.nextToken()).get(0) : null;
        return store.read(sql -> {
            requireExists(sql, ctx, arn);
            List<Tag> page = tags.page(sql, ctx.account(), ctx.region(), arn, after, max + 1);
            ObjectNode out = JSON.createObjectNode();
            out.set("Tags", json(page.subList(0, Math.min(max, page.size()))));
            if (page.size() > max) {
                out.put("NextToken", tokens.issue(ctx, operation, List.of(page.get(max - 1).key())));
            }
            return out;
        });
    }

    private JsonNode delete(RequestContext ctx, DeleteTagsInput in) {
        return store.write(sql -> {
            requireExists(sql, ctx, in.resourceArn());
            for (String key : in.tagKeys()) {
                tags.delete(sql, ctx.account(), ctx.region(), in.resourceArn(), key);
            }
            return JSON.createObjectNode();
        });
    }

    private void requireExists(Sql sql, RequestContext ctx, String arn) throws SQLException {
        long now = clock.now().toEpochMilli();
        for (TaggableKind kind : kinds) {
            if (kind.exists(sql, ctx.account(), ctx.region(), arn, now)) {
                return;
            }
        }
        throw new ResourceNotFound("Resource " + arn + " does not exist in account " + ctx.account()
                + " and region " + ctx.region() + ".");
    }

    private static ArrayNode json(List<Tag> list) {
        ArrayNode out = JSON.createArrayNode();
        list.forEach(t -> out.addObject().put("Key", t.key()).put("Value", t.value()));
        return out;
    }
}
