package io.github.capacityemulator.server;

import io.github.capacityemulator.core.caller.RequestContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerIdentityTest {

    private static String sigV4(String accessKey, String region) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20261122/" + region + "/sagemaker/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123abcd";
    }

    @Test
    void aTwelveDigitAccessKeyIsTheAccountAndTheScopeGivesTheRegion() {
        assertThat(CallerIdentity.of(sigV4("123456789012", "eu-west-1"), "r"))
                .isEqualTo(new RequestContext("123456789012", "eu-west-1", "r"));
    }

    @Test
    void anyOtherKeyUsesTheDefaultAccount() {
        assertThat(CallerIdentity.of(sigV4("AKIAIOSFODNN7EXAMPLE", "ap-southeast-2"), "r"))
                .isEqualTo(new RequestContext("000000000000", "ap-southeast-2", "r"));
        assertThat(CallerIdentity.of(sigV4("12345", "us-west-2"), "r").account()).isEqualTo("000000000000");
    }

    @Test
    void unsignedOrUnreadableRequestsUseTheDefaults() {
        RequestContext defaults = new RequestContext("000000000000", "us-east-1", "r");
        assertThat(CallerIdentity.of(null, "r")).isEqualTo(defaults);
        assertThat(CallerIdentity.of("Bearer abc", "r")).isEqualTo(defaults);
        assertThat(CallerIdentity.of("AWS4-HMAC-SHA256 nonsense", "r")).isEqualTo(defaults);
        // A region that could not appear in an ARN is not taken from the scope.
        assertThat(CallerIdentity.of(sigV4("123456789012", "US_EAST"), "r"))
                .isEqualTo(new RequestContext("123456789012", "us-east-1", "r"));
        assertThat(CallerIdentity.of(sigV4("123456789012", "x"), "r").region()).isEqualTo("us-east-1");
        assertThat(CallerIdentity.of(sigV4("123456789012", "us-" + "a".repeat(40) + "-1"), "r").region())
                .isEqualTo("us-east-1");
        assertThat(CallerIdentity.of(sigV4("123456789012", "us-gov-west-1"), "r").region()).isEqualTo("us-gov-west-1");
    }
}
