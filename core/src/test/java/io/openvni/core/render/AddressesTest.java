package io.openvni.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.net.IpPrefix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {
    @ParameterizedTest
    @CsvSource({
        "10.1.0.0/24, 10.1.0.0/24",
        "::/0, ::/0",
        "::1/128, ::1/128",
        "2001:db8::/32, 2001:db8::/32",
        "2001:DB8:0:1:0:0:0:0/64, 2001:db8:0:1::/64",
        "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
        "2001:0:0:1:0:0:0:1/128, 2001:0:0:1::1/128",
        "1:0:1:0:1:0:1:0/128, 1:0:1:0:1:0:1:0/128",
        "fe80:0:0:0:0:0:0:0/10, fe80::/10",
    })
    void formatsLikeOperatorsWriteThem(final String text, final String expected) {
        assertEquals(expected, Addresses.canonical(IpPrefix.parse(text)));
    }
}
