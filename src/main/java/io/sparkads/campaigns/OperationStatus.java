package io.sparkads.campaigns;

/** What the advertiser asked for: run, pause or delete. */
public enum OperationStatus {
    ENABLE,
    DISABLE,
    DELETE
}
