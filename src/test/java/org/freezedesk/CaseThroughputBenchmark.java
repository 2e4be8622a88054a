package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import javax.sql.DataSource;

import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.support.Keys;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole FreezeDesk cases through HTTP beside the bare engine running the same process shape (issue 14), in one run on
 * PostgreSQL, each on a fresh database of its own: (a) {@link BareShape} with no-op steps; (b) cases filed over the API
 * by the demo agency, approved by the demo legal officer over the API, mailed to a real SMTP server in this JVM
 * ({@link BenchmarkSmtp}), answered FROZEN by every counterparty over the portal API with the token from its mail,
 * until the request is COMPLETED; (c) one case fanned out to a hundred counterparties; (d) fifty portal clients at once,
 * each reading and answering once a period, then as fast as they go. Prints its figures; asserts only that every case
 * went through. Sizes: {@code -Dbench.cases} (200), {@code -Dbench.clients} (8), {@code -Dbench.bareCases}
 * (5 × cases), {@code -Dbench.warmup} (cases / 2), {@code -Dbench.bareWarmup} (bare cases / 2), {@code -Dbench.fanOut}
 * (100), {@code -Dbench.portalClients} (50), {@code -Dbench.portalSeconds} (20, each portal run),
 * {@code -Dbench.portalPeriodMillis} (1000), {@code -Dbench.pollMillis} (100: how often a client looks whether a case
 * moved on). {@code -Dbench.writeLog=true} lists the write transactions by their first writing statement,
 * {@code -Dbench.statementLog=true} the statements run most often, each per case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@Import(CaseThroughputBenchmark.CountWrites.class)
