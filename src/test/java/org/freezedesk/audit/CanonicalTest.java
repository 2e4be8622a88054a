package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void sortsMembersAndEscapesAsRfc8785() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "line\nbreak \"quoted\" back\\slash \u0001 ünïcode €");
        fields.put("a", null);
        fields.put("B", "upper case sorts first");
        assertThat(Canonical.json(fields))
                .isEqualTo("{\"B\":\"upper case sorts first\",\"a\":null,"
                        + "\"b\":\"line\\nbreak \\\"quoted\\\" back\\\\slash \\u0001 ünïcode €\"}");
    }

    @Test
    void timestampsAreUtcWithExactlySixFractionalDigits() {
        OffsetDateTime time = OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 123_456_789, ZoneOffset.ofHours(2));
        assertThat(Canonical.format(time)).isEqualTo("2026-03-01T08:15:30.123456Z");
        assertThat(Canonical.format(time.withNano(0))).isEqualTo("2026-03-01T08:15:30.000000Z");
    }

    @Test
    void hashIsSha256OfTheUtf8Text() {
        assertThat(Canonical.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anEventHashesToItsSealedHashAndAnyChangedFieldBreaksTheSeal() {
        AuditEvent event = event(1, "REQUEST_FILED", AuditConstants.GENESIS_HASH);
        AuditEvent sealed = event.withHash(KEY.seal(event.canonical()));
        assertThat(sealed.sealed(KEY)).isTrue();
        assertThat(sealed.canonical()).startsWith("{\"action\":\"REQUEST_FILED\",\"actor\":\"agency\",\"actorRole\":\"AGENCY\"");

        AuditEvent edited = new AuditEvent(1, sealed.occurredAt(), sealed.actor(), sealed.actorRole(), sealed.clientAddress(),
                sealed.action(), sealed.objectType(), sealed.objectId(), sealed.caseReference(), sealed.beforeValue(),
                "amount=2000", sealed.prevHash(), sealed.casePrevHash(), sealed.hash());
        assertThat(edited.sealed(KEY)).isFalse();
    }

    static final AuditKey KEY = new AuditKey("a test key that is at least 32 characters long", List.of(), null);

    static AuditEvent event(long id, String action, String prevHash) {
        return new AuditEvent(id, OffsetDateTime.of(2026, 3, 1, 8, 0, 0, (int) id * 1000, ZoneOffset.UTC), "agency", "AGENCY",
                "127.0.0.1", action, "freeze_request", "7", "FRZ-2026-000001", null, "amount=1000", prevHash,
                AuditConstants.GENESIS_HASH, null);
    }
}
