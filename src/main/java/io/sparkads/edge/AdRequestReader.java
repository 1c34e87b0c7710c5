package io.sparkads.edge;

import io.sparkads.delivery.AdRequestBody;
import io.sparkads.delivery.AdServing.ViewerAttributes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an ad request body token by token (no reflection, no tree). Anything it does not expect (a
 * wrong type, NUL in a text, trailing content, malformed JSON) is read again by the application's
 * own mapper, which either accepts it (a number sent as text, …) or fails with the very exception
 * Spring MVC would describe: so both listeners accept and refuse the same bodies, in the same
 * words.
 */
final class AdRequestReader {
    private final JsonMapper mapper;

    AdRequestReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    AdRequestBody read(byte[] body) {
        try (JsonParser json =
                mapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), body)) {
            return body(json);
        } catch (Unexpected | JacksonException notPlain) {
            return mapper.readValue(body, AdRequestBody.class);
        }
    }

    private static AdRequestBody body(JsonParser json) {
        expect(json.nextToken() == JsonToken.START_OBJECT);
        String requestId = null;
        String placement = null;
        Integer slots = null;
        ViewerAttributes viewer = null;
        List<String> exclude = null;
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "request_id" -> requestId = text(json, value);
                case "placement" -> placement = text(json, value);
                case "slots" -> slots = number(json, value);
                case "viewer" -> viewer = viewer(json, value);
                case "exclude_item_ids" -> exclude = texts(json, value);
                default -> json.skipChildren(); // unknown fields are ignored, as by the mapper
            }
        }
        expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null);
        return new AdRequestBody(requestId, placement, slots, viewer, exclude);
    }

    private static ViewerAttributes viewer(JsonParser json, JsonToken start) {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start == JsonToken.START_OBJECT);
        String viewerId = null;
        String region = null;
        String ageGroup = null;
        String gender = null;
        List<String> interests = null;
        String language = null;
        String os = null;
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "viewer_id" -> viewerId = text(json, value);
                case "region" -> region = text(json, value);
                case "age_group" -> ageGroup = text(json, value);
                case "gender" -> gender = text(json, value);
                case "interests" -> interests = texts(json, value);
                case "language" -> language = text(json, value);
                case "os" -> os = text(json, value);
                default -> json.skipChildren();
            }
        }
        return new ViewerAttributes(viewerId, region, ageGroup, gender, interests, language, os);
    }

    private static List<String> texts(JsonParser json, JsonToken start) {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start == JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        for (JsonToken item = json.nextToken();
                item != JsonToken.END_ARRAY;
                item = json.nextToken()) {
            texts.add(text(json, item));
        }
        return texts;
    }

    private static String text(JsonParser json, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value == JsonToken.VALUE_STRING);
        String text = json.getString();
        expect(text.indexOf('\u0000') < 0); // the mapper refuses it, naming the field
        return text;
    }

    private static Integer number(JsonParser json, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(
                value == JsonToken.VALUE_NUMBER_INT
                        && json.getNumberType() == JsonParser.NumberType.INT);
        return json.getIntValue();
    }

    private static void expect(boolean plain) {
        if (!plain) {
            throw Unexpected.INSTANCE;
        }
    }

    /** Not the plain shape: the mapper reads it instead. Thrown without a stack trace. */
    private static final class Unexpected extends RuntimeException {
        static final Unexpected INSTANCE = new Unexpected();

        private Unexpected() {
            super(null, null, false, false);
        }
    }
}
