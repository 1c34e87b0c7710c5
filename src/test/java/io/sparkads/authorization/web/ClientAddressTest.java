package io.sparkads.authorization.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void aLoopbackAddressReadsAsThisComputer() {
        assertThat(ClientAddress.readable("0:0:0:0:0:0:0:1")).isEqualTo("this computer");
        assertThat(ClientAddress.readable("::1")).isEqualTo("this computer");
        assertThat(ClientAddress.readable("127.0.0.1")).isEqualTo("this computer");
        assertThat(ClientAddress.readable("::ffff:127.0.0.1")).isEqualTo("this computer");
    }

    @Test
    void anIpv6AddressIsCompressedAsRfc5952WritesIt() {
        assertThat(ClientAddress.readable("2001:0db8:0000:0000:0000:ff00:0042:8329"))
                .isEqualTo("2001:db8::ff00:42:8329");
        assertThat(ClientAddress.readable("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.readable("2001:DB8:0:1:1:1:1:1"))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(ClientAddress.readable("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1");
        assertThat(ClientAddress.readable("1:0:0:0:0:0:0:0")).isEqualTo("1::");
        assertThat(ClientAddress.readable("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv4AddressStaysAsItIsAndNothingReadsAsADash() {
        assertThat(ClientAddress.readable("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.readable(null)).isEqualTo("—");
        assertThat(ClientAddress.readable(" ")).isEqualTo("—");
    }

    @Test
    void somethingThatIsNoAddressIsShownAsStored() {
        assertThat(ClientAddress.readable("1:2:3")).isEqualTo("1:2:3");
        assertThat(ClientAddress.readable("gateway")).isEqualTo("gateway");
    }
}
