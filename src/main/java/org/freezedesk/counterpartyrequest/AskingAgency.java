package org.freezedesk.counterpartyrequest;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequest;
import org.springframework.stereotype.Component;

/**
 * Which agency asks a counterparty through a freeze request, as mails, pages and the API name it: the agency that filed
 * the request, which in a joint case may be a partner of the case's agency. The one place that decides it.
 */
@Component
public class AskingAgency {

    private final CaseRepository cases;

    AskingAgency(CaseRepository cases) {
        this.cases = cases;
    }

    public String of(long freezeRequestId) {
        return of(cases.request(freezeRequestId));
    }

    public String of(FreezeRequest request) {
        return request.agency();
    }
}
