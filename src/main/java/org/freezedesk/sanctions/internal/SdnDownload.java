package org.freezedesk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.freezedesk.input.BoundedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the SDN list from {@code freezedesk.sanctions.sdn-url} on the {@code freezedesk.sanctions.sdn-cron} schedule
 * (off unless both are set). A failed download, an answer other than 200, or a file that is refused keeps the list in
 * force and is logged and audited. On several nodes each fetches; the second import finds the same file in force and
 * changes nothing.
 */
@Component
class SdnDownload {

    private static final Logger log = LoggerFactory.getLogger(SdnDownload.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final SanctionsImports imports;
    private final String url;
    private final String schedule;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    SdnDownload(SanctionsImports imports, @Value("${freezedesk.sanctions.sdn-url:}") String url,
            @Value("${freezedesk.sanctions.sdn-cron:-}") String schedule) {
        this.imports = imports;
        this.url = url.strip();
        this.schedule = schedule;
        if (!this.url.isEmpty() && !this.url.startsWith("https://") && !this.url.startsWith("http://")) {
            throw new IllegalStateException("freezedesk.sanctions.sdn-url must be an http(s) address, not " + this.url);
        }
    }

    String url() {
        return url.isEmpty() ? null : url;
    }

    String schedule() {
        return url.isEmpty() || schedule.equals("-") ? null : schedule;
    }

    @Scheduled(cron = "${freezedesk.sanctions.sdn-cron:-}", zone = "UTC")
    void scheduled() {
        if (!url.isEmpty()) {
            download();
        }
    }

    /** Downloads and imports the list; false, with the reason logged and audited, when the list in force had to stay. */
    boolean download() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return failed("the server answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                SanctionsImports.Result result = imports.importList(BoundedBody.limited(body, declared, imports.maxBytes(), "file"), url, null);
                log.info("SDN list of {} from {}: {}", result.list().dateText(), url, result.changed() ? "imported" : "unchanged");
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private boolean failed(String reason) {
        log.warn("SDN list download from {} failed, the list in force stays: {}", url, reason);
        imports.recordFailure(url, "download failed, the list in force stays: " + reason);
        return false;
    }
}
