package io.github.capacityemulator.clienttests;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client in China or GovCloud gets ARNs of its partition, and addresses its resources by them. Found by the
 * outside-in test of issue 10: a cluster created in cn-north-1 answered arn:aws:sagemaker:cn-north-1:...
 */
class PartitionArnTest extends ClusterTestBase {

    @Test
    void arnsInChinaAndGovCloudNameTheirPartition() {
        for (Region region : new Region[] {Region.CN_NORTH_1, Region.US_GOV_WEST_1}) {
            String partition = region == Region.CN_NORTH_1 ? "aws-cn" : "aws-us-gov";
            try (SageMakerClient local = emulator.client("123456789012", region)) {
                String arn = local.createCluster(r -> r.clusterName("here").instanceGroups(group("g", "ml.t3.medium", 1)))
                        .clusterArn();
                assertThat(arn).startsWith("arn:" + partition + ":sagemaker:" + region.id() + ":123456789012:cluster/");
                local.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("k").value("v").build()));
                assertThat(local.listTags(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("k");
                assertThat(local.describeCluster(r -> r.clusterName(arn)).clusterArn()).isEqualTo(arn);
            }
        }
        assertThat(createCluster("there", group("g", "ml.t3.medium", 1))).startsWith("arn:aws:sagemaker:us-east-1:");
    }
}
