package org.freezedesk.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every string in a JSON request body is read under the input policy, so the API refuses what the forms refuse. */
@Configuration(proxyBeanMethods = false)
class InputJson {

    @Bean
    Module inputPolicyModule() {
        return new SimpleModule("freezedesk-input-policy").addDeserializer(String.class, new PolicyStringDeserializer());
    }

    static class PolicyStringDeserializer extends StdScalarDeserializer<String> {

        PolicyStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (InputPolicy.hasControlCharacters(text)) {
                throw JsonMappingException.from(parser, InputPolicy.CONTROL_CHARACTERS_MESSAGE,
                        new IllegalArgumentException(InputPolicy.CONTROL_CHARACTERS_MESSAGE));
            }
            return text;
        }
    }
}
