package org.freezedesk.review.internal;

import java.util.List;

import org.freezedesk.cases.ReviewHistory;
import org.freezedesk.review.LegalDecisionRepository;
import org.freezedesk.review.ReviewDecision;
import org.springframework.stereotype.Component;

/** The request's review history as the case page and the amendment form show it. */
@Component
class LegalReviewHistory implements ReviewHistory {

    private final LegalDecisionRepository decisions;

    LegalReviewHistory(LegalDecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Decision> of(long freezeRequestId) {
        return decisions.forRequest(freezeRequestId).stream()
                .map(d -> new Decision(words(d.decision()), d.comment(), d.decidedBy(), d.decidedAt()))
                .toList();
    }

    private static String words(ReviewDecision decision) {
        return switch (decision) {
            case APPROVE -> "Approved";
            case REJECT -> "Rejected";
            case RETURN -> "Returned for amendment";
        };
    }
}
