package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.freezedesk.audit.internal.ChainVerifier;
import org.freezedesk.audit.internal.Verification;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    @Test
    void anIntactChainVerifiesUpToItsHead() {
        List<AuditEvent> chain = chain(5);
        Verification v = verify(chain, head(chain), null);
        assertThat(v.intact()).as(v.summary()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(5);
    }

    @Test
    void aChangedEventIsNamedExactly() {
        List<AuditEvent> chain = chain(5);
        ChainHead head = head(chain);
        AuditEvent third = chain.get(2);
        chain.set(2, new AuditEvent(third.id(), third.occurredAt(), "intruder", third.actorRole(), third.clientAddress(),
                third.action(), third.objectType(), third.objectId(), third.caseReference(), third.beforeValue(),
                third.afterValue(), third.prevHash(), third.casePrevHash(), third.hash()));
        Verification v = verify(chain, head, null);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenEventId()).isEqualTo(third.id());
        assertThat(v.problem()).contains("does not match its hash");
        assertThat(v.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aRemovedEventIsNamedByTheEventAfterIt() {
        List<AuditEvent> chain = chain(5);
        ChainHead head = head(chain);
        chain.remove(2);
        Verification v = verify(chain, head, null);
        assertThat(v.brokenEventId()).isEqualTo(chain.get(2).id());
        assertThat(v.problem()).contains("removed, inserted or changed");
    }

    @Test
    void eventsCutOffAtTheEndAreCaughtByTheStoredHead() {
        List<AuditEvent> chain = chain(5);
        ChainHead head = head(chain);
        Verification v = verify(chain.subList(0, 3), head, null);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenEventId()).isEqualTo(chain.get(4).id());
        assertThat(v.problem()).contains("removed");
    }

    @Test
    void anEventAppendedBehindTheHeadsBackIsCaught() {
        List<AuditEvent> chain = chain(5);
        ChainHead headBefore = head(chain.subList(0, 4));
        Verification v = verify(chain, headBefore, null);
        assertThat(v.brokenEventId()).isEqualTo(chain.get(4).id());
        assertThat(v.problem()).contains("outside the chain");
    }

    @Test
    void aRewrittenLogFailsAgainstAHeadKeptOutside() {
        List<AuditEvent> original = chain(5);
        ChainHead kept = head(original.subList(0, 3));
        List<AuditEvent> rewritten = chain(5, "rewritten");
        Verification v = verify(rewritten, head(rewritten), kept);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenEventId()).isEqualTo(kept.eventId());
        assertThat(v.problem()).contains("kept chain head");

        assertThat(verify(original, head(original), kept).intact()).isTrue();
    }

    private static Verification verify(List<AuditEvent> events, ChainHead stored, ChainHead kept) {
        ChainVerifier verifier = new ChainVerifier(stored, kept);
        events.forEach(verifier::accept);
        return verifier.result();
    }

    private static ChainHead head(List<AuditEvent> chain) {
        AuditEvent last = chain.get(chain.size() - 1);
        return new ChainHead(last.id(), last.hash(), chain.size());
    }

    static List<AuditEvent> chain(int length) {
        return chain(length, "REQUEST_FILED");
    }

    private static List<AuditEvent> chain(int length, String action) {
        List<AuditEvent> chain = new ArrayList<>();
        String prev = AuditConstants.GENESIS_HASH;
        for (long id = 10; id < 10 + length; id++) {
            AuditEvent unsealed = CanonicalTest.event(id, action, prev);
            AuditEvent sealed = unsealed.withHash(Canonical.sha256(unsealed.canonical()));
            chain.add(sealed);
            prev = sealed.hash();
        }
        return chain;
    }
}
