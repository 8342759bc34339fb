package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.caller.RequestContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerIdentityTest {

    private static final CallerIdentity IDENTITY = new CallerIdentity(java.util.Map.of("AKIDMAPPED", "222233334444"));

    private static String sigV4(String accessKey, String region) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20261122/" + region + "/sagemaker/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123abcd";
    }

    @Test
    void aTwelveDigitAccessKeyIsTheAccountAndTheScopeGivesTheRegion() {
        assertThat(IDENTITY.of(sigV4("123456789012", "eu-west-1"), "r"))
                .isEqualTo(new RequestContext("123456789012", "eu-west-1", "r"));
    }

    @Test
    void anyOtherKeyUsesTheDefaultAccount() {
        assertThat(IDENTITY.of(sigV4("AKIAIOSFODNN7EXAMPLE", "ap-southeast-2"), "r"))
                .isEqualTo(new RequestContext("000000000000", "ap-southeast-2", "r"));
        assertThat(IDENTITY.of(sigV4("12345", "us-west-2"), "r").account()).isEqualTo("000000000000");
    }

    @Test
    void unsignedOrUnreadableRequestsUseTheDefaults() {
        RequestContext defaults = new RequestContext("000000000000", "us-east-1", "r");
        assertThat(IDENTITY.of(null, "r")).isEqualTo(defaults);
        assertThat(IDENTITY.of("Bearer abc", "r")).isEqualTo(defaults);
        assertThat(IDENTITY.of("AWS4-HMAC-SHA256 nonsense", "r")).isEqualTo(defaults);
        // A region that could not appear in an ARN is not taken from the scope.
        assertThat(IDENTITY.of(sigV4("123456789012", "US_EAST"), "r"))
                .isEqualTo(new RequestContext("123456789012", "us-east-1", "r"));
        assertThat(IDENTITY.of(sigV4("123456789012", "x"), "r").region()).isEqualTo("us-east-1");
        assertThat(IDENTITY.of(sigV4("123456789012", "us-" + "a".repeat(40) + "-1"), "r").region())
                .isEqualTo("us-east-1");
        assertThat(IDENTITY.of(sigV4("123456789012", "us-gov-west-1"), "r").region()).isEqualTo("us-gov-west-1");
    }

    @Test
    void aKeyListedInAccountsActsAsItsAccount() {
        assertThat(IDENTITY.of(sigV4("AKIDMAPPED", "eu-west-1"), "r"))
                .isEqualTo(new RequestContext("222233334444", "eu-west-1", "r"));
        // A mapping wins over the 12-digit rule only for its own key.
        assertThat(new CallerIdentity(java.util.Map.of("123456789012", "999999999999"))
                .of(sigV4("123456789012", "us-east-1"), "r").account()).isEqualTo("999999999999");
    }
}
