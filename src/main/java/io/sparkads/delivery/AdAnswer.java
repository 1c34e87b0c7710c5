package io.sparkads.delivery;

import io.sparkads.common.Creative;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.Decision;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The ads one platform API ad request was served, and their JSON written straight to a generator
 * (no reflection, names encoded once) for the lean listener. Its names and nulls are those the
 * servlet stack's records give ({@code AdRequestPlatformController}); a test compares both.
 */
public final class AdAnswer {
    private static final SerializableString REQUEST_ID = new SerializedString("request_id");
    private static final SerializableString ADS = new SerializedString("ads");
    private static final SerializableString IMPRESSION_ID = new SerializedString("impression_id");
    private static final SerializableString AD_ID = new SerializedString("ad_id");
    private static final SerializableString ITEM_ID = new SerializedString("item_id");
    private static final SerializableString SPARK = new SerializedString("spark");
    private static final SerializableString IDENTITY = new SerializedString("identity");
    private static final SerializableString ACCOUNT_ID = new SerializedString("account_id");
    private static final SerializableString DISPLAY_NAME = new SerializedString("display_name");
    private static final SerializableString AVATAR_URL = new SerializedString("avatar_url");
    private static final SerializableString CAPTION = new SerializedString("caption");
    private static final SerializableString VIDEO = new SerializedString("video");
    private static final SerializableString URL = new SerializedString("url");
    private static final SerializableString POSTER_URL = new SerializedString("poster_url");
    private static final SerializableString CALL_TO_ACTION = new SerializedString("call_to_action");
    private static final SerializableString DESTINATION = new SerializedString("destination");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString SPONSORED_LABEL =
            new SerializedString("sponsored_label");

    /** What every served ad is labelled with. */
    public static final String SPONSORED = "Sponsored";

    private final String requestId;
    private final List<Decision> decisions;

    AdAnswer(String requestId, List<Decision> decisions) {
        this.requestId = requestId;
        this.decisions = List.copyOf(decisions);
    }

    public String requestId() {
        return requestId;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    /** {@code {"request_id": …, "ads": [{"impression_id": …, …}]}}. */
    public void writeTo(JsonGenerator json) {
        json.writeStartObject();
        json.writeName(REQUEST_ID);
        json.writeString(requestId);
        json.writeName(ADS);
        json.writeStartArray();
        for (Decision decision : decisions) {
            writeAd(json, decision);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAd(JsonGenerator json, Decision decision) {
        AdCandidate ad = decision.ad();
        Creative creative = ad.creative();
        json.writeStartObject();
        string(json, IMPRESSION_ID, decision.impressionId());
        string(json, AD_ID, String.valueOf(ad.lineage().adId()));
        string(json, ITEM_ID, ad.itemId() == null ? null : String.valueOf(ad.itemId()));
        json.writeName(SPARK);
        json.writeBoolean(ad.spark());
        json.writeName(IDENTITY);
        json.writeStartObject();
        string(json, ACCOUNT_ID, creative.identityAccountId());
        string(json, DISPLAY_NAME, creative.displayName());
        string(json, AVATAR_URL, creative.avatarUrl());
        json.writeEndObject();
        string(json, CAPTION, creative.caption());
        json.writeName(VIDEO);
        json.writeStartObject();
        string(json, URL, creative.videoUrl());
        string(json, POSTER_URL, creative.posterUrl());
        json.writeEndObject();
        string(json, CALL_TO_ACTION, creative.callToAction());
        json.writeName(DESTINATION);
        json.writeStartObject();
        string(json, TYPE, creative.destinationType());
        string(json, URL, creative.destinationUrl());
        json.writeEndObject();
        string(json, SPONSORED_LABEL, SPONSORED);
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, SerializableString name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }
}
