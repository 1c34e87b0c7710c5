package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies BALANCERS = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5");

    @Test
    void withNoTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.parse("").clientAddress("10.0.0.1", List.of("203.0.113.7")))
                .isEqualTo("10.0.0.1");
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void aClientTalkingDirectlyCannotSpoofItsAddressWithTheHeader() {
        assertThat(BALANCERS.clientAddress("198.51.100.9", List.of("10.0.0.1, 203.0.113.7")))
                .isEqualTo("198.51.100.9");
        assertThat(BALANCERS.clientAddress("198.51.100.9", List.of("1.2.3.4")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightmostAddressThatIsNotAProxy() {
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
        // the client wrote "1.2.3.4" itself; the balancer appended the address it saw
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("1.2.3.4, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
        // two proxies in a row, both trusted, the second header line is the later hop
        assertThat(
                        BALANCERS.clientAddress(
                                "10.0.0.1", List.of("1.2.3.4, 203.0.113.7", "192.168.1.5")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void whenEveryHopIsAProxyTheLeftmostIsTheClient() {
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("10.9.9.9, 192.168.1.5")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void anEntryThatIsNotAnAddressStopsAtTheHopThatWroteIt() {
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("unknown"))).isEqualTo("10.0.0.1");
        assertThat(
                        BALANCERS.clientAddress(
                                "10.0.0.1", List.of("203.0.113.7, 10.0.0.2, evil.example")))
                .isEqualTo("10.0.0.1");
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("999.1.1.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void portsAndBracketsAreCutFromForwardedEntries() {
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("203.0.113.7:51234")))
                .isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientAddress("10.0.0.1", List.of("[2001:db8::7]:443")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void ipv6ProxiesAndClientsAreMatchedByCidr() {
        TrustedProxies proxies = TrustedProxies.parse("fd00::/8 ::1");
        assertThat(proxies.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::7")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.clientAddress("fd12:3456::1", List.of("2001:DB8::7, fd00::9")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        // fe80:: is outside fd00::/8: the header is not believed
        assertThat(proxies.clientAddress("fe80::1", List.of("2001:db8::7"))).isEqualTo("fe80::1");
        // an IPv4 client behind an IPv6 proxy
        assertThat(proxies.clientAddress("::1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void cidrBlocksMatchOnTheirPrefixBitsOnly() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12");
        assertThat(proxies.clientAddress("172.31.255.254", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("172.32.0.1", List.of("203.0.113.7")))
                .isEqualTo("172.32.0.1");
        assertThat(proxies.clientAddress("172.15.255.255", List.of("203.0.113.7")))
                .isEqualTo("172.15.255.255");
        assertThat(TrustedProxies.parse("0.0.0.0/0").clientAddress("8.8.8.8", List.of("1.1.1.1")))
                .isEqualTo("1.1.1.1");
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertThat(BALANCERS.clientAddress("::ffff:10.0.0.1", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aSettingThatIsNotAnAddressOrBlockIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, balancer.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'balancer.internal' is not an IP address or a CIDR block")
                .hasMessageContaining("10.0.0.0/8");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .hasMessageContaining("'10.0.0.0/33' has a prefix length that is not 0–32 bits");
        assertThatThrownBy(() -> TrustedProxies.parse("fd00::/129"))
                .hasMessageContaining("not 0–128 bits");
    }
}
