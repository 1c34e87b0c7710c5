package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.NOW;
import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.AdLineage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImpressionIdsTest {

    private static final String BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final ImpressionIds ids = new ImpressionIds(SECRET);
    private final AdCandidate ad = givenAd(a -> a.id(11).item(55).bid(BillingEvent.CPV, 30_000));

    @Test
    void anIssuedIdVerifiesToTheAdItWasIssuedFor() {
        // given
        String id = ids.issue(ad, NOW);

        // when / then
        assertThat(ids.verify(id))
                .contains(
                        new ImpressionTicket(
                                new AdLineage(
                                        11,
                                        ad.lineage().adgroupId(),
                                        ad.lineage().campaignId(),
                                        ad.lineage().advertiserId()),
                                55L,
                                true,
                                BillingEvent.CPV,
                                30_000,
                                NOW,
                                ServedAudience.unknown()));
    }

    @Test
    void anIdForANonSparkAdWithoutAnItemVerifiesWithoutAnItem() {
        // given
        AdCandidate nonSpark = givenAd(a -> a.nonSparkWithoutItem().bid(BillingEvent.CPC, 7));

        // when
        ImpressionTicket ticket = ids.verify(ids.issue(nonSpark, NOW)).orElseThrow();

        // then
        assertThat(ticket.itemId()).isNull();
        assertThat(ticket.spark()).isFalse();
        assertThat(ticket.billingEvent()).isEqualTo(BillingEvent.CPC);
        assertThat(ticket.bidMicros()).isEqualTo(7);
    }

    @Test
    void anOcpmIdCarriesItsPricePerThousandImpressionsAboveItsBidPerConversion() {
        // given: 2.00 per conversion, charged 30.00 per 1000 impressions
        AdCandidate convert = givenAd(a -> a.bid(BillingEvent.OCPM, 2_000_000));

        // when
        ImpressionTicket ticket =
                ids.verify(ids.issue(convert, ServedAudience.unknown(), NOW, 30_000_000))
                        .orElseThrow();

        // then
        assertThat(ticket.billingEvent()).isEqualTo(BillingEvent.OCPM);
        assertThat(ticket.bidMicros()).isEqualTo(2_000_000);
        assertThat(ticket.chargedMicros()).isEqualTo(30_000_000);
    }

    @Test
    void refusesToChargeACpcAdAboveItsBid() {
        AdCandidate click = givenAd(a -> a.bid(BillingEvent.CPC, 500_000));

        assertThatThrownBy(() -> ids.issue(click, ServedAudience.unknown(), NOW, 500_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("within the bid");
    }

    @Test
    void keepsTheServingTimeToTheMillisecond() {
        // given
        Instant servedAt = Instant.parse("2026-06-01T12:00:00.123456789Z");

        // when / then
        assertThat(ids.verify(ids.issue(ad, servedAt)).orElseThrow().servedAt())
                .isEqualTo(Instant.parse("2026-06-01T12:00:00.123Z"));
    }

    @Test
    void anIdIsCompactAndUrlSafe() {
        // when
        String id = ids.issue(ad, NOW);

        // then
        assertThat(id)
                .hasSize(ImpressionIds.ID_LENGTH)
                .matches("[A-Za-z0-9_-]{107}\\.[A-Za-z0-9_-]{22}");
    }

    @Test
    void everyCallIssuesADifferentId() {
        // when
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            issued.add(ids.issue(ad, NOW));
        }

        // then
        assertThat(issued).hasSize(10_000);
    }

    @Test
    void anotherInstanceWithTheSameSecretVerifiesTheId() {
        // given
        String id = ids.issue(ad, NOW);

        // when / then
        assertThat(new ImpressionIds(SECRET.clone()).verify(id)).isPresent();
    }

    @Test
    void anIdSignedWithAnotherSecretDoesNotVerify() {
        // given
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        String foreign = new ImpressionIds(otherSecret).issue(ad, NOW);

        // when / then
        assertThat(ids.verify(foreign)).isEmpty();
    }

    @Test
    void noSingleCharacterChangeVerifies() {
        // given
        String id = ids.issue(ad, NOW);

        // when / then
        for (int position = 0; position < id.length(); position++) {
            for (char replacement : (BASE64URL + ".=").toCharArray()) {
                if (replacement == id.charAt(position)) {
                    continue;
                }
                String tampered =
                        id.substring(0, position) + replacement + id.substring(position + 1);
                assertThat(ids.verify(tampered)).as(tampered).isEmpty();
            }
        }
    }

    @Test
    void aPayloadWithAnotherIdsMacDoesNotVerify() {
        // given
        String one = ids.issue(ad, NOW);
        String two = ids.issue(ad, NOW);

        // when
        String spliced = one.substring(0, one.indexOf('.')) + two.substring(two.indexOf('.'));

        // then
        assertThat(ids.verify(spliced)).isEmpty();
    }

    @Test
    void aTruncatedOrExtendedIdDoesNotVerify() {
        // given
        String id = ids.issue(ad, NOW);

        // when / then
        assertThat(ids.verify(id.substring(0, id.length() - 1))).isEmpty();
        assertThat(ids.verify(id + "A")).isEmpty();
        assertThat(ids.verify(id + "=")).isEmpty();
        assertThat(ids.verify(" " + id)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "abc.def", "not an impression id", "ü", "..........."})
    void garbageDoesNotVerify(String garbage) {
        assertThat(ids.verify(garbage)).isEmpty();
    }

    @Test
    void randomStringsOfTheRightShapeNeitherVerifyNorThrow() {
        // given
        Random random = new Random(42);
        char[] chars = new char[ImpressionIds.ID_LENGTH];

        for (int i = 0; i < 20_000; i++) {
            // when
            for (int c = 0; c < chars.length; c++) {
                chars[c] =
                        i % 2 == 0
                                ? BASE64URL.charAt(random.nextInt(BASE64URL.length()))
                                : (char) random.nextInt(0x3000);
            }
            chars[96] = '.';

            // then
            assertThat(ids.verify(new String(chars))).isEmpty();
        }
    }

    @Test
    void aCorrectlySignedPayloadOfAnUnknownVersionDoesNotVerify() throws Exception {
        // given: an all-zero payload, version 1, CPM, and the same with version 9
        byte[] payload = new byte[67];
        payload[0] = 1;
        payload[2] = 1;
        String wellFormed = signedWithTheTestSecret(payload);
        payload[0] = 9;
        String unknownVersion = signedWithTheTestSecret(payload);

        // when / then: the first shows the forgery is otherwise faithful
        assertThat(ids.verify(wellFormed)).isPresent();
        assertThat(ids.verify(unknownVersion)).isEmpty();
    }

    @Test
    void aVersion1IdStillVerifiesWithAnUnknownAudience() throws Exception {
        // given: a 67-byte version 1 payload, as issued before the audience was carried
        byte[] payload = new byte[67];
        payload[0] = 1;
        payload[2] = 1;
        payload[10] = 11; // ad id 11

        // when
        ImpressionTicket ticket = ids.verify(signedWithTheTestSecret(payload)).orElseThrow();

        // then
        assertThat(ticket.lineage().adId()).isEqualTo(11);
        assertThat(ticket.audience()).isEqualTo(ServedAudience.unknown());
        assertThat(signedWithTheTestSecret(payload)).hasSize(ImpressionIds.V1_ID_LENGTH);
    }

    @Test
    void aPayloadWhoseLengthDoesNotMatchItsVersionDoesNotVerify() throws Exception {
        // given: a version 1 label on a 72-byte payload, and a version 2 label on 67 bytes
        byte[] longV1 = new byte[72];
        longV1[0] = 1;
        longV1[2] = 1;
        byte[] shortV2 = new byte[67];
        shortV2[0] = 2;
        shortV2[2] = 1;
        byte[] v2 = longV1.clone();
        v2[0] = 2;

        // when / then: the last shows the forgery is otherwise faithful
        assertThat(ids.verify(signedWithTheTestSecret(longV1))).isEmpty();
        assertThat(ids.verify(signedWithTheTestSecret(shortV2))).isEmpty();
        assertThat(ids.verify(signedWithTheTestSecret(v2))).isPresent();
    }

    @Test
    void aVersion2PayloadWithAnUnknownAttributeCodeDoesNotVerify() throws Exception {
        // given: version 2, CPM, placement code 3 (there are two placements)
        byte[] payload = new byte[72];
        payload[0] = 2;
        payload[2] = 1;
        payload[67] = 3;

        // when / then
        assertThat(ids.verify(signedWithTheTestSecret(payload))).isEmpty();
    }

    @Test
    void anIdCarriesThePlacementAndViewerAttributesOfItsRequest() {
        // given
        ServedAudience audience =
                new ServedAudience(Placement.TOPVIEW, "AGE_25_34", "FEMALE", "DE");

        // when
        ImpressionTicket ticket = ids.verify(ids.issue(ad, audience, NOW)).orElseThrow();

        // then
        assertThat(ticket.audience()).isEqualTo(audience);
        assertThat(ticket.lineage().adId()).isEqualTo(11);
    }

    @Test
    void attributesOutsideTheVocabularyTravelAsUnknown() {
        // given: an age the platform does not name, a gender it does not know, a lower-case region
        ServedAudience odd = new ServedAudience(Placement.IN_FEED, "AGE_99", "OTHER", "de");

        // when
        ImpressionTicket ticket = ids.verify(ids.issue(ad, odd, NOW)).orElseThrow();

        // then
        assertThat(ticket.audience())
                .isEqualTo(new ServedAudience(Placement.IN_FEED, null, null, null));
        assertThat(ids.verify(ids.issue(ad, NOW)).orElseThrow().audience())
                .isEqualTo(ServedAudience.unknown());
    }

    private static String signedWithTheTestSecret(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update("io.sparkads.delivery.impression-id\0".getBytes(StandardCharsets.US_ASCII));
        byte[] tag = Arrays.copyOf(mac.doFinal(payload), 16);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(tag);
    }

    @Test
    void aVersion2IdStillVerifiesChargedItsBid() throws Exception {
        // given: a 72-byte version 2 payload, as issued before the charged price was carried
        byte[] payload = new byte[72];
        payload[0] = 2;
        payload[2] = 1;
        payload[10] = 11; // ad id 11
        payload[50] = 5; // bid micros 5

        // when
        String id = signedWithTheTestSecret(payload);
        ImpressionTicket ticket = ids.verify(id).orElseThrow();

        // then
        assertThat(id).hasSize(ImpressionIds.V2_ID_LENGTH);
        assertThat(ticket.bidMicros()).isEqualTo(5);
        assertThat(ticket.chargedMicros()).isEqualTo(5);
    }

    @Test
    void aVersion3IdChargedMoreThanItsBidDoesNotVerify() throws Exception {
        // given: bid 5, charged 6; and the same charged 5
        byte[] payload = new byte[80];
        payload[0] = 3;
        payload[2] = 1;
        payload[50] = 5;
        payload[79] = 6;
        byte[] fair = payload.clone();
        fair[79] = 5;

        // when / then: the second shows the forgery is otherwise faithful
        assertThat(ids.verify(signedWithTheTestSecret(payload))).isEmpty();
        assertThat(ids.verify(signedWithTheTestSecret(fair)).orElseThrow().chargedMicros())
                .isEqualTo(5);
    }

    @Test
    void anIdIsNotIssuedChargedAboveItsBid() {
        assertThatThrownBy(() -> ids.issue(ad, ServedAudience.unknown(), NOW, ad.bidMicros() + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("within the bid");
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        // given
        byte[] secret = SECRET.clone();
        ImpressionIds own = new ImpressionIds(secret);
        String id = own.issue(ad, NOW);

        // when
        Arrays.fill(secret, (byte) 0);

        // then
        assertThat(own.verify(id)).isPresent();
    }

    @Test
    void rejectsASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new ImpressionIds(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new ImpressionIds(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
