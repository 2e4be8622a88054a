package org.freezedesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on an in-memory H2 database with the demo users and directory, the job executor
 * off (tests execute jobs themselves), the outbox marking mail sent only when a test flushes it, and mail going to the GreenMail server of {@link TestMail#server()}.
 * Every test class using it shares one Spring context, so tests must not depend on what others stored.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:freezedesk;DB_CLOSE_DELAY=-1",
        "freezedesk.mail.embedded-smtp.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        // As the outbox's poller is off, mail sent after commit is marked sent when a test flushes (OutboxSender#flushSent).
        "freezedesk.outbox.sent-flush-interval=PT1H",
        // Every test class shares the demo users, whose keys the tests create by the hundred.
        "freezedesk.api-keys.max-working-per-owner=100000"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
public @interface FreezeDeskTest {
}
