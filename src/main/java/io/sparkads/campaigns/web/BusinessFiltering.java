package io.sparkads.campaigns.web;

import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the campaign, ad group and ad resources of the Business API read alike: the ids a status
 * change names, the {@code filtering} object of a {@code …/get/}, and the page they answer with.
 */
final class BusinessFiltering {
    private BusinessFiltering() {}

    /** A page of a {@code …/get/}: TikTok's {@code list} and {@code page_info}. */
    record Listing<T>(List<T> list, PageInfo pageInfo) {}

    /** The operation status a {@code …/status/update/} asks for. */
    static OperationStatus status(String raw) {
        if (raw == null) {
            throw BusinessApiException.parameter(
                    "operation_status is required: ENABLE, DISABLE or DELETE");
        }
        try {
            return OperationStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw BusinessApiException.parameter(
                    "operation_status must be ENABLE, DISABLE or DELETE; was '" + raw + "'");
        }
    }

    static List<Long> ids(String field, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw BusinessApiException.parameter(field + " must name at least one id");
        }
        return raw.stream().map(r -> Ids.require(field, r)).toList();
    }

    /** Refuses filters this server does not apply, rather than ignoring them silently. */
    static void onlyKnown(JsonNode filtering, String... known) {
        List<String> allowed = List.of(known);
        for (String name : filtering.propertyNames()) {
            if (!allowed.contains(name)) {
                throw BusinessApiException.parameter(
                        "filtering."
                                + name
                                + " is not supported here; filter on "
                                + String.join(", ", allowed));
            }
        }
    }

    static String text(JsonNode filtering, String field) {
        JsonNode node = filtering.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw BusinessApiException.parameter("filtering." + field + " must be a string");
        }
        return node.asString();
    }

    static List<Long> ids(JsonNode filtering, String field) {
        JsonNode node = filtering.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw BusinessApiException.parameter("filtering." + field + " must be an array of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : node) {
            ids.add(Ids.require("filtering." + field, item.asString()));
        }
        return ids;
    }
}
