package io.github.capacityemulator.server.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.github.capacityemulator.core.journal.RecordedRequest;

import java.io.IOException;
import java.util.List;

/** The journal's entries as the {@code requests} array of {@code GET /_emulator/requests}, written as it streams. */
record JournalListing(List<RecordedRequest> entries) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartArray();
        for (RecordedRequest r : entries) {
            gen.writeStartObject();
            gen.writeStringField("time", r.time().toString());
            gen.writeStringField("operation", r.operation());
            gen.writeStringField("account", r.account());
            gen.writeStringField("region", r.region());
            gen.writeNumberField("status", r.status());
            gen.writeStringField("errorCode", r.errorCode());
            gen.writeNumberField("latencyMillis", r.latencyMillis());
            gen.writeStringField("requestId", r.requestId());
            gen.writeFieldName("input");
            if (r.input() == null) {
                gen.writeNull();
            } else {
                serializers.defaultSerializeValue(r.input(), gen);
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }
}
