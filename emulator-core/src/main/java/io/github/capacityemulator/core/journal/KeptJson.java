package io.github.capacityemulator.core.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A kept body written out as its JSON bytes when an answer is written, not before: a listing of the journal holds
 * nothing more than the journal already does.
 */
record KeptJson(byte[] bytes) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }
}
