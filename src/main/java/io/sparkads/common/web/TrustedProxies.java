package io.sparkads.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which proxies may say who the client is. A request that reaches the server from one of them (its
 * socket address) is taken to come from the rightmost {@code X-Forwarded-For} address that is not
 * itself a trusted proxy; from anyone else, the header is ignored, so a client cannot pick its own
 * rate-limit bucket by writing the header. Addresses are parsed as literals only, never looked up.
 */
final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern IPV4_WITH_PORT =
            Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d+");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](:\\d+)?");

    static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * The proxies in {@code setting}: addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code
     * fd00::/8}) separated by commas or spaces; blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : setting.strip().split("[,\\s]+")) {
            blocks.add(block(entry));
        }
        return new TrustedProxies(blocks);
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client's address: {@code socketAddress} unless it is a trusted proxy, else walking {@code
     * forwardedFor} (the header's values in order, each a comma-separated list) from the right past
     * trusted proxies. An entry that is not an address stops the walk at the hop that wrote it.
     */
    String clientAddress(String socketAddress, List<String> forwardedFor) {
        Optional<InetAddress> socket = literal(socketAddress);
        if (socket.isEmpty() || !trusted(socket.get())) {
            return socketAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(hops::add);
        }
        InetAddress client = socket.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hostOf(hops.get(i)));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /** The address part of a header entry: {@code [v6]:port}, {@code v4:port} and zones are cut. */
    private static String hostOf(String entry) {
        var bracketed = BRACKETED.matcher(entry);
        if (bracketed.matches()) {
            return bracketed.group(1);
        }
        var withPort = IPV4_WITH_PORT.matcher(entry);
        if (withPort.matches()) {
            return withPort.group(1);
        }
        return entry;
    }

    /** The address if {@code text} is an IPv4 or IPv6 literal; nothing is resolved by name. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip();
        int zone = plain.indexOf('%');
        if (zone > 0) {
            plain = plain.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(plain).matches();
        if (!v4 && !IPV6.matcher(plain).matches()) {
            return Optional.empty();
        }
        if (v4
                && Arrays.stream(plain.split("\\."))
                        .anyMatch(part -> Integer.parseInt(part) > 255)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(plain));
        } catch (UnknownHostException | IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress base =
                literal(address)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "sparkads.trusted-proxies: '"
                                                        + entry
                                                        + "' is not an IP address or a CIDR block;"
                                                        + " write addresses such as 10.0.0.7 or"
                                                        + " blocks such as 10.0.0.0/8 or fd00::/8,"
                                                        + " separated by commas"));
        int bits = base.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException(
                        "sparkads.trusted-proxies: '"
                                + entry
                                + "' has a prefix length that is not 0–"
                                + bits
                                + " bits");
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(base.getAddress(), prefix);
    }

    private record Block(byte[] base, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[whole] & mask) == (base[whole] & mask);
        }
    }
}
