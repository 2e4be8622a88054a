package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.freezedesk.cases.internal.TargetImport;
import org.freezedesk.cases.internal.TargetImportService;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TargetFiles;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Imports, validates, routes and saves 10,000 targets on PostgreSQL, end to end as the filer's upload runs: the
 * CSV is read, every line checked and routed in the background check, the preview stored, and the case filed
 * with its targets and routes. Prints each run and the median. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=TargetImportBenchmark}.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
class TargetImportBenchmark {

    private static final int TARGETS = 10_000;
    private static final int RUNS = 5;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
        // The driver then sends each batch of inserts as multi-row statements.
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.url() + "?reWriteBatchedInserts=true");
    }

    @Autowired TargetImportService imports;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired CaseRepository cases;
    @Autowired AttributionImportService attributions;
    @Autowired StaffUserRepository users;

    @Test
    void importTenThousandTargets() throws Exception {
        StaffUser agency = users.loadUserByUsername("agency");
        byte[] file = file();

        long warmUp = run(agency, file);
        System.out.printf("TargetImportBenchmark: warm-up %d ms%n", warmUp);
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = run(agency, file);
            System.out.printf("TargetImportBenchmark: run %d: %d targets imported, validated, routed and saved in %d ms%n",
                    i + 1, TARGETS, times[i]);
        }
        Arrays.sort(times);
        System.out.printf("TargetImportBenchmark: median of %d runs: %d ms (target: under 1000 ms)%n", RUNS, times[RUNS / 2]);
    }

    private long run(StaffUser agency, byte[] file) throws Exception {
        long start = System.nanoTime();
        String id = imports.upload(agency.getUsername(), null, null, "benchmark.csv", file, null);
        TargetImport checked = imports.find(id, agency.getUsername()).orElseThrow();
        while (checked.checking()) {
            Thread.sleep(2);
            checked = imports.find(id, agency.getUsername()).orElseThrow();
        }
        String reference = freezeCaseService.file(Filings.form(), checked, agency);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(checked.errorLines()).isZero();
        assertThat(cases.targetsOf(freezeCaseService.request(reference, 1, agency).id())).hasSize(TARGETS);
        return millis;
    }

    /**
     * A mix like a real trace: USDT (Tether) and USDC (Circle) on Ethereum, Ether at exchange deposit addresses
     * attributed to Binance, and Ether at addresses nobody holds.
     */
    private byte[] file() {
        List<String> addresses = TargetFiles.ethAddresses(TARGETS, 2025);
        List<String> attributed = addresses.subList(6_000, 8_000);
        StringBuilder attributionFile = new StringBuilder("chain,address,exchange,source,date\n");
        attributed.forEach(a -> attributionFile.append("ETH,").append(a).append(",Binance,benchmark,2026-01-01\n"));
        assertThat(attributions.importCsv("benchmark.csv", attributionFile.toString().getBytes(StandardCharsets.UTF_8), "benchmark")
                .problems()).isEmpty();
        List<String> lines = new ArrayList<>(TARGETS);
        for (int i = 0; i < TARGETS; i++) {
            String asset = i < 5_000 ? "USDT" : i < 6_000 ? "USDC" : "ETH";
            lines.add("ETH," + asset + "," + addresses.get(i) + "," + (i + 1) + ".25,,line " + (i + 2));
        }
        return TargetFiles.csv(lines);
    }
}
