package org.freezedesk.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.TargetScreeningRepository;
import org.freezedesk.cases.internal.TargetScreeningRepository.ScreenedTarget;
import org.freezedesk.sanctions.SanctionsHit;
import org.freezedesk.sanctions.SanctionsScreening;
import org.freezedesk.sanctions.ScreenedAddress;
import org.freezedesk.sanctions.Screening;
import org.springframework.stereotype.Component;

/**
 * Every request's targets screened against the OFAC SDN list in force: when it is filed (typed or imported), amended,
 * and again whenever a new list is imported. The results are stored per target, so pages show them without screening
 * again, each with the list's date; hits are audited when they first appear.
 */
@Component
public class TargetSanctions {

    /** An audit event names this many hits at most, so that it stays readable and fits its column. */
    private static final int DESCRIBED_HITS = 20;

    private final SanctionsScreening screening;
    private final TargetScreeningRepository repository;
    private final AuditLog audit;

    TargetSanctions(SanctionsScreening screening, TargetScreeningRepository repository, AuditLog audit) {
        this.screening = screening;
        this.repository = repository;
        this.audit = audit;
    }

    /** The screening of every request of the case, by request id. */
    public Map<Long, SanctionsScreeningResult> ofCase(long caseId) {
        return repository.ofCase(caseId);
    }

    public SanctionsScreeningResult of(FreezeRequest request) {
        return ofCase(request.caseId()).get(request.id());
    }

    /** At filing or amendment, in its transaction: the hits are audited as the filer's. */
    void screenFiled(long requestId, String caseReference) {
        List<SanctionsScreeningResult.Hit> appeared = screen(requestId, Set.of());
        if (!appeared.isEmpty()) {
            audit.record("SANCTIONS_HITS", "freeze_request", requestId, caseReference, null, describe(appeared));
        }
    }

    /** After a new list was imported: hits that appeared or went are audited as the engine's. */
    public void rescreen(long requestId, String caseReference) {
        // An amendment replacing the request's targets meanwhile waits, or is waited for: hits never name a deleted target.
        repository.lockRequest(requestId);
        Set<String> before = new HashSet<>(repository.hitKeys(requestId));
        List<SanctionsScreeningResult.Hit> appeared = screen(requestId, before);
        Set<String> after = new HashSet<>(repository.hitKeys(requestId));
        List<String> lifted = before.stream().filter(key -> !after.contains(key)).sorted().toList();
        if (!appeared.isEmpty()) {
            audit.record(Actor.ENGINE, "SANCTIONS_HIT_APPEARED", "freeze_request", requestId, caseReference, null, describe(appeared));
        }
        if (!lifted.isEmpty()) {
            audit.record(Actor.ENGINE, "SANCTIONS_HIT_LIFTED", "freeze_request", requestId, caseReference,
                    "target/entry/currency " + lifted.subList(0, Math.min(lifted.size(), DESCRIBED_HITS)), listText());
        }
    }

    /** Screens and stores; returns the hits not among {@code before}. */
    private List<SanctionsScreeningResult.Hit> screen(long requestId, Set<String> before) {
        if (screening.currentList().isEmpty()) {
            repository.replace(requestId, null, null, null, List.of());
            return List.of();
        }
        List<ScreenedTarget> targets = repository.targets(requestId);
        Optional<Screening> result = screening.screen(targets.stream().map(t -> new ScreenedAddress(t.chain(), t.address())).distinct().toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (result.isEmpty()) {
            repository.replace(requestId, null, null, null, List.of());
            return List.of();
        }
        List<SanctionsScreeningResult.Hit> hits = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ScreenedTarget t : targets) {
            for (SanctionsHit hit : result.get().hitsOf(new ScreenedAddress(t.chain(), t.address()))) {
                if (keys.add(t.id() + "/" + hit.entryUid() + "/" + hit.currency())) {
                    hits.add(new SanctionsScreeningResult.Hit(t.id(), t.line(), t.chain(), t.asset(), t.address(), hit.entryUid(),
                            hit.entryName(), hit.programmes(), hit.currency()));
                }
            }
        }
        repository.replace(requestId, result.get().list().id(), result.get().list().publishDate(), now, hits);
        return hits.stream().filter(h -> !before.contains(h.targetId() + "/" + h.entryUid() + "/" + h.currency())).toList();
    }

    private String describe(List<SanctionsScreeningResult.Hit> hits) {
        return listText() + ": " + hits.size() + " hit(s)" + (hits.size() > DESCRIBED_HITS ? ", the first " + DESCRIBED_HITS : "") + ": "
                + String.join("; ", hits.stream().limit(DESCRIBED_HITS).map(SanctionsScreeningResult.Hit::describe).toList());
    }

    private String listText() {
        return screening.currentList().map(l -> "SDN list of " + l.dateText()).orElse("no SDN list");
    }
}
