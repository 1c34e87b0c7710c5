package io.sparkads.reporting.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.reporting.Reports;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record ReportBusinessController(Reports reports) {
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
                new ReportPage(result.rows(), PageInfo.of(page, result.total())));
    }

    /** A page of report rows, as TikTok's {@code data}: {@code list} and {@code page_info}. */
    record ReportPage(List<Reports.Row> list, PageInfo pageInfo) {}

    /**
     * TikTok's report filters: {@code
     * [{"field_name":"ad_ids","filter_type":"IN","filter_value":"[\"1\"]"}]}.
     */
    private static Map<String, List<Long>> idFilters(BusinessParams params) {
        JsonNode filters = params.json("filtering");
        if (filters == null) {
            return Map.of();
        }
        if (!filters.isArray()) {
            throw BusinessApiException.parameter(
                    "filtering must be an array of {field_name, filter_type, filter_value}");
        }
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (JsonNode filter : filters) {
            String field = filter.path("field_name").asString("");
            String type = filter.path("filter_type").asString("IN");
            if (!type.equals("IN")) {
                throw BusinessApiException.parameter(
                        "filtering." + field + ": only filter_type IN is supported");
            }
            JsonNode value = filter.path("filter_value");
            if (value.isString()) {
                value =
                        BusinessParams.parse(
                                "filtering." + field + ".filter_value", value.asString());
            }
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : value) {
                ids.add(Ids.require("filtering." + field, id.asString()));
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
