package org.lateral.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.Caller;
import org.lateral.DigestSendRequest;

class DigestSenderTest {

    private static final List<String> REST = List.of("c@school.example", "d@school.example");

    @Test
    void theSendToTheOthersIsTheCommandTheOrganiserRanWithItsFolders() {
        assertThat(DigestSender.sendAgain(DigestSendRequest.of(Path.of("."), List.of("a@school.example")), REST))
                .isEqualTo("lateral digest send --to c@school.example d@school.example");
        assertThat(DigestSender.sendAgain(DigestSendRequest.of(Path.of("hub"), List.of("a@school.example")), REST))
                .isEqualTo("lateral digest send hub --to c@school.example d@school.example");
        assertThat(DigestSender.sendAgain(DigestSendRequest.of(Path.of("Cwm Valley hub"), List.of("a@school.example"))
                .withOutput(Path.of("site")), REST))
                .isEqualTo("lateral digest send \"Cwm Valley hub\" --output site --to c@school.example d@school.example");
    }

    @Test
    void fromMavenItIsTheGoalWithTheAddressesLeft() {
        DigestSendRequest maven = DigestSendRequest.of(Path.of("/srv/network/hub"), List.of("a@school.example"))
                .withCaller(Caller.MAVEN);
        assertThat(DigestSender.sendAgain(maven, REST))
                .isEqualTo("mvn lateral:digest-send -Dlateral.to=c@school.example,d@school.example");
    }
}
