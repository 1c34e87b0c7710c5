package io.sparkads.delivery;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page's Open Graph tags ({@code og:title}, {@code og:description}, {@code og:image}) with
 * a few patterns rather than a full HTML parser: the tags are one-line {@code <meta>} elements in
 * the head, and the panel shows only these three texts, escaped by whoever renders them.
 */
final class OpenGraphTags {
    private static final Pattern META = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE =
            Pattern.compile(
                    "([a-zA-Z:_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    /** Texts longer than this are cut: a panel shows a line or two. */
    static final int MAX_TEXT = 300;

    private OpenGraphTags() {}

    /** The card the page's HTML describes; {@code page} is the address it was read from. */
    static OpenGraphCard read(String html, URI page, String shownUrl) {
        String title = null;
        String description = null;
        String image = null;
        Matcher meta = META.matcher(html);
        while (meta.find()) {
            String key = null;
            String content = null;
            Matcher attribute = ATTRIBUTE.matcher(meta.group());
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String value =
                        attribute.group(2) != null
                                ? attribute.group(2)
                                : attribute.group(3) != null
                                        ? attribute.group(3)
                                        : attribute.group(4);
                if (name.equals("property") || name.equals("name")) {
                    key = value.toLowerCase(Locale.ROOT);
                } else if (name.equals("content")) {
                    content = value;
                }
            }
            if (key == null || content == null) {
                continue;
            }
            switch (key) {
                case "og:title" -> title = title == null ? text(content) : title;
                case "og:description" ->
                        description = description == null ? text(content) : description;
                case "og:image", "og:image:url", "og:image:secure_url" ->
                        image = image == null ? image(content, page) : image;
                default -> {}
            }
        }
        if (title == null) {
            Matcher t = TITLE.matcher(html);
            if (t.find()) {
                title = text(t.group(1));
            }
        }
        if (title == null) {
            title = page.getHost();
        }
        return new OpenGraphCard(shownUrl, title, description, image, true);
    }

    /** A plain card for a page that could not be read: its URL, titled with its host. */
    static OpenGraphCard plain(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return new OpenGraphCard(url, host == null ? url : host, null, null, false);
    }

    private static String text(String raw) {
        String text = decode(raw.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1).strip() + "…" : text;
    }

    /** An image address, resolved against the page; only http and https images are kept. */
    private static String image(String raw, URI page) {
        try {
            URI resolved = page.resolve(decode(raw).strip());
            String scheme = resolved.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || resolved.getHost() == null) {
                return null;
            }
            return resolved.toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String text) {
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            String replacement =
                    Character.isValidCodePoint(code) && code != 0
                            ? new String(Character.toChars(code))
                            : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString()
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }
}
