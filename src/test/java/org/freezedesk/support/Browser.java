package org.freezedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One person's browser against the running server: keeps its own cookies, follows no redirect by itself,
 * and posts forms with the CSRF token of the page it last loaded, as a real form submit would.
 */
public class Browser {

    public record Page(int status, String location, Document document) {
    }

    private final String baseUrl;
    private final HttpClient http;
    private Document lastPage;

    public Browser(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(), null);
    }

    private Browser(int port, HttpClient http, Document lastPage) {
        this.baseUrl = "http://localhost:" + port;
        this.http = http;
        this.lastPage = lastPage;
    }

    /** The same browser, cookies and last page included, talking to another server on this host. */
    public Browser atPort(int port) {
        return new Browser(port, http, lastPage);
    }

    public Browser login(String username, String password) {
        get("/login");
        Page page = post("/login", Map.of("username", username, "password", password));
        assertThat(page.location()).as("login of " + username).endsWith("/");
        return this;
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        lastPage = page.document();
        return page;
    }

    /** Posts {@code fields} with the CSRF token of the last page loaded. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", lastPage.selectFirst("input[name=_csrf]").val());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    Jsoup.parse(response.body(), baseUrl));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
