package io.sparkads.delivery;

/**
 * What a landing page says about itself in its Open Graph tags, for the panel at the top of a
 * profile entered from an ad. When the page could not be read, the card is plain: the URL, titled
 * with its host, and {@code fetched} is false.
 *
 * @param url the page the card opens (the ad's landing page, as the advertiser gave it)
 * @param title {@code og:title}, else the page's {@code <title>}, else the host
 * @param description {@code og:description}, or null
 * @param imageUrl {@code og:image} resolved against the page's address, or null
 * @param fetched whether the page was read; false for the plain fallback card
 */
public record OpenGraphCard(
        String url, String title, String description, String imageUrl, boolean fetched) {}
