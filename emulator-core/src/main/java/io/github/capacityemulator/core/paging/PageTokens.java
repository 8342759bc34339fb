package io.github.capacityemulator.core.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.capacityemulator.core.caller.RequestContext;
import io.github.capacityemulator.core.error.ValidationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque, tamper-checked NextTokens. A token holds the sort key of the last item of a page (a keyset,
 * never an offset) and is signed for the operation, account and region that issued it, so a forged,
 * edited or transplanted token is refused with a ValidationException.
 */
public final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    public PageTokens(byte[] key) {
        this.key = key.clone();
    }

    /** A token that resumes {@code operation} after the item whose sort key is {@code lastKey}. */
    public String issue(RequestContext ctx, String operation, List<String> lastKey) {
        ArrayNode payload = JSON.createArrayNode();
        lastKey.forEach(payload::add);
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(ctx, operation, body));
    }

    /** The sort key a token resumes after; a token not issued here for this operation is refused. */
    public List<String> open(RequestContext ctx, String operation, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        try {
            byte[] body = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(ctx, operation, body))) {
                throw invalid();
            }
            JsonNode payload = JSON.readTree(body);
            List<String> lastKey = new ArrayList<>();
            payload.forEach(n -> lastKey.add(n.asText()));
            return lastKey;
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    private byte[] sign(RequestContext ctx, String operation, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((operation + "\n" + ctx.account() + "\n" + ctx.region() + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("Invalid pagination token given. Use the NextToken from the previous response.");
    }
}
