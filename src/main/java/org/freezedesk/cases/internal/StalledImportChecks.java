package org.freezedesk.cases.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks for target-file checks that stopped moving, because the node running them died, and checks
 * those files again itself, one per round. A live check reports progress every thousand lines, far more often than
 * {@code freezedesk.import.resume-after}; a taken-over run notices at its next report and stops.
 */
@Component
@EnableScheduling
class StalledImportChecks {

    private final TargetImportService imports;
    private final Duration resumeAfter;

    StalledImportChecks(TargetImportService imports, @Value("${freezedesk.import.resume-after:PT2M}") Duration resumeAfter) {
        this.imports = imports;
        this.resumeAfter = resumeAfter;
    }

    @Scheduled(fixedDelayString = "${freezedesk.import.resume-interval:PT30S}", initialDelayString = "${freezedesk.import.resume-interval:PT30S}")
    void resume() {
        imports.resumeStalledCheck(OffsetDateTime.now(ZoneOffset.UTC).minus(resumeAfter));
    }
}
