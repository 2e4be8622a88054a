package org.freezedesk.cases.internal;

import java.util.HashMap;
import java.util.Map;

import org.freezedesk.cases.ClosedCases;
import org.freezedesk.cases.TargetSanctions;
import org.freezedesk.sanctions.SanctionsListImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new SDN list screens every request of every open case again (not rejected ones, nor closed cases: nobody acts on
 * them any more), after the list's import committed, each request in a transaction of its own so that no lock is held
 * for long. Screening again is idempotent: a listener that failed half-way and runs again audits no hit twice.
 */
@Component
class RescreenOpenCases {

    private final TargetScreeningRepository repository;
    private final TargetSanctions sanctions;
    private final ClosedCases closedCases;
    private final TransactionTemplate eachRequest;

    RescreenOpenCases(TargetScreeningRepository repository, TargetSanctions sanctions, ClosedCases closedCases,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sanctions = sanctions;
        this.closedCases = closedCases;
        this.eachRequest = new TransactionTemplate(transactions);
        this.eachRequest.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void listImported(SanctionsListImported event) {
        Map<String, Boolean> closed = new HashMap<>();
        for (TargetScreeningRepository.OpenRequest request : repository.requestsNotRejected()) {
            if (!closed.computeIfAbsent(request.caseReference(), closedCases::isClosed)) {
                eachRequest.executeWithoutResult(status -> sanctions.rescreen(request.requestId(), request.caseReference()));
            }
        }
    }
}
