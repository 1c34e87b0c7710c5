package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroups;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ad group a page under {@code /ads/adgroups/{adgroupId}} works on, loaded once before any of
 * its handlers runs and handed to them as the model's {@code adGroup}: another ad account's ad
 * group is not found, whichever handler is asked, and no handler repeats the look-up.
 */
@ControllerAdvice(assignableTypes = {AdGroupPageController.class, AdCreationPageController.class})
record AdGroupOfPage(AdGroups adGroups) {

    @ModelAttribute("adGroup")
    AdGroup adGroup(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adgroupId) {
        return adGroups.get(advertiserId, adgroupId);
    }
}
