package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.freezedesk.security.Role;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
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
 * A whole case on PostgreSQL through the JSON API alone, each party with its own API key, as the agencies' and
 * counterparties' own systems would drive it; the agency's webhook receiver is down for part of the story and still
 * hears every event, each with a signature it checks on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"freezedesk.mail.embedded-smtp.enabled=false", "freezedesk.webhooks.poll-interval=PT0.3S",
                "freezedesk.webhooks.retry-delays=PT1S", "freezedesk.webhooks.connect-timeout=PT1S"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class ApiStoryIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String LEAD_TX = "0x" + "ab".repeat(32);
    private static final String RECOVERY_TX = "0x" + "cd".repeat(32);
    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.newDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCaseFromFilingToRecoveryOverTheApiWithEveryWebhookSigned() throws Exception {
        String agency = Keys.of(context, "agency", EnumSet.of(Role.AGENCY));
        String legal = Keys.of(context, "legal", EnumSet.of(Role.LEGAL));
        String tether = Keys.ofCounterparty(context, counterpartyId("Tether"));
        String okx = Keys.ofCounterparty(context, counterpartyId("OKX"));

        try (Receiver receiver = new Receiver()) {
            JsonNode subscription = call("POST", "/api/v1/webhooks", agency, Map.of("url", receiver.url(),
                    "eventTypes", List.of("request.approved", "counterparty.notified", "counterparty.acknowledged",
                            "counterparty.answered", "lead.reported", "recovery.confirmed")), 201);
            receiver.secret = subscription.get("secret").asText();
            assertThat(receiver.secret).startsWith("whsec_");

            JsonNode filed = call("POST", "/api/v1/cases", agency, filing(List.of(
                    target("ETH", "USDT", Filings.ETH_ADDRESS, "1000", ""),
                    target("ETH", "ETH", Filings.OKX_ETH_ADDRESS, "5", ""))), 201);
            String reference = filed.get("reference").asText();
            assertThat(filed.at("/requests/0/state").asText()).isEqualTo("IN_REVIEW");
            assertThat(routedTo(filed.at("/requests/0"))).contains("Tether", "OKX");

            approve(legal, reference, 1);
            long tetherRequest = addressed(tether, reference, 1);
            long okxRequest = addressed(okx, reference, 1);
            awaitReceived(receiver, "counterparty.notified", 2);

            receiver.stop();
            call("POST", "/api/v1/counterparty/requests/" + tetherRequest + "/acknowledgement", tether,
                    Map.of("name", "Jo", "title", "MLRO"), 200);
            call("POST", "/api/v1/counterparty/requests/" + okxRequest + "/acknowledgement", okx,
                    Map.of("name", "Bo", "title", "Compliance"), 200);
            long usdt = targetId(tether, tetherRequest);
            call("POST", "/api/v1/counterparty/requests/" + tetherRequest + "/responses", tether, Map.of("submittedBy", "Jo",
                    "outcomes", List.of(Map.of("targetId", usdt, "outcome", "FROZEN", "frozenAmount", "1000"))), 201);
            long eth = targetId(okx, okxRequest);
            call("POST", "/api/v1/counterparty/requests/" + okxRequest + "/responses", okx, Map.of("submittedBy", "Bo",
                    "outcomes", List.of(Map.of("targetId", eth, "outcome", "FUNDS_MOVED", "onwardTxHash", LEAD_TX,
                            "onwardAddress", Filings.KRAKEN_ETH_ADDRESS))), 201);
            await().atMost(PATIENCE).until(() -> failedAttempts(agency, subscription.get("id").asLong()) > 0);
            receiver.start();

            JsonNode answered = call("GET", "/api/v1/cases/" + reference, agency, null, 200);
            assertThat(answered.get("totals")).anySatisfy(total -> {
                assertThat(total.get("asset").asText()).isEqualTo("USDT");
                assertThat(new BigDecimal(total.get("frozen").asText())).isEqualByComparingTo("1000");
            });
            JsonNode lead = answered.at("/leads/0");
            assertThat(lead.get("counterparty").asText()).isEqualTo("OKX");
            assertThat(lead.get("onwardAddress").asText()).isEqualTo(Filings.KRAKEN_ETH_ADDRESS);
            assertThat(lead.get("followedUp").asBoolean()).isFalse();

            JsonNode supplemented = call("POST", "/api/v1/cases/" + reference + "/requests", agency, filing(List.of(
                    target(lead.get("chain").asText(), lead.get("asset").asText(), lead.get("onwardAddress").asText(), "all",
                            lead.get("onwardTxHash").asText()))), 201);
            assertThat(supplemented.at("/requests/1/sequence").asInt()).isEqualTo(2);
            assertThat(supplemented.at("/requests/1/state").asText()).isEqualTo("IN_REVIEW");
            approve(legal, reference, 2);
            await().atMost(PATIENCE).until(() -> call("GET", "/api/v1/cases/" + reference, agency, null, 200)
                    .get("counterpartyRequests").findValuesAsText("counterparty").contains("Kraken"));
            assertThat(call("GET", "/api/v1/cases/" + reference, agency, null, 200).at("/leads/0/followedUp").asBoolean()).isTrue();

            String holding = awaitHolding(agency, reference);
            JsonNode instruction = call("POST", "/api/v1/cases/" + reference + "/recoveries", agency, Map.of("holding", holding,
                    "instrument", "SEIZURE_WARRANT", "instrumentReference", "SW-2026-4", "instrumentDate", "2026-01-02",
                    "method", "TRANSFER", "destinationAddress", DESTINATION, "amount", "400"), 201);
            long instructionId = instruction.get("id").asLong();
            String recoveryTask = await().atMost(PATIENCE).until(() -> recoveryReview(legal, instructionId), task -> task != null);
            call("POST", "/api/v1/recovery-reviews/" + recoveryTask + "/decision", legal, Map.of("decision", "APPROVE"), 200);
            // The counterparty sees the instruction only once it is sent to it, after the approval's job ran: 404 until then.
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(AssertionError.class)
                    .until(() -> call("GET", "/api/v1/counterparty/recoveries/" + instructionId, tether, null, 200)
                    .get("state").asText(), "NOTIFIED"::equals);
            call("POST", "/api/v1/counterparty/recoveries/" + instructionId + "/transfer", tether, Map.of("name", "Jo",
                    "txHash", RECOVERY_TX, "amount", "400", "transferredOn", LocalDate.now(ZoneOffset.UTC).toString()), 200);
            assertThat(call("GET", "/api/v1/cases/" + reference + "/recoveries/" + instructionId, agency, null, 200)
                    .get("state").asText()).isEqualTo("CONFIRMED");

            // The deliveries made while the receiver was down arrive on their retries, in any order with the later ones.
            Map<String, Long> expected = Map.of("request.approved", 2L, "counterparty.notified", 3L, "counterparty.acknowledged", 2L,
                    "counterparty.answered", 2L, "lead.reported", 1L, "recovery.confirmed", 1L);
            expected.forEach((type, count) -> awaitReceived(receiver, type, count.intValue()));
            Map<String, Long> types = receiver.received.stream().collect(Collectors.groupingBy(Received::type, Collectors.counting()));
            assertThat(types).as("each event delivered once").containsAllEntriesOf(expected);
            assertThat(receiver.received).as("every delivery signed with the subscription's secret").allMatch(Received::signatureValid);
            assertThat(receiver.received.stream().map(Received::id).distinct().count()).isEqualTo(receiver.received.size());
        }
    }

    private void approve(String legal, String reference, int sequence) {
        String task = await().atMost(PATIENCE).until(() -> {
            for (JsonNode review : call("GET", "/api/v1/reviews?limit=200", legal, null, 200).get("items")) {
                if (review.get("reference").asText().equals(reference) && review.get("sequenceNumber").asInt() == sequence) {
                    return review.get("id").asText();
                }
            }
            return null;
        }, id -> id != null);
        call("POST", "/api/v1/reviews/" + task + "/decision", legal, Map.of("decision", "APPROVE"), 200);
    }

    private long addressed(String key, String reference, int sequence) {
        return await().atMost(PATIENCE).until(() -> {
            for (JsonNode line : call("GET", "/api/v1/counterparty/requests?limit=200", key, null, 200).get("items")) {
                if (line.get("caseReference").asText().equals(reference) && line.get("requestSequence").asInt() == sequence) {
                    return line.get("id").asLong();
                }
            }
            return null;
        }, id -> id != null);
    }

    private long targetId(String key, long counterpartyRequest) {
        return call("GET", "/api/v1/counterparty/requests/" + counterpartyRequest, key, null, 200).at("/targets/0/id").asLong();
    }

    private long failedAttempts(String key, long subscription) {
        long failed = 0;
        for (JsonNode delivery : call("GET", "/api/v1/webhooks/" + subscription + "/deliveries?limit=100", key, null, 200).get("items")) {
            if (delivery.get("state").asText().equals("PENDING") && delivery.get("attempts").asInt() > 0) {
                failed++;
            }
        }
        return failed;
    }

    private String awaitHolding(String agency, String reference) {
        return await().atMost(PATIENCE).until(() -> {
            JsonNode items = call("GET", "/api/v1/cases/" + reference + "/recoveries/holdings", agency, null, 200).get("items");
            for (JsonNode item : items) {
                if (item.get("counterparty").asText().equals("Tether")) {
                    assertThat(new BigDecimal(item.get("available").asText())).isEqualByComparingTo("1000");
                    return item.get("holding").asText();
                }
            }
            return null;
        }, holding -> holding != null);
    }

    private String recoveryReview(String legal, long instructionId) {
        for (JsonNode review : call("GET", "/api/v1/recovery-reviews?limit=200", legal, null, 200).get("items")) {
            if (review.at("/instruction/id").asLong() == instructionId) {
                return review.get("id").asText();
            }
        }
        return null;
    }

    private static void awaitReceived(Receiver receiver, String type, int count) {
        await().atMost(PATIENCE).until(() -> receiver.received.stream().filter(r -> r.type().equals(type)).count() >= count);
    }

    private static List<String> routedTo(JsonNode request) {
        List<String> counterparties = new ArrayList<>();
        request.get("targets").forEach(t -> t.get("routes").forEach(r -> counterparties.add(r.get("counterparty").asText())));
        return counterparties;
    }

    private static Map<String, Object> filing(List<Map<String, String>> targets) {
        return Map.of("title", "Bridge drain", "incidentSummary", "Funds drained from the bridge", "victim", "Example Bridge",
                "theftDate", "2026-03-01", "legalBasis", "PoCA s. 41", "courtOrderReference", "W-2026-17", "urgency", "URGENT",
                "targets", targets);
    }

    private static Map<String, String> target(String chain, String asset, String address, String amount, String txHashes) {
        return Map.of("chain", chain, "asset", asset, "address", address, "amount", amount, "txHashes", txHashes, "note", "");
    }

    private long counterpartyId(String name) {
        return jdbc.sql("SELECT id FROM counterparty WHERE name = ?").param(name).query(Long.class).single();
    }

    /** One call as a client system makes it; a status other than {@code expected} fails with the answer's body. */
    private JsonNode call(String method, String path, String key, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + key).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** A delivery as it arrived, with whether its signature verified under the subscription's secret. */
    record Received(String id, String type, boolean signatureValid) {
    }

    /**
     * The agency's endpoint: a JDK HTTP server that can go down and come back on the same port. It checks signatures
     * from the Standard Webhooks specification, not with FreezeDesk's code, and refuses a delivery it cannot verify.
     */
    private static final class Receiver implements AutoCloseable {

        final List<Received> received = new CopyOnWriteArrayList<>();
        volatile String secret;
        private final ObjectMapper json = new ObjectMapper();
        private final int port;
        private HttpServer server;
        private ExecutorService executor;

        Receiver() throws IOException {
            start(0);
            port = server.getAddress().getPort();
        }

        String url() {
            return "http://localhost:" + port + "/freezedesk";
        }

        void stop() {
            server.stop(0);
            executor.shutdownNow();
        }

        /** The port may linger for a moment after the stop: binding is retried until it is free again. */
        void start() {
            await().atMost(PATIENCE).ignoreException(BindException.class).until(() -> {
                start(port);
                return true;
            });
        }

        private void start(int onPort) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            executor = Executors.newFixedThreadPool(4);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean valid = verifies(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), text,
                    exchange.getRequestHeaders().getFirst("webhook-signature"));
            received.add(new Received(id, json.readTree(text).path("type").asText(), valid));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        }

        /**
         * The specification's check: the secret is base64 after {@code whsec_}; the signed content is
         * {@code id.timestamp.body}; the header lists space-separated {@code v1,<base64 HMAC-SHA256>} signatures.
         */
        private boolean verifies(String id, String timestamp, String body, String header) {
            if (id == null || timestamp == null || header == null || secret == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String signature : header.split(" ")) {
                    String[] parts = signature.split(",", 2);
                    if (parts.length == 2 && parts[0].equals("v1")
                            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
