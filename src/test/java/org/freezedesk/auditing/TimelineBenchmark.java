package org.freezedesk.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.audit.TimelinePosition;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's timeline of a case with 5,000 audit events on PostgreSQL, rendered as the auditor gets
 * it (security, controller, queries, template): the first page, a page in the middle, the last page and
 * a filtered page. Target: under 300 ms. Run with {@code ./mvnw verify -Pbenchmark -Dit.test=TimelineBenchmark}.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class TimelineBenchmark {

    private static final int EVENTS = 5_000;
    private static final int EVENTS_PER_TRANSACTION = 500;
    private static final int WARM_UP_RUNS = 10;
    private static final int MEASURED_RUNS = 25;
    private static final long TARGET_MS = 300;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;

    @Test
    void timelineOfACaseWithFiveThousandEvents() throws Exception {
        CaseStory story = new CaseStory(context);
        StaffUser auditor = story.staff("auditor");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        int missing = EVENTS - auditLog.forCase(reference).size();
        for (int done = 0; done < missing; done += EVENTS_PER_TRANSACTION) {
            int from = done;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(missing, from + EVENTS_PER_TRANSACTION); i++) {
                    Actor actor = i % 4 == 0 ? new Actor("legal", "LEGAL") : Actor.counterparty("Tether", 1);
                    auditLog.record(actor, "RESPONDED", "counterparty_response", i, reference, null,
                            "target " + i + ": FROZEN " + (i * 7 % 1000) + "; internal reference TETHER-" + i);
                }
            });
        }
        jdbc.execute("ANALYZE audit_event");
        List<AuditEvent> events = auditLog.forCase(reference);
        assertThat(events).hasSize(EVENTS);
        String middle = TimelinePosition.ofAudit(events.get(EVENTS / 2)).token();

        System.out.printf("%nTimelineBenchmark: case %s with %d audit events on PostgreSQL, %d warm-up and %d measured runs each%n",
                reference, EVENTS, WARM_UP_RUNS, MEASURED_RUNS);
        List<Long> all = new ArrayList<>();
        all.addAll(measure("first page", get("/audit/cases/" + reference).with(user(auditor))));
        all.addAll(measure("middle page", get("/audit/cases/" + reference).param("after", middle).with(user(auditor))));
        all.addAll(measure("last page", get("/audit/cases/" + reference).param("end", "1").with(user(auditor))));
        all.addAll(measure("filtered by actor", get("/audit/cases/" + reference).param("actor", "legal").with(user(auditor))));
        Collections.sort(all);
        long median = all.get(all.size() / 2);
        System.out.printf("TimelineBenchmark: overall median %d ms, max %d ms (target %d ms)%n%n", median, all.get(all.size() - 1), TARGET_MS);
        assertThat(median).as("median time to render a timeline page, ms").isLessThan(TARGET_MS);
    }

    private List<Long> measure(String label, MockHttpServletRequestBuilder request) throws Exception {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            mvc.perform(request).andExpect(status().isOk());
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long start = System.nanoTime();
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(html).contains("<tbody>");
        }
        Collections.sort(millis);
        System.out.printf("TimelineBenchmark: %-18s median %4d ms, max %4d ms%n", label, millis.get(millis.size() / 2),
                millis.get(millis.size() - 1));
        return millis;
    }
}
