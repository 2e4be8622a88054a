package org.freezedesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.freezedesk.audit.AuditHeadKeys;
import org.freezedesk.audit.SignedHead;
import org.freezedesk.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signs the chain head and sends it out of FreezeDesk's reach: into a file in {@code directory} (meant to be
 * a mount the application's host cannot rewrite, or collected from there) and by mail to the auditors, on
 * a schedule and whenever an auditor asks. Whoever later holds the last export can prove the log up to it.
 */
@Service
public class AuditHeadExport {

    /** {@code mailTo} empty: files only. */
    @ConfigurationProperties("freezedesk.audit.head-export")
    record Settings(Path directory, String mailTo) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditHeadExport.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    public static final String LATEST = "latest-head.txt";

    private final AuditIntegrity integrity;
    private final AuditHeadKeys keys;
    private final Settings settings;
    private final MailOutbox mailOutbox;

    AuditHeadExport(AuditIntegrity integrity, AuditHeadKeys keys, Settings settings, MailOutbox mailOutbox) {
        this.integrity = integrity;
        this.keys = keys;
        this.settings = settings;
        this.mailOutbox = mailOutbox;
    }

    /** The current head, signed, without sending it anywhere. */
    public SignedHead current() {
        return SignedHead.sign(integrity.head(), OffsetDateTime.now(ZoneOffset.UTC), keys.signing());
    }

    /** Signs the current head, writes it to a file of its own and to {@value #LATEST}, and mails it. */
    public SignedHead export() {
        SignedHead signed = current();
        write(signed);
        if (settings.mailTo() != null && !settings.mailTo().isBlank()) {
            mailOutbox.send(List.of(settings.mailTo().strip()), "FreezeDesk audit chain head " + signed.head().text(), "audit-head",
                    Map.of("signedHead", signed.text(), "head", signed.head()));
        }
        log.info("Exported the signed audit chain head {}", signed.head().text());
        return signed;
    }

    @Scheduled(fixedDelayString = "${freezedesk.audit.head-export.interval}", initialDelayString = "${freezedesk.audit.head-export.interval}")
    void exportOnSchedule() {
        export();
    }

    private void write(SignedHead signed) {
        try {
            Files.createDirectories(settings.directory());
            Path file = settings.directory().resolve("head-" + FILE_TIME.format(signed.signedAt()) + "-" + signed.head().eventId() + ".txt");
            Files.writeString(file, signed.text(), StandardCharsets.UTF_8);
            Path latest = settings.directory().resolve(LATEST + ".tmp");
            Files.writeString(latest, signed.text(), StandardCharsets.UTF_8);
            Files.move(latest, settings.directory().resolve(LATEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signed chain head to " + settings.directory(), e);
        }
    }
}
