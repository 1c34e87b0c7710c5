package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TikTok's identity and call-to-action vocabulary keeps its wire names and its meaning. */
class IdentityTypeTest {

    @Test
    void identityTypesCarryTikToksWireNames() {
        assertThat(IdentityType.values())
                .extracting(IdentityType::wireName)
                .containsExactlyInAnyOrder("AUTH_CODE", "TT_USER", "BC_AUTH_TT", "CUSTOMIZED_USER");
        assertThat(IdentityType.fromWire("TT_USER")).contains(IdentityType.TT_USER);
        assertThat(IdentityType.fromWire("tt_user")).isEmpty();
        assertThat(IdentityType.fromWire(null)).isEmpty();
    }

    @Test
    void onlyTheCustomIdentityMakesANonSparkAd() {
        assertThat(IdentityType.CUSTOMIZED_USER.isSpark()).isFalse();
        assertThat(IdentityType.AUTH_CODE.isSpark()).isTrue();
        assertThat(IdentityType.TT_USER.isSpark()).isTrue();
        assertThat(IdentityType.BC_AUTH_TT.isSpark()).isTrue();
    }

    @Test
    void adsAreCreatedUnderCodesLinkedAccountsAndCustomIdentitiesButNotBusinessCenterOnes() {
        assertThat(Ads.IDENTITY_TYPES)
                .containsExactlyInAnyOrder("AUTH_CODE", "TT_USER", "CUSTOMIZED_USER");
        assertThat(IdentityType.values())
                .filteredOn(t -> t.isForAds() && t.isSpark())
                .extracting(IdentityType::wireName)
                .containsExactlyInAnyOrder("AUTH_CODE", "TT_USER");
    }

    @Test
    void callsToActionKeepTheirWireNamesAndDefaultToLearnMore() {
        assertThat(CallToAction.values())
                .extracting(CallToAction::wireName)
                .hasSize(20)
                .contains("LEARN_MORE", "SHOP_NOW", "GET_TICKETS_NOW", "VIEW_PROFILE");
        assertThat(CallToAction.DEFAULT.wireName()).isEqualTo("LEARN_MORE");
    }
}
