package io.sparkads.authorization.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The client's network address, for the audit trail and the code-attempt limits. */
final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private ClientAddress() {}

    /**
     * The client: common/web's {@code ClientAddresses} filter has already put the client a trusted
     * proxy forwarded in place of the socket address.
     */
    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * The address as people read it in the trail: "this computer" for a loopback address, IPv6
     * compressed as RFC 5952 writes it ({@code 0:0:0:0:0:0:0:1} is {@code ::1}, an IPv4-mapped one
     * its IPv4 address), IPv4 as it is, "—" when unknown; anything else as stored.
     */
    static String readable(String address) {
        if (address == null || address.isBlank()) {
            return "—";
        }
        String plain = address.strip();
        int zone = plain.indexOf('%');
        if (zone > 0) {
            plain = plain.substring(0, zone);
        }
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        if (IPV6.matcher(plain).matches()) {
            String compressed = compressed(plain);
            if (compressed == null) {
                return address.strip();
            }
            plain = compressed;
        }
        if (plain.equals("::1") || (IPV4.matcher(plain).matches() && plain.startsWith("127."))) {
            return "this computer";
        }
        return plain;
    }

    /** RFC 5952's form of an IPv6 address, or null if it is not one. */
    private static String compressed(String address) {
        int[] groups = groups(address.toLowerCase(Locale.ROOT));
        if (groups == null) {
            return null;
        }
        boolean mapped = true;
        for (int i = 0; i < 5; i++) {
            mapped &= groups[i] == 0;
        }
        if (mapped && groups[5] == 0xffff) {
            return (groups[6] >> 8)
                    + "."
                    + (groups[6] & 0xff)
                    + "."
                    + (groups[7] >> 8)
                    + "."
                    + (groups[7] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    /** The eight 16-bit groups of an IPv6 address, "::" and a trailing IPv4 part expanded. */
    private static int[] groups(String address) {
        String text = address;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') > lastColon) {
            String v4 = text.substring(lastColon + 1);
            if (!IPV4.matcher(v4).matches()) {
                return null;
            }
            int[] bytes = Arrays.stream(v4.split("\\.")).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(bytes).anyMatch(b -> b > 255)) {
                return null;
            }
            text =
                    text.substring(0, lastColon + 1)
                            + Integer.toHexString(bytes[0] << 8 | bytes[1])
                            + ":"
                            + Integer.toHexString(bytes[2] << 8 | bytes[3]);
        }
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail =
                halves.length == 2 && !halves[1].isEmpty()
                        ? halves[1].split(":", -1)
                        : new String[0];
        if (halves.length == 1 ? head.length != 8 : head.length + tail.length > 7) {
            return null;
        }
        int[] groups = new int[8];
        try {
            for (int i = 0; i < head.length; i++) {
                groups[i] = group(head[i]);
            }
            for (int i = 0; i < tail.length; i++) {
                groups[8 - tail.length + i] = group(tail[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return groups;
    }

    private static int group(String hex) {
        if (hex.isEmpty() || hex.length() > 4) {
            throw new NumberFormatException(hex);
        }
        return Integer.parseInt(hex, 16);
    }
}
