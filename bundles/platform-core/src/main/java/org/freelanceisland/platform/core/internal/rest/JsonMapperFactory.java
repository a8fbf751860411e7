package org.freelanceisland.platform.core.internal.rest;

import java.io.IOException;

import org.freelanceisland.platform.api.FiscalYear;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the platform's API. */
public final class JsonMapperFactory {

    private JsonMapperFactory() {
    }

    /**
     * Creates the mapper: ISO-8601 dates, nulls left out, unknown fields and type coercions refused
     * (also a fraction for a whole number),
     * fiscal years written as their start year.
     *
     * @return a new mapper
     */
    public static ObjectMapper create() {
        SimpleModule island = new SimpleModule("freelance-island");
        island.addSerializer(FiscalYear.class, new JsonSerializer<>() {
            @Override
            public void serialize(FiscalYear value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.startYear());
            }
        });
        island.addDeserializer(FiscalYear.class, new JsonDeserializer<>() {
            @Override
            public FiscalYear deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    return (FiscalYear) ctxt.handleUnexpectedToken(FiscalYear.class, p);
                }
                try {
                    return FiscalYear.of(p.getIntValue());
                } catch (IllegalArgumentException e) {
                    return (FiscalYear) ctxt.handleWeirdNumberValue(FiscalYear.class, p.getNumberValue(), e.getMessage());
                }
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(island)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 12.5 for a whole number is a wrong type, not 12
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(40).build());
        return mapper;
    }
}
