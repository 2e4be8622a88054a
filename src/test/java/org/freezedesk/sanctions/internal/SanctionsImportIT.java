package org.freezedesk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freezedesk.sanctions.SanctionsHit;
import org.freezedesk.sanctions.SanctionsList;
import org.freezedesk.sanctions.SanctionsScreening;
import org.freezedesk.sanctions.ScreenedAddress;
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
 * The OFAC SDN list on PostgreSQL: imported and screened against as on the embedded database, and sixteen imports of
 * two different lists at once (as two admins, or the scheduled download and an admin, on two nodes) leave exactly one
 * list in force with all of its addresses and none of another's.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
class SanctionsImportIT {

    private static final int IMPORTS = 16;
    private static final String LAZARUS_ETH = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
    private static final String LAZARUS_ETH_ADDED_LATER = "0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired SanctionsImports imports;
    @Autowired SanctionsScreening screening;
    @Autowired JdbcClient jdbc;

    @Test
    void sixteenImportsOfTwoListsAtOnceLeaveOneWholeListInForce() throws Exception {
        byte[] excerpt = excerpt();
        byte[] newer = newerList(excerpt);
        imports.importList(new ByteArrayInputStream(excerpt), "test", "admin");
        ScreenedAddress lazarus = new ScreenedAddress("BSC", LAZARUS_ETH.toLowerCase());
        assertThat(screening.screen(List.of(lazarus)).orElseThrow().hitsOf(lazarus))
                .as("an EVM address matches on any EVM chain, in any case")
                .containsExactly(new SanctionsHit("27307", "LAZARUS GROUP", "DPRK3", "ETH"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(IMPORTS);
        List<Future<SanctionsImports.Result>> results = new ArrayList<>();
        for (int i = 0; i < IMPORTS; i++) {
            byte[] file = i % 2 == 0 ? excerpt : newer;
            results.add(threads.submit(() -> {
                start.await();
                return imports.importList(new ByteArrayInputStream(file), "test", "admin");
            }));
        }
        start.countDown();
        for (Future<SanctionsImports.Result> result : results) {
            assertThat(result.get().list()).as("every import answered with the list then in force").isNotNull();
        }
        threads.shutdown();

        SanctionsList inForce = screening.currentList().orElseThrow();
        assertThat(inForce.publishDate()).isIn(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sanctions_address WHERE list_id = ?").param(inForce.id()).query(Integer.class).single())
                .as("all of the list in force's addresses").isEqualTo(inForce.addressCount());
        ScreenedAddress addedLater = new ScreenedAddress("ETH", LAZARUS_ETH_ADDED_LATER);
        assertThat(screening.screen(List.of(addedLater)).orElseThrow().hitsOf(addedLater))
                .as("screened against the list in force and no other").hasSize(inForce.addressCount() == 8 ? 1 : 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SANCTIONS_LIST_IMPORTED'").query(Integer.class).single())
                .as("each list put in force is recorded once").isEqualTo(jdbc.sql("SELECT COUNT(*) FROM sanctions_list")
                        .query(Integer.class).single());
    }

    private static byte[] excerpt() throws IOException {
        try (InputStream in = SanctionsImportIT.class.getResourceAsStream("/sanctions/sdn-excerpt.xml")) {
            return in.readAllBytes();
        }
    }

    /** The excerpt as OFAC might publish it a day later, with one more Lazarus Group address. */
    private static byte[] newerList(byte[] excerpt) {
        String lastLazarusAddress = "<idNumber>0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1</idNumber>\n      </id>";
        return new String(excerpt, StandardCharsets.UTF_8).replace("11/27/2026", "11/28/2026")
                .replace(lastLazarusAddress, lastLazarusAddress + "\n      <id>\n        <uid>159400</uid>\n"
                        + "        <idType>Digital Currency Address - ETH</idType>\n        <idNumber>" + LAZARUS_ETH_ADDED_LATER
                        + "</idNumber>\n      </id>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
