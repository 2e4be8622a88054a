package org.freezedesk;

import java.time.Duration;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/** Camunda's job executor for engines built without Spring, its acquisition paced as FreezeDesk's: {@link PacedJobAcquisition}. */
final class PacedDefaultJobExecutor extends DefaultJobExecutor {

    private final Duration spacing;

    PacedDefaultJobExecutor(Duration spacing) {
        this.spacing = spacing;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new PacedJobAcquisition(this, spacing);
    }
}
