package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.freezedesk.recovery.FreezeHoldLapsing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The lapse warning's task is being created: others (webhooks) hear of it in the same transaction. */
@Component(FreezeHoldProcess.ANNOUNCE_LAPSE_WARNING)
class AnnounceLapseWarning implements TaskListener {

    private final FreezeHoldRepository holds;
    private final ApplicationEventPublisher events;

    AnnounceLapseWarning(FreezeHoldRepository holds, ApplicationEventPublisher events) {
        this.holds = holds;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        FreezeHold hold = holds.find((Long) task.getVariable(FreezeHoldProcess.FREEZE_HOLD_ID));
        events.publishEvent(new FreezeHoldLapsing(hold.id(), hold.counterpartyRequestId(), hold.targetId(), hold.caseReference(),
                hold.heldUntil()));
    }
}
