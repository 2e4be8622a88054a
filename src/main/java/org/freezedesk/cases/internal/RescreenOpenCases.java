package org.freezedesk.cases.internal;

import java.util.HashMap;
import java.util.Map;

import org.freezedesk.cases.ClosedCases;
import org.freezedesk.cases.TargetSanctions;
import org.freezedesk.sanctions.SanctionsListImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A new SDN list screens every request of every open case again (not rejected ones, nor closed cases: nobody acts on
 * them any more), after the list's import committed, in a transaction of its own.
 */
@Component
class RescreenOpenCases {

    private final TargetScreeningRepository repository;
    private final TargetSanctions sanctions;
    private final ClosedCases closedCases;

    RescreenOpenCases(TargetScreeningRepository repository, TargetSanctions sanctions, ClosedCases closedCases) {
        this.repository = repository;
        this.sanctions = sanctions;
        this.closedCases = closedCases;
    }

    @ApplicationModuleListener
    void listImported(SanctionsListImported event) {
        Map<String, Boolean> closed = new HashMap<>();
        for (TargetScreeningRepository.OpenRequest request : repository.requestsNotRejected()) {
            if (!closed.computeIfAbsent(request.caseReference(), closedCases::isClosed)) {
                sanctions.rescreen(request.requestId(), request.caseReference());
            }
        }
    }
}
