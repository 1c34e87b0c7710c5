package io.sparkads.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters of a Business API GET. TikTok's SDK sends arrays and objects JSON-encoded
 * ({@code dimensions=["ad_id"]}); each accessor says which parameter is wrong and why.
 */
public final class BusinessParams {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> values;

    public BusinessParams(Map<String, String> values) {
        this.values = values;
    }

    public String advertiserId() {
        return values.get("advertiser_id");
    }

    public String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw BusinessApiException.parameter(name + " is required");
        }
        return value;
    }

    public int integer(String name, int fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw BusinessApiException.parameter(
                    name + " must be a whole number, was '" + value + "'");
        }
    }

    public PageRequest page(int defaultSize) {
        return new PageRequest(integer("page", 1), integer("page_size", defaultSize));
    }

    public List<String> stringList(String name) {
        String value = optional(name);
        if (value == null) {
            return List.of();
        }
        JsonNode node = parse(name, value);
        if (!node.isArray()) {
            throw BusinessApiException.parameter(
                    name + " must be a JSON array such as [\"a\",\"b\"]");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.isNull()) {
                throw BusinessApiException.parameter(name + " must hold strings only");
            }
            list.add(item.asString());
        }
        return list;
    }

    public List<String> requiredStringList(String name) {
        List<String> list = stringList(name);
        if (list.isEmpty()) {
            throw BusinessApiException.parameter(name + " is required and must not be empty");
        }
        return list;
    }

    /** A JSON object parameter such as {@code filtering}; an empty object when absent. */
    public JsonNode object(String name) {
        String value = optional(name);
        if (value == null) {
            return JSON.createObjectNode();
        }
        JsonNode node = parse(name, value);
        if (!node.isObject()) {
            throw BusinessApiException.parameter(name + " must be a JSON object");
        }
        return node;
    }

    /** A JSON parameter of any shape, as sent; {@code null} when absent. */
    public JsonNode json(String name) {
        String value = optional(name);
        return value == null ? null : parse(name, value);
    }

    /** Parses JSON carried inside a parameter, e.g. a report filter's {@code filter_value}. */
    public static JsonNode parse(String name, String value) {
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            throw BusinessApiException.parameter(name + " is not valid JSON: " + value);
        }
    }
}