@DirtiesContext
class CaseThroughputBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 200);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int BARE_CASES = Integer.getInteger("bench.bareCases", 5 * CASES);
    /**
     * Cases each side runs before it is measured, so that both are measured compiled: after 8 warm-up cases the JIT
     * compiler still took about a fifth of the JVM's CPU while FreezeDesk's cases were measured (a JFR profile).
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", CASES / 2);
    private static final int BARE_WARMUP = Integer.getInteger("bench.bareWarmup", BARE_CASES / 2);
    private static final int FAN_OUT = Integer.getInteger("bench.fanOut", 100);
    private static final int PORTAL_CLIENTS = Integer.getInteger("bench.portalClients", 50);
    private static final Duration PORTAL_TIME = Duration.ofSeconds(Long.getLong("bench.portalSeconds", 20));
    private static final Duration PORTAL_PERIOD = Duration.ofMillis(Long.getLong("bench.portalPeriodMillis", 1000));
    private static final Duration POLL = Duration.ofMillis(Long.getLong("bench.pollMillis", 100));
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** A PostgreSQL backend reports its counts at the latest 10 s after it went idle. */
    private static final Duration STATISTICS_FLUSH = Duration.ofSeconds(11);

    /**
     * Five counterparties of the demo directory: USDC at a Binance address (Circle and Binance), USDT at an OKX address
     * (Tether and OKX), and Ether at a Kraken address (Kraken).
     */
    private static final List<Map<String, String>> TARGETS = List.of(
            Map.of("chain", "ETH", "asset", "USDC", "address", "0x28C6c06298d514Db089934071355E5743bf21d60", "amount", "100"),
            Map.of("chain", "ETH", "asset", "USDT", "address", "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b", "amount", "100"),
            Map.of("chain", "ETH", "asset", "ETH", "address", "0x2910543Af39abA0Cd09dBb2D50200b3E800A63D2", "amount", "100"));
    private static final List<String> COUNTERPARTIES = List.of("Binance", "Circle", "Kraken", "OKX", "Tether");

    private static final Pattern REFERENCE = Pattern.compile("FRZ-\\d{4}-\\d{6}");
    private static final Pattern PORTAL_PATH = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");

    private static final MailIndex mails = new MailIndex();
    private static final BenchmarkSmtp smtp = new BenchmarkSmtp(TestMail.PORT, mails::index);

    private static final boolean WRITE_LOG = Boolean.getBoolean("bench.writeLog");
    private static final boolean STATEMENT_LOG = Boolean.getBoolean("bench.statementLog");
    private static final WriteTransactions BARE_WRITES = new WriteTransactions();
    private static final WriteTransactions APP_WRITES = new WriteTransactions();

    private static Map<String, String> database;
    private static Figures bare;
    private static long bareFanOutMillis;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = PostgresTestDatabase.newDatabase();
        database.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Before the application starts, so that only the bare engine runs in this JVM meanwhile. */
    @BeforeAll
    static void bareShape() throws Exception {
        Map<String, String> bareDatabase = PostgresTestDatabase.newDatabase();
        try (BareShape shape = new BareShape(bareDatabase, POLL, BARE_WRITES)) {
            Load.cases(BARE_WARMUP, CLIENTS, () -> shape.client(COUNTERPARTIES.size()));
            Measure measure = Measure.start(bareDatabase, BARE_WRITES);
            Load.Run run = Load.cases(BARE_CASES, CLIENTS, () -> shape.client(COUNTERPARTIES.size()));
            long cpu = Load.processCpuNanos() - measure.cpu();
            long machineCpu = Load.machineBusyNanos() - measure.machineCpu();
            long ownWrites = BARE_WRITES.committed() - measure.ownWrites();
            Load.Counters written = Load.Counters.of(bareDatabase);
            Thread.sleep(STATISTICS_FLUSH.toMillis());
            bare = new Figures(run, cpu, machineCpu, written.writeTransactionsSince(measure.counters()), ownWrites,
                    Load.Counters.of(bareDatabase).commitsSince(measure.counters()));
            bareFanOutMillis = shape.fanOut(FAN_OUT, Duration.ofMillis(10));
        }
        Load.Run run = bare.run();
        System.out.printf("CaseThroughputBenchmark: (a) bare shape: %d cases × %d counterparties on %d threads in %.1f s, %d failed%n",
                run.latencies().size(), COUNTERPARTIES.size(), CLIENTS, run.wallNanos() / 1e9, run.failures().size());
        run.failures().stream().limit(5).forEach(f -> System.out.println("CaseThroughputBenchmark: (a) " + f));
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired CounterpartyRepository counterparties;
    @Autowired AttributionImportService attributions;
    @Autowired MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String agencyKey;
    private String legalKey;

    @Test
    void wholeCasesBesideTheBareEngine() throws Exception {
        assertThat(bare.run.failures()).as("the bare shape's cases").isEmpty();
        agencyKey = Keys.of(context, "agency");
        legalKey = Keys.of(context, "legal");
        Load.cases(WARMUP, CLIENTS, CaseClient::new);
        Measure measure = Measure.start(database, APP_WRITES);
        AuditChain chainBefore = AuditChain.of(meters);
        Load.Run run = Load.cases(CASES, CLIENTS, CaseClient::new);
        long cpu = Load.processCpuNanos() - measure.cpu();
        long machineCpu = Load.machineBusyNanos() - measure.machineCpu();
        AuditChain chain = AuditChain.of(meters).since(chainBefore);
        long ownWrites = APP_WRITES.committed() - measure.ownWrites();
        Map<String, Long> whatWrote = APP_WRITES.byFirstWrite();
        Map<String, Long> whatRan = APP_WRITES.byStatement();
        Load.Counters written = Load.Counters.of(database);
        Thread.sleep(STATISTICS_FLUSH.toMillis());
        Figures whole = new Figures(run, cpu, machineCpu, written.writeTransactionsSince(measure.counters()), ownWrites,
                Load.Counters.of(database).commitsSince(measure.counters()));
        if (WRITE_LOG) {
            whatWrote.forEach((statement, count) -> System.out.printf("CaseThroughputBenchmark: writes %5.2f per case: %s%n",
                    count / (double) Math.max(1, run.latencies().size()), statement));
        }
        if (STATEMENT_LOG) {
            whatRan.entrySet().stream().limit(40).forEach(e -> System.out.printf("CaseThroughputBenchmark: statements %6.2f per case: %s%n",
                    e.getValue() / (double) Math.max(1, run.latencies().size()), e.getKey()));
            System.out.printf("CaseThroughputBenchmark: statements %6.2f per case in all%n",
                    whatRan.values().stream().mapToLong(Long::longValue).sum() / (double) Math.max(1, run.latencies().size()));
        }
        System.out.printf("CaseThroughputBenchmark: (b) FreezeDesk: %d cases × %d counterparties on %d clients in %.1f s, %d failed%n",
                run.latencies().size(), COUNTERPARTIES.size(), CLIENTS, run.wallNanos() / 1e9, run.failures().size());
        run.failures().stream().limit(5).forEach(f -> System.out.println("CaseThroughputBenchmark: (b) " + f));

        AuditChain fanOutChainBefore = AuditChain.of(meters);
        FanOut fanOut = fanOut();
        AuditChain fanOutChain = AuditChain.of(meters).since(fanOutChainBefore);
        Map<String, PortalFigures> paced = portalLoad(fanOut.tokens(), PORTAL_PERIOD);
        Map<String, PortalFigures> saturated = portalLoad(fanOut.tokens(), Duration.ZERO);

        print(whole, fanOut, paced, saturated);
        printChain(run.latencies().size(), chain, fanOutChain);
        assertThat(run.failures()).as("FreezeDesk's cases").isEmpty();
    }

    @AfterAll
    static void noteTheLoad() throws Exception {
        smtp.close();
        System.out.println("CaseThroughputBenchmark: figures are of this machine as it was during the run; other work on it slows both sides.");
    }

    /** One agency system filing, one legal officer's tool deciding, five counterparties' systems answering: one case at a time. */
    private final class CaseClient implements Load.Client {

        @Override
        public void run(int index) throws Exception {
            String reference = file("Benchmark case " + index, TARGETS);
            approve(reference);
            Map<String, String> tokens = mails.await(reference, COUNTERPARTIES.size());
            for (String token : tokens.values()) {
                answer(token);
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!completed(reference)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(reference + " not COMPLETED");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Finds the request in the legal officer's review queue and approves it over the API. Returns when the approval
     * was posted ({@link System#nanoTime()}).
     */
    private long approve(String reference) throws Exception {
        String review = null;
        String cursor = "";
        while (review == null) {
            JsonNode queue = json.readTree(expect(call("GET", "/api/v1/reviews?limit=200" + cursor, legalKey, null), 200).body());
            for (JsonNode item : queue.get("items")) {
                if (item.get("reference").asText().equals(reference)) {
                    review = item.get("id").asText();
                }
            }
            assertThat(review != null || queue.hasNonNull("next")).as(reference + " in the review queue").isTrue();
            cursor = queue.hasNonNull("next") ? "&cursor=" + URLEncoder.encode(queue.get("next").asText(), StandardCharsets.UTF_8) : "";
        }
        long posted = System.nanoTime();
        expect(call("POST", "/api/v1/reviews/" + review + "/decision", legalKey, Map.of("decision", "APPROVE")), 200);
        return posted;
    }

    private String file(String title, List<Map<String, String>> targets) throws Exception {
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("title", title);
        filing.put("incidentSummary", "Funds drained from a hot wallet and split across exchanges.");
        filing.put("legalBasis", "Proceeds of Crime Act, s. 41");
        filing.put("courtOrderReference", "WARRANT-2026-77");
        filing.put("urgency", "CRITICAL");
        filing.put("targets", targets);
        HttpResponse<String> filed = call("POST", "/api/v1/cases", agencyKey, filing);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return json.readTree(filed.body()).get("reference").asText();
    }

    /** Reports every target of the request frozen in full, which acknowledges receipt too, as an exchange's system would. */
    private void answer(String token) throws Exception {
        JsonNode request = json.readTree(expect(call("GET", "/api/v1/portal/request", token, null), 200).body());
        expect(call("POST", "/api/v1/portal/responses", token, frozen(request)), 201);
    }

    private static Map<String, Object> frozen(JsonNode request) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (JsonNode target : request.get("targets")) {
            outcomes.add(Map.of("targetId", target.get("id").asLong(), "outcome", "FROZEN", "frozenAmount", target.get("amount").asText()));
        }
        return Map.of("submittedBy", "Jo Compliance", "submitterTitle", "MLRO", "outcomes", outcomes);
    }

    private boolean completed(String reference) throws Exception {
        JsonNode freezeCase = json.readTree(expect(call("GET", "/api/v1/cases/" + reference, agencyKey, null), 200).body());
        return freezeCase.get("requests").get(0).get("state").asText().equals("COMPLETED");
    }

    record FanOut(long approvalPostMillis, long firstMailMillis, long lastMailMillis, List<String> tokens) {
    }

    /** One case whose targets each go to another of {@link #FAN_OUT} new exchanges: approval POST to the last mail received. */
    private FanOut fanOut() throws Exception {
        String run = Long.toHexString(System.nanoTime());
        List<Map<String, String>> targets = new ArrayList<>();
        StringBuilder attributionFile = new StringBuilder("chain,address,exchange,source,date\n");
        for (int i = 0; i < FAN_OUT; i++) {
            String name = "Exchange " + run + "-" + i;
            long id = counterparties.create(name, CounterpartyKind.EXCHANGE, "Testland", 48);
            counterparties.addContact(id, "Compliance desk", "desk-" + i + "@" + run + ".example.org", true);
            String address = randomEthAddress();
            attributionFile.append("ETH,").append(address).append(',').append(name).append(",benchmark,2026-01-01\n");
            targets.add(Map.of("chain", "ETH", "asset", "ETH", "address", address, "amount", "100"));
        }
        assertThat(attributions.importCsv("attributions.csv", attributionFile.toString().getBytes(StandardCharsets.UTF_8), "benchmark")
                .problems()).isEmpty();
        String reference = file("Benchmark fan-out", targets);
        long start = approve(reference);
        long approved = System.nanoTime();
        Map<String, String> tokens = mails.await(reference, FAN_OUT);
        return new FanOut((approved - start) / 1_000_000, (mails.firstArrival(reference) - start) / 1_000_000,
                (mails.lastArrival(reference) - start) / 1_000_000, new ArrayList<>(tokens.values()));
    }

    record PortalFigures(List<Long> latencies, int errors) {
    }

    /**
     * Each client reads its request and posts an answer, again and again, on a token of its own, for {@link #PORTAL_TIME}:
     * once every {@code period} (the clients' starts spread over one period), or as fast as it goes when the period is
     * zero. A paced client that falls behind starts its next round at once, and the read's time is counted from when it
     * was due, so a slow server is not hidden by the clients waiting for it.
     */
    private Map<String, PortalFigures> portalLoad(List<String> tokens, Duration period) throws Exception {
        Map<String, List<Long>> latencies = Map.of("GET", Collections.synchronizedList(new ArrayList<>()),
                "POST", Collections.synchronizedList(new ArrayList<>()));
        Map<String, AtomicInteger> errors = Map.of("GET", new AtomicInteger(), "POST", new AtomicInteger());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(PORTAL_CLIENTS);
        CountDownLatch ready = new CountDownLatch(PORTAL_CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        for (int c = 0; c < PORTAL_CLIENTS; c++) {
            String token = tokens.get(c % tokens.size());
            long offset = period.toNanos() * c / PORTAL_CLIENTS;
            clients.execute(() -> {
                try {
                    JsonNode request = json.readTree(expect(call("GET", "/api/v1/portal/request", token, null), 200).body());
                    Map<String, Object> answer = frozen(request);
                    ready.countDown();
                    go.await();
                    long due = end[0] - PORTAL_TIME.toNanos() + offset;
                    while (due < end[0]) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        long since = period.isZero() ? System.nanoTime() : due;
                        timed("GET", since, () -> call("GET", "/api/v1/portal/request", token, null), 200, latencies, errors, failures);
                        timed("POST", System.nanoTime(), () -> call("POST", "/api/v1/portal/responses", token, answer), 201,
                                latencies, errors, failures);
                        due = period.isZero() ? System.nanoTime() : due + period.toNanos();
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                    ready.countDown();
                }
            });
        }
        ready.await();
        end[0] = System.nanoTime() + PORTAL_TIME.toNanos();
        go.countDown();
        clients.shutdown();
        assertThat(clients.awaitTermination(PORTAL_TIME.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();
        failures.stream().limit(5).forEach(f -> System.out.println("CaseThroughputBenchmark: (d) " + f));
        Map<String, PortalFigures> figures = new LinkedHashMap<>();
        latencies.forEach((kind, list) -> figures.put(kind, new PortalFigures(new ArrayList<>(list), errors.get(kind).get())));
        return figures;
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static void timed(String kind, long start, Call call, int expected, Map<String, List<Long>> latencies,
            Map<String, AtomicInteger> errors, List<String> failures) {
        try {
            HttpResponse<String> response = call.send();
            latencies.get(kind).add((System.nanoTime() - start) / 1_000_000);
            if (response.statusCode() != expected) {
                errors.get(kind).incrementAndGet();
                failures.add(kind + " " + response.statusCode() + ": " + response.body());
            }
        } catch (Exception e) {
            errors.get(kind).incrementAndGet();
            failures.add(kind + ": " + e);
        }
    }

    private HttpResponse<String> call(String method, String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).timeout(Duration.ofMinutes(1));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isEqualTo(status);
        return response;
    }

    private static String randomEthAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Where a measured run starts: the JVM's and the whole machine's CPU time, the database's counters and the write
     * transactions counted at JDBC.
     */
    private record Measure(long cpu, long machineCpu, Load.Counters counters, long ownWrites) {

        static Measure start(Map<String, String> database, WriteTransactions writes) throws Exception {
            writes.reset();
            return new Measure(Load.processCpuNanos(), Load.machineBusyNanos(), Load.Counters.of(database), writes.committed());
        }
    }

    /** Counts what the application's data source commits (see {@link WriteTransactions}). */
    @TestConfiguration
    static class CountWrites {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource ? APP_WRITES.counting(dataSource) : bean;
                }
            };
        }
    }

    private record Figures(Load.Run run, long cpuNanos, long machineCpuNanos, long writeTransactions, long ownWriteTransactions,
            long commits) {

        double perCase(long total) {
            return (double) total / Math.max(1, run.latencies().size());
        }
    }

    /**
     * The portal tokens of the mails received so far, by case reference and counterparty (the name a notification's
     * subject ends with), taken from {@link BenchmarkSmtp} as each message is accepted; one mail per counterparty,
     * however many contacts it went to. Also when the last counterparty's first mail of a case was accepted.
     */
    private static final class MailIndex {

        private final Map<String, Map<String, String>> tokens = new ConcurrentHashMap<>();
        private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        private final Map<String, Long> lastArrival = new ConcurrentHashMap<>();

        void index(String subject, String body) {
            long arrival = System.nanoTime();
            Matcher reference = REFERENCE.matcher(subject);
            Matcher link = PORTAL_PATH.matcher(body);
            int dash = subject.lastIndexOf("— ");
            if (!reference.find() || !link.find() || dash < 0) {
                return;
            }
            Map<String, String> ofCase = tokens.computeIfAbsent(reference.group(), r -> new ConcurrentHashMap<>());
            if (ofCase.putIfAbsent(subject.substring(dash + 2), link.group(1)) == null) {
                firstArrival.merge(reference.group(), arrival, Math::min);
                lastArrival.merge(reference.group(), arrival, Math::max);
            }
        }

        /** The token per counterparty, once {@code count} counterparties were mailed about the case. */
        Map<String, String> await(String reference, int count) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (tokens.getOrDefault(reference, Map.of()).size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(reference + ": mails to " + tokens.getOrDefault(reference, Map.of()).keySet()
                            + ", not " + count + " counterparties");
                }
                Thread.sleep(POLL.toMillis());
            }
            return Map.copyOf(tokens.get(reference));
        }

        long firstArrival(String reference) {
            return firstArrival.get(reference);
        }

        long lastArrival(String reference) {
            return lastArrival.get(reference);
        }
    }

    private static void print(Figures whole, FanOut fanOut, Map<String, PortalFigures> paced, Map<String, PortalFigures> saturated) {
        String line = "CaseThroughputBenchmark: | %-72s | %-34s | %-22s |%n";
        System.out.printf("CaseThroughputBenchmark: FreezeDesk %d cases (after %d warm-up) on %d clients; "
                + "bare engine %d cases (after %d warm-up) on %d threads; %d counterparties a case%n",
                CASES, WARMUP, CLIENTS, BARE_CASES, BARE_WARMUP, CLIENTS, COUNTERPARTIES.size());
        System.out.printf(line, "figure", "FreezeDesk", "bare engine");
        System.out.printf(line, "---", "---", "---");
        System.out.printf(line, "cases per second", String.format("%.2f (%.2f×)", whole.run.casesPerSecond(),
                whole.run.casesPerSecond() / bare.run.casesPerSecond()), String.format("%.2f", bare.run.casesPerSecond()));
        System.out.printf(line, "case latency p50 / p90", seconds(whole.run.percentile(0.5)) + " / " + seconds(whole.run.percentile(0.9)),
                seconds(bare.run.percentile(0.5)) + " / " + seconds(bare.run.percentile(0.9)));
        System.out.printf(line, "JVM CPU per case (whole test JVM)", String.format("%.0f ms", whole.perCase(whole.cpuNanos) / 1e6),
                String.format("%.0f ms", bare.perCase(bare.cpuNanos) / 1e6));
        System.out.printf(line, "CPU of the whole machine per case (the JVM, PostgreSQL, the rest)", machine(whole),
                machine(bare));
        System.out.printf(line, "write transactions per case (whole server)", String.format("%.1f", whole.perCase(whole.writeTransactions)),
                String.format("%.1f", bare.perCase(bare.writeTransactions)));
        System.out.printf(line, "write transactions per case (own database, JDBC)", String.format("%.1f", whole.perCase(whole.ownWriteTransactions)),
                String.format("%.1f", bare.perCase(bare.ownWriteTransactions)));
        System.out.printf(line, "commits per case, reads included", String.format("%.1f", whole.perCase(whole.commits)),
                String.format("%.1f", bare.perCase(bare.commits)));
        System.out.printf(line, FAN_OUT + "-counterparty fan-out: approval POST → last mail",
                String.format("%s (POST answered in %s, first mail %s)", seconds(fanOut.lastMailMillis()),
                        seconds(fanOut.approvalPostMillis()), seconds(fanOut.firstMailMillis())),
                seconds(bareFanOutMillis) + " to the last wait");
        portal(line, PORTAL_CLIENTS + " clients, GET+POST every " + PORTAL_PERIOD.toMillis() + " ms", paced);
        portal(line, PORTAL_CLIENTS + " clients, as fast as they go", saturated);
    }

    private static String machine(Figures figures) {
        return figures.machineCpuNanos < 0 ? "— (no /proc/stat)"
                : String.format("%.0f ms", figures.perCase(figures.machineCpuNanos) / 1e6);
    }

    private static void portal(String line, String load, Map<String, PortalFigures> figures) {
        PortalFigures get = figures.get("GET");
        PortalFigures post = figures.get("POST");
        System.out.printf(line, "portal, " + load + ": GET p50 / p99, errors", get.latencies().isEmpty() ? "none"
                : Load.percentile(get.latencies(), 0.5) + " ms / " + Load.percentile(get.latencies(), 0.99) + " ms, " + get.errors(), "—");
        System.out.printf(line, "portal, " + load + ": POST p50 / p99, errors", post.latencies().isEmpty() ? "none"
                : Load.percentile(post.latencies(), 0.5) + " ms / " + Load.percentile(post.latencies(), 0.99) + " ms, " + post.errors(), "—");
        System.out.printf(line, "portal, " + load + ": requests per second", String.format("%.0f",
                (get.latencies().size() + post.latencies().size()) / (double) PORTAL_TIME.toSeconds()), "—");
    }

    /** The audit chain head's lock ({@code AuditLog}'s timers): how many transactions took it, how long they waited and held it. */
    private record AuditChain(long appends, double waitedMillis, double heldMillis, double maxWaitMillis) {

        static AuditChain of(MeterRegistry meters) {
            Timer waited = meters.get("freezedesk.audit.chain.wait").timer();
            Timer held = meters.get("freezedesk.audit.chain.held").timer();
            return new AuditChain(waited.count(), waited.totalTime(TimeUnit.MILLISECONDS), held.totalTime(TimeUnit.MILLISECONDS),
                    waited.max(TimeUnit.MILLISECONDS));
        }

        AuditChain since(AuditChain before) {
            return new AuditChain(appends - before.appends, waitedMillis - before.waitedMillis, heldMillis - before.heldMillis,
                    maxWaitMillis);
        }

        String perAppend() {
            return String.format("%d appends, wait %.2f ms, held %.2f ms each", appends, waitedMillis / Math.max(1, appends),
                    heldMillis / Math.max(1, appends));
        }
    }

    private static void printChain(int cases, AuditChain chain, AuditChain fanOut) {
        System.out.printf("CaseThroughputBenchmark: audit chain head, (b): %.1f appends per case, %.1f ms waited and %.1f ms held per case "
                + "(%s)%n", chain.appends() / (double) Math.max(1, cases), chain.waitedMillis() / Math.max(1, cases),
                chain.heldMillis() / Math.max(1, cases), chain.perAppend());
        System.out.printf("CaseThroughputBenchmark: audit chain head, (c) fan-out: %s; longest recent wait %.1f ms%n", fanOut.perAppend(),
                fanOut.maxWaitMillis());
    }

    private static String seconds(long millis) {
        return String.format("%.2f s", millis / 1000.0);
    }
}
