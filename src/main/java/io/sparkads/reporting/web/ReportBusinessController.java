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
        if (!reportType.equals("BASIC")) {
            throw BusinessApiException.parameter(
                    "report_type must be BASIC; was '" + reportType + "'");
        }
        PageRequest page = params.page(10);
        Reports.Result result =
                reports.integrated(
                        new Reports.Query(
                                advertiserId,
                                params.optional("data_level"),
                                params.requiredStringList("dimensions"),
                                params.stringList("metrics"),
                                date("start_date", params.required("start_date")),
                                date("end_date", params.required("end_date")),
                                page));
        return BusinessEnvelope.ok(
                Map.of("list", result.rows(), "page_info", PageInfo.of(page, result.total())));
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
