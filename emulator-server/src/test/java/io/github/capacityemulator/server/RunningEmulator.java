package io.github.capacityemulator.server;

import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Base of the HTTP tests: one emulator per test class on a free loopback port, reset before each test. */
abstract class RunningEmulator {

    static final String AMZ_JSON = "application/x-amz-json-1.1";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static {
        // rest-assured knows application/json only: teach it SageMaker's content type both ways.
        RestAssured.registerParser(AMZ_JSON, Parser.JSON);
        RestAssured.config = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs(AMZ_JSON, ContentType.TEXT)
                .encodeContentTypeAs("application/x-amz-json-1.1; charset=utf-8", ContentType.TEXT)
                .encodeContentTypeAs("Application/JSON;charset=UTF-8", ContentType.TEXT)
                .appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    static Emulator emulator;
    static EmulatorServer server;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.start(EmulatorSettings.defaults());
        server = EmulatorServer.start(emulator, "127.0.0.1", 0);
    }

    @AfterAll
    static void stopEmulator() {
        server.close();
        emulator.close();
    }

    @BeforeEach
    void resetState() {
        emulator.admin().reset();
    }

    static RequestSpecification api() {
        return RestAssured.given().baseUri(server.endpoint().toString()).urlEncodingEnabled(false);
    }

    /** A SageMaker call as the SDKs send it. */
    static RequestSpecification call(String operation) {
        return api().header("X-Amz-Target", "SageMaker." + operation).contentType(AMZ_JSON);
    }
}
