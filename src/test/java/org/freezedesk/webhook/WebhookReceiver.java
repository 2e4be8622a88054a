package org.freezedesk.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint: a real HTTP server on a free local port that records every delivery and answers with the
 * status it is told to. It checks signatures on its own, from the Standard Webhooks specification, not with
 * FreezeDesk's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with whether its signature verified under the secret of its path. */
    record Received(String path, String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(204);
    private final AtomicInteger delayMillis = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** What every following request is answered: 503 while the receiver is "down", 2xx once it is up. */
    void answer(int status) {
        this.status.set(status);
    }

    /** How long every following request waits before it is answered, as a busy receiver would. */
    void delay(int millis) {
        delayMillis.set(millis);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int answered = status.get();
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                new String(body, StandardCharsets.UTF_8), answered));
        exchange.sendResponseHeaders(answered, -1);
        exchange.close();
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * The specification's check: the secret is base64 after {@code whsec_}; the signed content is
     * {@code id.timestamp.body}; the header lists space-separated {@code v1,<base64 HMAC-SHA256>} signatures, one of
     * which must match, compared in constant time.
     */
    static boolean verifies(String secret, Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        for (String signature : r.signature().split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
