package io.github.capacityemulator.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    private static final StoredResource CLUSTER = new StoredResource("c1",
            "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl", 1_000L, "{\"ClusterName\":\"c1\"}");

    @Test
    void createsTheSchemaAtTheLatestVersion() {
        try (Store store = Store.inMemory()) {
            assertThat(store.schemaVersion()).isEqualTo(SchemaMigrations.VERSIONS.size());
        }
    }

    @Test
    void aDataDirectoryKeepsStateAcrossRestarts(@TempDir Path dir) {
        try (Store store = Store.inDirectory(dir)) {
            ResourceTable clusters = new ResourceTable(store, "cluster");
            store.write(c -> {
                clusters.insert(c, "000000000000", "us-east-1", CLUSTER);
                return null;
            });
        }
        try (Store reopened = Store.inDirectory(dir)) {
            assertThat(reopened.schemaVersion()).isEqualTo(SchemaMigrations.VERSIONS.size());
            assertThat(new ResourceTable(reopened, "cluster").findByName("000000000000", "us-east-1", "c1"))
                    .contains(CLUSTER);
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Store store = Store.inMemory()) {
            ResourceTable clusters = new ResourceTable(store, "cluster");
            assertThatThrownBy(() -> store.write(c -> {
                clusters.insert(c, "000000000000", "us-east-1", CLUSTER);
                throw new SQLException("boom after the insert");
            })).isInstanceOf(StoreException.class);
            assertThat(clusters.findByName("000000000000", "us-east-1", "c1")).isEmpty();
        }
    }

    @Test
    void stateIsKeyedByAccountAndRegionAndWipedByReset() {
        try (Store store = Store.inMemory()) {
            ResourceTable clusters = new ResourceTable(store, "cluster");
            store.write(c -> {
                clusters.insert(c, "111111111111", "eu-west-1", CLUSTER);
                return null;
            });
            assertThat(clusters.findByName("111111111111", "eu-west-1", "c1")).isPresent();
            assertThat(clusters.findByName("111111111111", "us-east-1", "c1")).isEmpty();
            assertThat(clusters.findByName("000000000000", "eu-west-1", "c1")).isEmpty();
            assertThat(clusters.findByArn("111111111111", "eu-west-1", CLUSTER.arn())).isPresent();
            store.wipe();
            assertThat(clusters.findByName("111111111111", "eu-west-1", "c1")).isEmpty();
        }
    }

    @Test
    void pagesAreKeysetsNewestFirst() {
        try (Store store = Store.inMemory()) {
            ResourceTable clusters = new ResourceTable(store, "cluster");
            store.write(c -> {
                for (int i = 0; i < 5; i++) {
                    clusters.insert(c, "000000000000", "us-east-1", new StoredResource("c" + i,
                            "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijk" + i, 1000L * (i / 2), "{}"));
                }
                return null;
            });
            var first = clusters.page("000000000000", "us-east-1", null, null, 3);
            assertThat(first).extracting(StoredResource::name).containsExactly("c4", "c2", "c3");
            StoredResource last = first.get(2);
            var second = clusters.page("000000000000", "us-east-1", last.createdAtMillis(), last.name(), 3);
            assertThat(second).extracting(StoredResource::name).containsExactly("c0", "c1");
        }
    }
}
