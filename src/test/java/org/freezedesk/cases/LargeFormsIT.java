package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.freezedesk.support.Browser;
import org.freezedesk.support.Browser.Page;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Through the real Tomcat, whose parameter and part limits MockMvc does not have: a filing of 500 typed rows
 * arrives whole, CSRF token included, and is filed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
class LargeFormsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void fiveHundredTypedRowsAreFiledThroughTomcat() {
        Browser browser = new Browser(port).login("agency", "agency");
        Page form = browser.get("/cases/new");
        assertThat(form.document().selectFirst("form[action$=/cases]").attr("enctype")).as("URL-encoded").isEmpty();

        Map<String, String> fields = LargeFormsTest.filing(500);
        Page filed = browser.post("/cases", fields);

        assertThat(filed.status()).as(filed.document().text()).isEqualTo(302);
        String reference = filed.location().substring(filed.location().lastIndexOf('/') + 1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM target t JOIN freeze_request r ON r.id = t.freeze_request_id
                JOIN freeze_case c ON c.id = r.case_id WHERE c.reference = ?""").param(reference).query(Integer.class).single())
                .isEqualTo(500);
    }
}
