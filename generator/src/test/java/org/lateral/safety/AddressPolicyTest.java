package org.lateral.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static final AddressPolicy DEFAULT = AddressPolicy.publicOnly();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.5", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "192.0.0.8",
            "198.18.0.1"})
    void refusesInternalAddressesByDefault(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal); // literals: no DNS lookup
        assertThat(DEFAULT.refusal(address)).hasValueSatisfying(why -> assertThat(why).startsWith("the address "));
        assertThat(DEFAULT.isCertainlyInternal(literal.contains(":") ? "[" + literal + "]" : literal)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5",
            "1.1.1.1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(DEFAULT.refusal(InetAddress.getByName(literal))).isEmpty();
        assertThat(DEFAULT.isCertainlyInternal(literal.contains(":") ? "[" + literal + "]" : literal)).isFalse();
    }

    @Test
    void refusalNamesTheAddressAndWhatItIs() throws UnknownHostException {
        assertThat(DEFAULT.refusal(URI.create("http://10.0.0.5:8080/feed")))
                .contains("the address 10.0.0.5 is on a private network");
        assertThat(DEFAULT.refusal(URI.create("http://[::ffff:7f00:1]/feed"))).hasValueSatisfying(why ->
                assertThat(why).contains("127.0.0.1").contains("loopback"));
        assertThat(DEFAULT.refusal(URI.create("http://localhost/feed"))).hasValueSatisfying(why ->
                assertThat(why).contains("loopback"));
    }

    @Test
    void allowedAddressesAndRangesAreFetched() throws UnknownHostException {
        AddressPolicy policy = DEFAULT.allowing(List.of("127.0.0.1", "10.1.0.0/16", "fd00::/8"));

        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("10.1.200.3"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.2.0.1"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).isEmpty();
        assertThat(policy.allowed()).containsExactly("127.0.0.1", "10.1.0.0/16", "fd00::/8");
    }

    @Test
    void badEntriesAreNamedInPlainWords() {
        assertThat(AddressPolicy.problemWith("10.1.0.0/16")).isEmpty();
        assertThat(AddressPolicy.problemWith("::1")).isEmpty();
        assertThat(AddressPolicy.problemWith("intranet.school")).hasValueSatisfying(p ->
                assertThat(p).contains("not an IP address").contains("host names are not accepted"));
        assertThat(AddressPolicy.problemWith("10.1.0.0/33")).hasValueSatisfying(p -> assertThat(p).contains("0 to 32"));
        assertThat(AddressPolicy.problemWith("300.1.1.1")).isPresent();
        assertThat(AddressPolicy.problemWith("")).isPresent();
        assertThatThrownBy(() -> DEFAULT.allowing(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostNamesThatAreCertainlyInternalAreKnownWithoutALookup() {
        assertThat(DEFAULT.isCertainlyInternal("localhost")).isTrue();
        assertThat(DEFAULT.isCertainlyInternal("printer.localhost")).isTrue();
        assertThat(DEFAULT.isCertainlyInternal("intranet")).isTrue();
        assertThat(DEFAULT.isCertainlyInternal("2130706433")).isTrue();
        assertThat(DEFAULT.isCertainlyInternal("0x7f.1")).isTrue();
        assertThat(DEFAULT.isCertainlyInternal("blog.example.org")).isFalse();
    }
}
