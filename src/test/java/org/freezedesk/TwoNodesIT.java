package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.support.Browser;
import org.freezedesk.support.Browser.Page;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two nodes on one PostgreSQL database, as behind a load balancer without sticky sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
class TwoNodesIT {

    private static ServletWebServerApplicationContext secondNode;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired CounterpartyRepository counterparties;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aLoginOnOneNodeCarriesOnToTheOther() {
        int secondPort = startSecondNode().getWebServer().getPort();
        Browser firstNode = new Browser(port).login("agency", "agency");
        firstNode.get("/cases/new");

        Browser sameUserOnSecondNode = firstNode.atPort(secondPort);
        Page filed = sameUserOnSecondNode.post("/cases", Map.of(
                "title", "Filed through the second node",
                "incidentSummary", "Form loaded on node 1, submitted to node 2.",
                "legalBasis", "Proceeds of Crime Act, s. 41",
                "urgency", "URGENT",
                "targets[0].chain", "ETH",
                "targets[0].asset", "USDT",
                "targets[0].address", Filings.ETH_ADDRESS,
                "targets[0].amount", "10"));

        assertThat(filed.status()).isEqualTo(302);
        assertThat(filed.location()).contains("/cases/FRZ-");
        String casePath = filed.location().substring(filed.location().indexOf("/cases/"));
        assertThat(firstNode.get(casePath).document().text()).contains("Filed through the second node");
    }

    /** Command-line arguments, because they outrank application.yml as a real node's settings would. */
    private static ServletWebServerApplicationContext startSecondNode() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--freezedesk.mail.embedded-smtp.enabled=false",
                "--spring.mail.port=" + TestMail.PORT, "--camunda.bpm.process-engine-name=second-node"));
        PostgresTestDatabase.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        secondNode = (ServletWebServerApplicationContext) new SpringApplicationBuilder(FreezeDeskApplication.class)
                .run(arguments.toArray(String[]::new));
        return secondNode;
    }
}
