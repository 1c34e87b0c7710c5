package io.sparkads.delivery.web;

import io.sparkads.common.web.WebPage;
import io.sparkads.delivery.AdPredictions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The predicted-rates card of an ad's page (reporting's {@code /ads/ads/{id}}), which htmx loads in
 * place: delivery owns the predictions, and reporting may not depend on delivery.
 */
@WebPage
record AdPredictionsPageController(AdPredictions predictions) {

    @GetMapping("/ads/ads/{adId}/predictions")
    String predictions(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            Model model) {
        model.addAttribute("prediction", predictions.of(advertiserId, adId));
        return "delivery/predictions :: predictions";
    }
}
