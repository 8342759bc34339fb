package io.github.capacityemulator.core.caller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ARNs carry the partition of their region. Found by the outside-in test of issue 10: cn-north-1 ARNs said arn:aws:. */
class RequestContextTest {

    private static String arnIn(String region) {
        return new RequestContext("123456789012", region, "r").arn("cluster/abc");
    }

    @Test
    void anArnNamesThePartitionOfItsRegion() {
        assertThat(arnIn("us-east-1")).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:cluster/abc");
        assertThat(arnIn("eu-west-1")).startsWith("arn:aws:sagemaker:eu-west-1:");
        assertThat(arnIn("cn-north-1")).isEqualTo("arn:aws-cn:sagemaker:cn-north-1:123456789012:cluster/abc");
        assertThat(arnIn("cn-northwest-1")).startsWith("arn:aws-cn:");
        assertThat(arnIn("us-gov-west-1")).startsWith("arn:aws-us-gov:sagemaker:us-gov-west-1:");
        assertThat(arnIn("us-iso-east-1")).startsWith("arn:aws-iso:");
        assertThat(arnIn("us-isob-east-1")).startsWith("arn:aws-iso-b:");
    }
}
