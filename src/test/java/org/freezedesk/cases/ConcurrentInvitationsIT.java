package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.security.Role;
import org.freezedesk.support.Agencies;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.NodeProcess;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sixteen invitations of one agency into one case at once, half to each of two nodes on one PostgreSQL database: the
 * unique key on (case, agency) lets exactly one through; the others answer 409 and store nothing, not even an audit event.
 * And sixteen requests filed at once on one joint case by its two agencies are all filed, numbered in turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class ConcurrentInvitationsIT {

    private static final Map<String, String> DATABASE = PostgresTestDatabase.newDatabase();
    private static final String PARTNER = "Federal Crypto Unit";
    private static final int CALLS = 16;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired JointCases jointCases;

    @Test
    void sixteenInvitationsAtOnceOnTwoNodesMakeOne() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE name = ?").param(PARTNER).query(Integer.class).single() == 0) {
            Agencies.register(jdbc, PARTNER, "Germany");
        }
        String reference = new CaseStory(context).file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        String key = Keys.of(context, "agency");
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("freezedesk.demo.enabled", "false");
        List<Integer> statuses = new ArrayList<>();
        try (NodeProcess other = NodeProcess.start("joint-invitations", settings)) {
            ExecutorService pool = Executors.newFixedThreadPool(CALLS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int nodePort = i % 2 == 0 ? port : other.port();
                calls.add(pool.submit(() -> {
                    start.await();
                    return invite(nodePort, reference, key);
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CALLS - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_partner p JOIN freeze_case c ON c.id = p.case_id WHERE c.reference = ?")
                .param(reference).query(Integer.class).single()).isEqualTo(1);
        assertThat(audit.forCase(reference)).filteredOn(e -> e.action().equals("PARTNER_INVITED")).extracting(AuditEvent::afterValue)
                .hasSize(1);
    }

    /**
     * The lead and its partner each file eight supplementary requests on one case at the same moment: every one is
     * filed, numbered 2 to 17 without a gap or a clash.
     */
    @Test
    void sixteenRequestsFiledAtOnceByTheLeadAndItsPartnerAreNumberedInTurn() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE name = ?").param(PARTNER).query(Integer.class).single() == 0) {
            Agencies.register(jdbc, PARTNER, "Germany");
        }
        Agencies.account(jdbc, "fcu-investigator", "unused", PARTNER, null, EnumSet.of(Role.AGENCY));
        CaseStory story = new CaseStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        long invitation = jointCases.invite(reference, PARTNER, "MLAT DE-UK 2026/17", PartnerScope.FILE, story.staff("agency")).id();
        jointCases.accept(invitation, story.staff("fcu-investigator"));
        List<String> keys = List.of(Keys.of(context, "agency"), Keys.of(context, "fcu-investigator"));

        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String key = keys.get(i % 2);
            calls.add(pool.submit(() -> {
                start.await();
                return fileSupplementary(reference, key);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201);
        assertThat(jdbc.sql("""
                SELECT r.sequence_number FROM freeze_request r JOIN freeze_case c ON c.id = r.case_id
                WHERE c.reference = ? ORDER BY r.sequence_number""").param(reference).query(Integer.class).list())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, CALLS + 1).boxed().toList());
    }

    private int fileSupplementary(String reference, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases/" + reference + "/requests"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "t", "incidentSummary": "s", "legalBasis": "Geldwäschegesetz § 43", "urgency": "URGENT",
                         "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "5"}]}"""
                        .formatted(Filings.OKX_ETH_ADDRESS))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int invite(int port, String reference, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases/" + reference + "/partners"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"agency": "%s", "agreement": "MLAT DE-UK 2026/17", "scope": "FILE"}""".formatted(PARTNER))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
