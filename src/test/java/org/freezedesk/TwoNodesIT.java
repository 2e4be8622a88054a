package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two nodes on one PostgreSQL database, as behind a load balancer without sticky sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"freezedesk.mail.embedded-smtp.enabled=false", TwoNodesIT.LOGIN_WINDOW})
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, so it takes no jobs of the PostgreSQL tests that follow.
@DirtiesContext
class TwoNodesIT {

    /** Short, so that the test of the login limit waits for the window to pass in seconds. */
    static final String LOGIN_WINDOW = "freezedesk.login-throttle.window=PT15S";

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
        int secondPort = secondNode().getWebServer().getPort();
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

    /**
     * Wrong passwords are counted across both nodes: the 11th within the window is refused whichever node
     * gets it, with a message on the form, even with the right password; once the window has passed the right
     * password works again.
     */
    @Test
    void theEleventhWrongPasswordForAnAccountIsRefusedOnEitherNode() {
        int[] nodes = {port, secondNode().getWebServer().getPort()};
        for (int attempt = 1; attempt <= 10; attempt++) {
            Page wrong = loginForm(nodes[attempt % 2], "auditor", "wrong-" + attempt);
            assertThat(wrong.location()).as("wrong password " + attempt).endsWith("/login?error");
        }

        Page refused = loginForm(nodes[1], "auditor", "wrong-11");
        assertThat(refused.location()).as("the 11th").contains("/login?throttled=");
        Page form = new Browser(nodes[1]).get(refused.location().substring(refused.location().indexOf("/login")));
        assertThat(form.document().select("#throttled").text()).contains("Too many wrong passwords");

        assertThat(loginForm(nodes[0], "auditor", "auditor").location()).as("the right password on the other node, within the window")
                .contains("/login?throttled=");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(5))
                .until(() -> loginForm(nodes[1], "auditor", "auditor").location().endsWith("/"));
    }

    private static Page loginForm(int port, String username, String password) {
        Browser browser = new Browser(port);
        browser.get("/login");
        return browser.post("/login", Map.of("username", username, "password", password));
    }

    /** One second node for the class, started by the first test that needs it. */
    private static synchronized ServletWebServerApplicationContext secondNode() {
        if (secondNode == null) {
            secondNode = startSecondNode();
        }
        return secondNode;
    }

    /** Command-line arguments, because they outrank application.yml as a real node's settings would. */
    private static ServletWebServerApplicationContext startSecondNode() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--freezedesk.mail.embedded-smtp.enabled=false",
                "--" + LOGIN_WINDOW,
                "--spring.mail.port=" + TestMail.PORT, "--camunda.bpm.process-engine-name=second-node"));
        PostgresTestDatabase.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return (ServletWebServerApplicationContext) new SpringApplicationBuilder(FreezeDeskApplication.class)
                .run(arguments.toArray(String[]::new));
    }
}
