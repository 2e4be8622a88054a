package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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
 * Sixteen requests for a key at the same moment, on PostgreSQL: of the same name, the unique constraint lets one
 * through and the others are told the name is taken; of new names near the limit, only as many as the limit allows
 * are made. No request fails otherwise.
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
        List<String> outcomes = atOnce(() -> form, agency);

        assertThat(outcomes.stream().filter(o -> o.startsWith(ApiKeys.PREFIX))).as("created").hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.startsWith("refused name: You already have a key named"))).hasSize(REQUESTS - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE owner_username = 'agency' AND name = ?").param(form.getName())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'API_KEY_CREATED' AND after_value LIKE ?")
                .param("%name=" + form.getName() + ",%").query(Integer.class).single()).as("one creation recorded").isEqualTo(1);
    }

    @Test
    void sixteenNewKeysAtOnceStopAtTheMostOneMayHold() throws Exception {
        StaffUser legal = users.loadUserByUsername("legal");
        for (int i = 0; i < keys.maxWorking() - 2; i++) {
            keys.createForUser(legal, Keys.form(EnumSet.of(Role.LEGAL)));
        }
        List<String> outcomes = atOnce(() -> Keys.form(EnumSet.of(Role.LEGAL)), legal);

        assertThat(outcomes.stream().filter(o -> o.startsWith(ApiKeys.PREFIX))).as("created up to the limit").hasSize(2);
        assertThat(outcomes.stream().filter(o -> o.startsWith("refused name: You have 20 working keys"))).hasSize(REQUESTS - 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE owner_username = 'legal' AND revoked_at IS NULL").query(Integer.class)
                .single()).isEqualTo(keys.maxWorking());
    }

    private List<String> atOnce(Supplier<ApiKeyForm> form, StaffUser owner) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ApiKeyForm each = form.get();
            answers.add(threads.submit(() -> {
                start.await();
                try {
                    return keys.createForUser(owner, each).secret();
                } catch (ApiKeyProblem refused) {
                    return "refused " + refused.field() + ": " + refused.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) {
            outcomes.add(answer.get());
        }
        threads.shutdown();
        return outcomes;
    }
}
