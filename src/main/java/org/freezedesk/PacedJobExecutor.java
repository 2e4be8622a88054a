package org.freezedesk;

import java.time.Duration;

import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/** The Camunda starter's job executor with its acquisition paced: see {@link PacedJobAcquisition}. */
final class PacedJobExecutor extends SpringJobExecutor {

    private final Duration spacing;

    PacedJobExecutor(Duration spacing) {
        this.spacing = spacing;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new PacedJobAcquisition(this, spacing);
    }
}
