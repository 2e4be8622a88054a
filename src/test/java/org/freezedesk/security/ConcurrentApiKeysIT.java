package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Keys;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sixteen requests for a key of the same name at the same moment, on PostgreSQL: the unique constraint lets one
 * through, the others are told the name is taken, and no request fails otherwise.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
class ConcurrentApiKeysIT {

    private static final int REQUESTS = 16;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired ApiKeys keys;
    @Autowired StaffUserRepository users;
    @Autowired JdbcClient jdbc;

    @Test
    void sixteenKeysOfTheSameNameAtOnceMakeOne() throws Exception {
        StaffUser agency = users.loadUserByUsername("agency");
        ApiKeyForm form = Keys.form(EnumSet.of(Role.AGENCY));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            answers.add(threads.submit(() -> {
                start.await();
                try {
                    return keys.createForUser(agency, form).secret();
                } catch (ApiKeyProblem taken) {
                    return "refused " + taken.field() + ": " + taken.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) {
            outcomes.add(answer.get());
        }
        threads.shutdown();

        assertThat(outcomes.stream().filter(o -> o.startsWith(ApiKeys.PREFIX))).as("created").hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.startsWith("refused name: You already have a key named"))).hasSize(REQUESTS - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE owner_username = 'agency' AND name = ?").param(form.getName())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'API_KEY_CREATED' AND after_value LIKE ?")
                .param("%name=" + form.getName() + ",%").query(Integer.class).single()).as("one creation recorded").isEqualTo(1);
    }
}
