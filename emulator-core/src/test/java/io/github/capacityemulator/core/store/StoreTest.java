package io.github.capacityemulator.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    private static final StoredResource CLUSTER = new StoredResource("c1",
            "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl", 1_000L, "{\"ClusterName\":\"c1\"}");

    private static Optional<StoredResource> byName(Store store, ResourceTable table, String account, String region) {
        return store.read(c -> table.findByName(c, account, region, "c1"));
    }

    private static Optional<StoredResource> byArn(Store store, ResourceTable table, String account, String region, String arn) {
        return store.read(c -> table.findByArn(c, account, region, arn));
    }

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
            assertThat(byName(reopened, new ResourceTable(reopened, "cluster"), "000000000000", "us-east-1"))
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
            assertThat(byName(store, clusters, "000000000000", "us-east-1")).isEmpty();
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
            assertThat(byName(store, clusters, "111111111111", "eu-west-1")).isPresent();
            assertThat(byName(store, clusters, "111111111111", "us-east-1")).isEmpty();
            assertThat(byName(store, clusters, "000000000000", "eu-west-1")).isEmpty();
            assertThat(byArn(store, clusters, "111111111111", "eu-west-1", CLUSTER.arn())).isPresent();
            store.wipe();
            assertThat(byName(store, clusters, "111111111111", "eu-west-1")).isEmpty();
        }
    }
}
