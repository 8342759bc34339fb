package io.github.capacityemulator.core.paging;

import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTest {

    private final PageTokens tokens = new PageTokens("0123456789abcdef0123456789abcdef".getBytes());
    private final RequestContext caller = new RequestContext("111111111111", "us-west-2", "r1");

    @Test
    void aTokenResumesAfterItsKey() {
        String token = tokens.issue(caller, "ListClusters", List.of("1700000000000", "my-cluster"));
        assertThat(tokens.open(caller, "ListClusters", token)).containsExactly("1700000000000", "my-cluster");
    }

    @Test
    void forgedEditedOrTransplantedTokensAreRefused() {
        String token = tokens.issue(caller, "ListClusters", List.of("1700000000000", "my-cluster"));
        String forgedBody = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"0\",\"a\"]".getBytes())
                + token.substring(token.indexOf('.'));
        for (String bad : List.of("garbage", "", ".", forgedBody, token + "x", "%%%." + token)) {
            assertThatThrownBy(() -> tokens.open(caller, "ListClusters", bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("Invalid pagination token given. Use the NextToken from the previous response.");
        }
        assertThatThrownBy(() -> tokens.open(caller, "ListTrainingPlans", token)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tokens.open(new RequestContext("222222222222", "us-west-2", "r2"), "ListClusters", token))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tokens.open(new RequestContext("111111111111", "eu-west-1", "r3"), "ListClusters", token))
                .isInstanceOf(ValidationException.class);
    }
}
