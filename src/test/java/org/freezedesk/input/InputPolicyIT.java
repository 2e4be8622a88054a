package org.freezedesk.input;

import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link InputPolicyChecks} on PostgreSQL, which refuses NUL in text and has the date range that overflowed. */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class InputPolicyIT extends InputPolicyChecks {

    /** A database of its own: the job executors of other applications in this JVM would otherwise run this story's jobs. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.newDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }
}
