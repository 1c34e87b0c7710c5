package io.sparkads.reporting.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.reporting.Reports;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class ReportBusinessController {
    private final Reports reports;

    ReportBusinessController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/report/integrated/get/")
    BusinessEnvelope integrated(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        String reportType = params.required("report_type");
        if (!Reports.REPORT_TYPES.contains(reportType)) {
            throw BusinessApiException.parameter(
                    "report_type must be BASIC or AUDIENCE; was '" + reportType + "'");
        }
        PageRequest page = params.page(10);
        boolean lifetime = "true".equalsIgnoreCase(params.optional("query_lifetime"));
        Reports.Result result =
                reports.integrated(
                        new Reports.Query(
                                advertiserId,
                                params.optional("data_level"),
                                params.requiredStringList("dimensions"),
                                params.stringList("metrics"),
                                lifetime ? null : date("start_date", params.required("start_date")),
                                lifetime ? null : date("end_date", params.required("end_date")),
                                page,
                                lifetime,
                                idFilters(params),
                                reportType,
                                params.optional("order_field"),
                                params.optional("order_type")));
        return BusinessEnvelope.ok(
                Map.of("list", result.rows(), "page_info", PageInfo.of(page, result.total())));
    }

    /**
     * TikTok's report filters: {@code
     * [{"field_name":"ad_ids","filter_type":"IN","filter_value":"[\"1\"]"}]}.
     */
    private static Map<String, java.util.List<Long>> idFilters(BusinessParams params) {
        tools.jackson.databind.JsonNode filters = params.json("filtering");
        if (filters == null) {
            return Map.of();
        }
        if (!filters.isArray()) {
            throw BusinessApiException.parameter(
                    "filtering must be an array of {field_name, filter_type, filter_value}");
        }
        Map<String, java.util.List<Long>> result = new java.util.LinkedHashMap<>();
        for (tools.jackson.databind.JsonNode filter : filters) {
            String field = filter.path("field_name").asString("");
            String type = filter.path("filter_type").asString("IN");
            if (!type.equals("IN")) {
                throw BusinessApiException.parameter(
                        "filtering." + field + ": only filter_type IN is supported");
            }
            tools.jackson.databind.JsonNode value = filter.path("filter_value");
            if (value.isString()) {
                value =
                        BusinessParams.parse(
                                "filtering." + field + ".filter_value", value.asString());
            }
            java.util.List<Long> ids = new java.util.ArrayList<>();
            for (tools.jackson.databind.JsonNode id : value) {
                ids.add(io.sparkads.common.Ids.require("filtering." + field, id.asString()));
            }
            if (ids.isEmpty()) {
                throw BusinessApiException.parameter(
                        "filtering." + field + ".filter_value must name at least one id");
            }
            result.put(field, ids);
        }
        return result;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw BusinessApiException.parameter(
                    field + " must be a date like 2026-11-26; was '" + value + "'");
        }
    }
}
