package org.freezedesk.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.recovery.internal.FrozenHolding;
import org.freezedesk.recovery.internal.Instrument;
import org.freezedesk.recovery.internal.NewInstruction;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.recovery.internal.RecoveryMethod;
import org.freezedesk.recovery.internal.RecoveryProcess;
import org.freezedesk.recovery.internal.RecoveryRepository;
import org.freezedesk.recovery.internal.RecoveryService;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.springframework.context.ApplicationContext;

/** A case story that goes on from the freeze to recovery. */
public final class RecoveryStory extends CaseStory {

    public RecoveryStory(ApplicationContext context) {
        super(context);
    }

    /** Files a transfer instruction for the counterparty's first frozen holding and has legal approve it. */
    public RecoveryInstruction instructAndApprove(String reference, String counterpartyName, String amount, String destination) {
        long id = instruct(reference, counterpartyName, amount, destination);
        String taskId = bean(TaskService.class).createTaskQuery().processVariableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, id)
                .singleResult().getId();
        StaffUser legal = staff("legal");
        as(legal, () -> {
            bean(RecoveryService.class).decide(taskId, ReviewDecision.APPROVE, null, legal);
            return null;
        });
        runJobs(reference);
        return bean(RecoveryRepository.class).find(id);
    }

    /** Files a transfer instruction for the counterparty's first frozen holding; it waits for legal review. */
    public long instruct(String reference, String counterpartyName, String amount, String destination) {
        FreezeCase freezeCase = freezeCase(reference);
        FrozenHolding holding = bean(RecoveryRepository.class).frozenHoldings(freezeCase.id()).stream()
                .filter(h -> h.counterpartyName().equals(counterpartyName)).findFirst().orElseThrow();
        StaffUser agency = staff("agency");
        return as(agency, () -> bean(RecoveryService.class).file(freezeCase, new NewInstruction(holding, Instrument.FORFEITURE_ORDER,
                "FO-2026-1", LocalDate.of(2026, 3, 1), RecoveryMethod.TRANSFER, destination, new BigDecimal(amount)), agency));
    }

    public void confirmTransfer(RecoveryInstruction instruction, String txHash, String amount) {
        bean(RecoveryService.class).confirmTransfer(instruction, "Jo Compliance", txHash, new BigDecimal(amount), LocalDate.of(2026, 3, 5),
                Actor.counterparty(instruction.counterpartyName(), instruction.counterpartyRequestId()));
        runJobs(instruction.caseReference());
    }
}
