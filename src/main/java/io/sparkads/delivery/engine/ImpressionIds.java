package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies impression ids: self-contained, signed tickets that name the ad served and
 * the terms it was served on, so that the events coming back can be attributed and billed without
 * looking anything up and cannot be forged.
 *
 * <p>An id is {@code base64url(payload) + "." + base64url(mac)}, without padding, 130 characters.
 * The payload is fixed-length (80 bytes, big-endian):
 *
 * <pre>
 * version(1: 3) flags(1: spark, has item) billing event(1) ad id(8) ad group id(8) campaign id(8)
 * advertiser id(8) item id(8, 0 when none) bid micros(8) served-at epoch millis(8) nonce(8)
 * placement(1) age group(1) gender(1) region(2 ASCII letters) — 0 meaning unknown
 * charged micros(8)
 * </pre>
 *
 * The audience bytes carry the request's audience so that audience reports attribute events without
 * looking anything up; the charged price is what one billing event of this serving costs (the
 * decision's price, see {@link Decision}), which intake bills and budgets reserved. Version 2 ids
 * (without the charged price, 72 bytes, 119 characters) and version 1 ids (without the audience
 * either, 67 bytes, 113 characters) still verify, charged their bid and with an unknown audience
 * for version 1: ids issued before an upgrade stay valid for the whole attribution window, so their
 * events are neither lost nor unbillable.
 *
 * <p>The mac is HMAC-SHA256 over a domain label and the payload, truncated to 16 bytes. The nonce
 * makes every id unique; it needs no secrecy (the mac carries the security), so it comes from
 * {@link ThreadLocalRandom}, which does not contend between threads.
 *
 * <p>Stateless and thread-safe. {@link #verify} never throws and compares macs in constant time;
 * only the canonical spelling of an id verifies, so an id cannot be re-spelt to dodge
 * de-duplication.
 */
public final class ImpressionIds {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN =
            "io.sparkads.delivery.impression-id\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION_1 = 1;
    private static final byte VERSION_2 = 2;
    private static final byte VERSION = 3;
    private static final int FLAG_SPARK = 1;
    private static final int FLAG_HAS_ITEM = 2;
    private static final int V1_PAYLOAD_BYTES = 3 + 8 * 8;
    private static final int V2_PAYLOAD_BYTES = V1_PAYLOAD_BYTES + 5;
    private static final int PAYLOAD_BYTES = V2_PAYLOAD_BYTES + 8;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_CHARS = encodedLength(PAYLOAD_BYTES);
    private static final int V1_PAYLOAD_CHARS = encodedLength(V1_PAYLOAD_BYTES);
    private static final int V2_PAYLOAD_CHARS = encodedLength(V2_PAYLOAD_BYTES);
    private static final int MAC_CHARS = encodedLength(MAC_BYTES);

    /** The length of every id this class issues. */
    public static final int ID_LENGTH = PAYLOAD_CHARS + 1 + MAC_CHARS;

    /** The length of a version 2 id, still accepted. */
    public static final int V2_ID_LENGTH = V2_PAYLOAD_CHARS + 1 + MAC_CHARS;

    /** The length of a version 1 id, still accepted. */
    public static final int V1_ID_LENGTH = V1_PAYLOAD_CHARS + 1 + MAC_CHARS;

    private final SecretKeySpec key;
    private final ThreadLocal<Signer> signers;

    /**
     * @param secret at least {@value #MIN_SECRET_BYTES} random bytes, the same on every server that
     *     verifies the ids; copied
     */
    public ImpressionIds(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "impression id secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
        newMac(); // fail now, not on the first request, if the platform lacks HMAC-SHA256
        this.signers = ThreadLocal.withInitial(() -> new Signer(newMac()));
    }

    /**
     * A new id for one serving of the ad, to an unknown audience; no two calls return the same id.
     */
    public String issue(AdCandidate ad, Instant servedAt) {
        return issue(ad, ServedAudience.unknown(), servedAt);
    }

    /**
     * A new id for one serving of the ad to the audience, charged its bid; no two calls return the
     * same id.
     */
    public String issue(AdCandidate ad, ServedAudience audience, Instant servedAt) {
        return issue(ad, audience, servedAt, ad.bidMicros());
    }

    /**
     * A new id for one serving of the ad to the audience, charged {@code chargedMicros} per billing
     * event (at most the bid; for OCPM, whose bid is per conversion and price per 1000 impressions,
     * at most {@link BillingEvent#maxChargeMicros}); no two calls return the same id.
     */
    public String issue(
            AdCandidate ad, ServedAudience audience, Instant servedAt, long chargedMicros) {
        if (chargedMicros <= 0
                || chargedMicros > ad.billingEvent().maxChargeMicros(ad.bidMicros())) {
            throw new IllegalArgumentException(
                    "ad " + ad.lineage().adId() + ": the charged price must be within the bid");
        }
        Signer signer = signers.get();
        ByteBuffer payload = signer.payload.clear();
        int flags = (ad.spark() ? FLAG_SPARK : 0) | (ad.itemId() != null ? FLAG_HAS_ITEM : 0);
        payload.put(VERSION)
                .put((byte) flags)
                .put(code(BILLING_EVENTS, ad.billingEvent()))
                .putLong(ad.lineage().adId())
                .putLong(ad.lineage().adgroupId())
                .putLong(ad.lineage().campaignId())
                .putLong(ad.lineage().advertiserId())
                .putLong(ad.itemId() != null ? ad.itemId() : 0L)
                .putLong(ad.bidMicros())
                .putLong(servedAt.toEpochMilli())
                .putLong(ThreadLocalRandom.current().nextLong())
                .put(code(PLACEMENTS, audience.placement()))
                .put(code(ServedAudience.AGE_GROUPS, audience.ageGroup()))
                .put(code(ServedAudience.GENDERS, audience.gender()));
        if (audience.region() != null) {
            payload.put((byte) audience.region().charAt(0)).put((byte) audience.region().charAt(1));
        } else {
            payload.put((byte) 0).put((byte) 0);
        }
        payload.putLong(chargedMicros);
        return signer.id();
    }

    /**
     * One thread's mac and buffers, so that issuing an id costs only its own string and checking
     * one allocates no mac.
     */
    private static final class Signer {
        final Mac hmac;
        final ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        final byte[] fullMac;
        final byte[] mac = new byte[MAC_BYTES];
        final byte[] macChars = new byte[MAC_CHARS];
        final byte[] id = new byte[ID_LENGTH];

        Signer(Mac hmac) {
            this.hmac = hmac;
            this.fullMac = new byte[hmac.getMacLength()];
        }

        /** The id of the payload written into {@link #payload}. */
        String id() {
            byte[] bytes = payload.array();
            int at = ENCODER.encode(bytes, id);
            id[at++] = '.';
            ENCODER.encode(mac(bytes), macChars);
            System.arraycopy(macChars, 0, id, at, MAC_CHARS);
            return new String(id, StandardCharsets.ISO_8859_1);
        }

        /** The payload's truncated mac, in this signer's buffer until its next use. */
        byte[] mac(byte[] bytes) {
            hmac.update(DOMAIN);
            hmac.update(bytes);
            try {
                hmac.doFinal(fullMac, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e); // sized by the mac itself
            }
            System.arraycopy(fullMac, 0, mac, 0, MAC_BYTES);
            return mac;
        }
    }

    /**
     * The ticket an id stands for; empty when the id is malformed, altered, or signed with another
     * secret. Never throws.
     */
    public Optional<ImpressionTicket> verify(String impressionId) {
        if (impressionId == null) {
            return Optional.empty();
        }
        int payloadChars;
        int payloadBytes;
        if (impressionId.length() == ID_LENGTH) {
            payloadChars = PAYLOAD_CHARS;
            payloadBytes = PAYLOAD_BYTES;
        } else if (impressionId.length() == V2_ID_LENGTH) {
            payloadChars = V2_PAYLOAD_CHARS;
            payloadBytes = V2_PAYLOAD_BYTES;
        } else if (impressionId.length() == V1_ID_LENGTH) {
            payloadChars = V1_PAYLOAD_CHARS;
            payloadBytes = V1_PAYLOAD_BYTES;
        } else {
            return Optional.empty();
        }
        if (impressionId.charAt(payloadChars) != '.') {
            return Optional.empty();
        }
        String payloadText = impressionId.substring(0, payloadChars);
        String macText = impressionId.substring(payloadChars + 1);
        byte[] payload;
        byte[] givenMac;
        try {
            payload = DECODER.decode(payloadText);
            givenMac = DECODER.decode(macText);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != payloadBytes
                || givenMac.length != MAC_BYTES
                || !isCanonical(payload, payloadText)
                || !isCanonical(givenMac, macText)
                || !MessageDigest.isEqual(signers.get().mac(payload), givenMac)) {
            return Optional.empty();
        }
        return parse(ByteBuffer.wrap(payload));
    }

    private static Optional<ImpressionTicket> parse(ByteBuffer payload) {
        byte version = payload.get();
        int flags = payload.get();
        BillingEvent billingEvent = decode(BILLING_EVENTS, payload.get());
        int expectedVersion =
                switch (payload.capacity()) {
                    case PAYLOAD_BYTES -> VERSION;
                    case V2_PAYLOAD_BYTES -> VERSION_2;
                    default -> VERSION_1;
                };
        if (version != expectedVersion
                || (flags & ~(FLAG_SPARK | FLAG_HAS_ITEM)) != 0
                || billingEvent == null) {
            return Optional.empty();
        }
        long adId = payload.getLong();
        long adgroupId = payload.getLong();
        long campaignId = payload.getLong();
        long advertiserId = payload.getLong();
        AdLineage lineage = new AdLineage(adId, adgroupId, campaignId, advertiserId);
        long itemId = payload.getLong();
        long bidMicros = payload.getLong();
        long servedAtMillis = payload.getLong();
        ServedAudience audience = ServedAudience.unknown();
        long chargedMicros = bidMicros;
        if (version != VERSION_1) {
            payload.getLong(); // the nonce
            byte placementCode = payload.get();
            byte age = payload.get();
            byte gender = payload.get();
            char first = (char) payload.get();
            char second = (char) payload.get();
            if (placementCode < 0
                    || placementCode > PLACEMENTS.size()
                    || age < 0
                    || age > ServedAudience.AGE_GROUPS.size()
                    || gender < 0
                    || gender > ServedAudience.GENDERS.size()) {
                return Optional.empty();
            }
            audience =
                    new ServedAudience(
                            decode(PLACEMENTS, placementCode),
                            decode(ServedAudience.AGE_GROUPS, age),
                            decode(ServedAudience.GENDERS, gender),
                            first == 0 && second == 0 ? null : "" + first + second);
        }
        if (version == VERSION) {
            chargedMicros = payload.getLong();
            if (chargedMicros <= 0 || chargedMicros > billingEvent.maxChargeMicros(bidMicros)) {
                return Optional.empty();
            }
        }
        return Optional.of(
                new ImpressionTicket(
                        lineage,
                        (flags & FLAG_HAS_ITEM) != 0 ? itemId : null,
                        (flags & FLAG_SPARK) != 0,
                        billingEvent,
                        bidMicros,
                        Instant.ofEpochMilli(servedAtMillis),
                        audience,
                        chargedMicros));
    }

    /**
     * The wire codes of placements and billing events (and of {@link ServedAudience}'s age groups
     * and genders): 1 + the index in these lists, 0 unknown, so a code does not depend on an enum's
     * declaration order. A new value goes at the end.
     */
    private static final List<Placement> PLACEMENTS = List.of(Placement.IN_FEED, Placement.TOPVIEW);

    private static final List<BillingEvent> BILLING_EVENTS =
            List.of(BillingEvent.CPM, BillingEvent.CPC, BillingEvent.CPV, BillingEvent.OCPM);

    private static <T> byte code(List<T> codes, T value) {
        return (byte) (value == null ? 0 : codes.indexOf(value) + 1);
    }

    /** The value of a checked code; {@code null} for 0, unknown, and for a code out of range. */
    private static <T> T decode(List<T> codes, byte code) {
        return code < 1 || code > codes.size() ? null : codes.get(code - 1);
    }

    /** Base64 decoding ignores the unused low bits of the last character; re-encoding does not. */
    private static boolean isCanonical(byte[] decoded, String text) {
        return ENCODER.encodeToString(decoded).equals(text);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static int encodedLength(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
