package org.freezedesk.counterpartyrequest;

import org.freezedesk.cases.CaseRepository;
import org.springframework.stereotype.Component;

/**
 * Which agency asks a counterparty through a freeze request, as mails, pages and the API name it: the case's agency.
 * The one place that decides it, so that a request filed by a partner of a joint case can name its own agency here
 * and everywhere at once.
 */
@Component
public class AskingAgency {

    private final CaseRepository cases;

    AskingAgency(CaseRepository cases) {
        this.cases = cases;
    }

    public String of(long freezeRequestId) {
        return cases.caseOfRequest(freezeRequestId).agency();
    }
}
