package io.github.capacityemulator.core.tags;

import io.github.capacityemulator.core.error.ValidationException;
import io.github.capacityemulator.core.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of any emulated resource, keyed by (account, region, ARN, key), inside the caller's transaction. Families
 * use it to tag a resource at creation and to drop the tags of one that is gone.
 */
public final class TagStore {

    public static final int MAX_TAGS_PER_RESOURCE = 50;
    private static final List<String> KEY = List.of("account", "region", "arn", "tag_key");
    private static final List<String> COLUMNS = List.of("account", "region", "arn", "tag_key", "tag_value");

    /** Reads a validated Tags list; a repeated key keeps its last value. */
    public static List<Tag> tagsOf(List<io.github.capacityemulator.core.requests.Tag> list) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(t -> byKey.put(t.key(), new Tag(t.key(), t.value())));
        }
        return List.copyOf(byKey.values());
    }

    /** Adds tags (a key's value is overwritten); refuses to go over the per-resource limit. */
    public void addTags(Sql sql, String account, String region, String arn, List<Tag> tags) throws SQLException {
        Map<String, String> after = new LinkedHashMap<>();
        tags(sql, account, region, arn).forEach(t -> after.put(t.key(), t.value()));
        tags.forEach(t -> after.put(t.key(), t.value()));
        if (after.size() > MAX_TAGS_PER_RESOURCE) {
            throw new ValidationException("Too many tags: resource " + arn + " would have " + after.size()
                    + " tags; a resource can have at most " + MAX_TAGS_PER_RESOURCE + ".");
        }
        for (Tag tag : tags) {
            sql.upsert("resource_tag", KEY, COLUMNS, account, region, arn, tag.key(), tag.value());
        }
    }

    /** The resource's tags, ordered by key. */
    public List<Tag> tags(Sql sql, String account, String region, String arn) throws SQLException {
        return sql.list("SELECT tag_key, tag_value FROM resource_tag WHERE account = ? AND region = ? AND arn = ?"
                + " ORDER BY tag_key", r -> new Tag(r.string(1), r.string(2)), account, region, arn);
    }

    /**
     * A keyset page of a resource's tags: keys after {@code afterKey} (null: from the first), ordered and compared
     * by the database alike, so pages neither skip nor repeat whatever its collation.
     */
    public List<Tag> page(Sql sql, String account, String region, String arn, String afterKey, int limit)
            throws SQLException {
        return sql.list("SELECT tag_key, tag_value FROM resource_tag WHERE account = ? AND region = ? AND arn = ?"
                        + (afterKey == null ? "" : " AND tag_key > ?") + " ORDER BY tag_key LIMIT ?",
                r -> new Tag(r.string(1), r.string(2)), afterKey == null
                        ? new Object[] {account, region, arn, limit} : new Object[] {account, region, arn, afterKey, limit});
    }

    public void delete(Sql sql, String account, String region, String arn, String key) throws SQLException {
        sql.update("DELETE FROM resource_tag WHERE account = ? AND region = ? AND arn = ? AND tag_key = ?",
                account, region, arn, key);
    }

    /** Removes every tag of a resource that is gone. */
    public void deleteAll(Sql sql, String account, String region, String arn) throws SQLException {
        sql.update("DELETE FROM resource_tag WHERE account = ? AND region = ? AND arn = ?", account, region, arn);
    }
}
