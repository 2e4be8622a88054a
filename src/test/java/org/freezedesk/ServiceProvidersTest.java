package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/** The named providers exist and are the ones the look-ups would have found: a wrong name would break every mail and timer. */
class ServiceProvidersTest {

    @Test
    void mailAndTimersFindTheProvidersNamedForThem() throws Exception {
        ServiceProviders.name();

        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(DatatypeFactory.newInstance().newDuration("PT6H").getHours()).isEqualTo(6);
        assertThat(System.getProperty("javax.xml.datatype.DatatypeFactory")).isEqualTo(DatatypeFactory.newInstance().getClass().getName());
    }
}
