package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lateral.LateralException;
import org.lateral.Problem;

class NetworkConfigTest {

    private static SiteConfig load(String yaml) {
        return SiteConfigLoader.fromNode(Yaml.parse(yaml, Path.of("site.yaml"), 1), Path.of("site.yaml"),
                new ArrayList<>());
    }

    private static List<Problem> problems(String yaml) {
        try {
            load(yaml);
        } catch (LateralException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in " + yaml);
    }

    @Test
    void withoutANetworkSectionOnlyPublicAddressesAreAllowed() throws Exception {
        SiteConfig config = load("title: T\nbaseUrl: https://x.example/\n");

        assertThat(config.network().allow()).isEmpty();
        assertThat(config.network().policy().refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
    }

    @Test
    void allowListsAddressesAndRanges() throws Exception {
        SiteConfig config = load("""
                title: T
                baseUrl: https://x.example/
                network:
                  allow: ["127.0.0.1", "10.1.0.0/16"]
                """);

        assertThat(config.network().allow()).containsExactly("127.0.0.1", "10.1.0.0/16");
        assertThat(config.network().policy().refusal(InetAddress.getByName("10.1.4.5"))).isEmpty();
        assertThat(config.params()).doesNotContainKey("network");
    }

    @Test
    void badEntriesArePositionedErrorsWithAFix() {
        List<Problem> problems = problems("""
                title: T
                baseUrl: https://x.example/
                network:
                  allow:
                    - 127.0.0.1
                    - intranet.school
                    - 10.0.0.0/40
                  alow: []
                """);

        assertThat(problems).extracting(Problem::line).containsExactlyInAnyOrder(6, 7, 8);
        assertThat(problems).filteredOn(p -> p.line() == 6).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("\"intranet.school\" is not an IP address");
            assertThat(p.hint()).contains("CIDR");
        });
        assertThat(problems).filteredOn(p -> p.line() == 8).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("network: has no setting \"alow\""));
        assertThatThrownBy(() -> load("title: T\nnetwork: yes\n")).isInstanceOf(LateralException.class);
    }

    @Test
    void addressesFromTheCommandLineAreAllowedOnTopAndAMistakeNamesTheOption() throws Exception {
        NetworkConfig config = new NetworkConfig(List.of("10.1.0.0/16"));
        var policy = config.policyAllowing(List.of("127.0.0.1"));
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.1.2.3"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("192.168.1.1"))).isPresent();
        assertThatThrownBy(() -> config.policyAllowing(List.of("not-an-address")))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems())
                        .singleElement().extracting(Problem::format).asString()
                        .contains("--allow-address").contains("CIDR"));
    }
}
