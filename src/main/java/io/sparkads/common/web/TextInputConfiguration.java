package io.sparkads.common.web;

import io.sparkads.common.AcceptsAnyText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL cannot store the NUL character (0x00) in text, so every text field of a JSON body is
 * refused with a 400 that names the field before anything is written, instead of failing in the
 * database. Records marked {@link AcceptsAnyText} check their own text, item by item.
 */
@Configuration(proxyBeanMethods = false)
class TextInputConfiguration {

    @Bean
    JacksonModule nulFreeText() {
        return new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText());
    }

    static final class NulFreeText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (holdsNul(value)) {
                throw InvalidFormatException.from(
                        p, "text must not contain the NUL character", value, String.class);
            }
            return value;
        }

        @Override
        public ValueDeserializer<?> createContextual(
                DeserializationContext ctxt, BeanProperty property) {
            if (property != null
                    && property.getMember() != null
                    && property.getMember()
                            .getDeclaringClass()
                            .isAnnotationPresent(AcceptsAnyText.class)) {
                return StringDeserializer.instance;
            }
            return this;
        }
    }

    /** PostgreSQL's one character text cannot hold; every NUL check of the web layer asks here. */
    static boolean holdsNul(Object value) {
        return value instanceof String text && text.indexOf('\u0000') >= 0;
    }
}
