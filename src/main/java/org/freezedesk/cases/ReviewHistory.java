package org.freezedesk.cases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Legal's decisions on a request, oldest first, so that the filer reads why a request came back. Declared here and
 * implemented by the review module, which records the decisions (review depends on cases, never the reverse).
 */
public interface ReviewHistory {

    /** One decision: in words, with legal's comment. */
    record Decision(String decision, String comment, String decidedBy, OffsetDateTime decidedAt) {
    }

    List<Decision> of(long freezeRequestId);
}
