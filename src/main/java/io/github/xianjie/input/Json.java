package io.github.xianjie.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.xianjie.domain.Coded;
import java.io.IOException;

/** The project's Jackson configuration: exact decimals, strict fields, codes or Chinese labels for enums. */
public final class Json {
    private Json() {
    }

    /** @return a mapper that rejects unknown fields, duplicate keys and trailing content, and reads floats as BigDecimal. */
    public static ObjectMapper mapper() {
        SimpleModule coded = new SimpleModule("coded-enums");
        coded.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                if (Coded.class.isAssignableFrom(type.getRawClass())) {
                    return new CodedDeserializer(type.getRawClass());
                }
                return deserializer;
            }
        });
        coded.addDeserializer(java.time.LocalDate.class, new IsoDateDeserializer());
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxStringLength(Limits.MAX_CELL_CHARS).maxNumberLength(Limits.MAX_AMOUNT_DIGITS + 20).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(coded)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Dates are ISO strings only: a number such as 20231015 must not be read as a day count. */
    private static final class IsoDateDeserializer extends JsonDeserializer<java.time.LocalDate> {
        @Override
        public java.time.LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                return (java.time.LocalDate) ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
            }
            String text = p.getText().strip();
            try {
                java.time.LocalDate d = java.time.LocalDate.parse(text);
                if (d.isBefore(Limits.FIRST_DATE) || d.isAfter(Limits.LAST_DATE)) {
                    return (java.time.LocalDate) ctxt.handleWeirdStringValue(java.time.LocalDate.class, text,
                            "不在合理范围 " + Limits.FIRST_DATE + " 至 " + Limits.LAST_DATE + " 之内 (implausible date)");
                }
                return d;
            } catch (java.time.format.DateTimeParseException e) {
                return (java.time.LocalDate) ctxt.handleWeirdStringValue(java.time.LocalDate.class, text,
                        "不是 YYYY-MM-DD 日期 (not a date)");
            }
        }
    }

    private static final class CodedDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        CodedDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Coded.parse((Class) type, text);
            } catch (IllegalArgumentException e) {
                return ctxt.handleWeirdStringValue(type, text, e.getMessage());
            }
        }
    }
}
