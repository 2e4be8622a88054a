package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the counterparty's stored answer: whether it confirmed the transfer, for the gateway after it. */
@Component(RecoveryProcess.CHECK_TRANSFER)
class CheckTransfer implements JavaDelegate {

    private final RecoveryRepository recoveries;

    CheckTransfer(RecoveryRepository recoveries) {
        this.recoveries = recoveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        execution.setVariable(RecoveryProcess.TRANSFER_CONFIRMED, instruction.state() == RecoveryState.CONFIRMED);
    }
}
