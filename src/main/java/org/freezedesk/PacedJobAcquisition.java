package org.freezedesk;

import java.time.Duration;

import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;

/**
 * The engine's job acquisition, waiting out {@code spacing} after an acquisition that took some jobs but not a full
 * batch. Camunda's own acquires again at once and wakes at every job a commit adds: with answers arriving one by one,
 * each woke it for a single job, one write transaction each (6.0 acquisitions a case against the bare shape's 4.4 in the
 * case benchmark). Waiting gathers the jobs that arrive meanwhile into one acquisition. A backlog (a full batch) is
 * still taken at once, and so is the first job after an acquisition that found none.
 */
final class PacedJobAcquisition extends SequentialJobAcquisitionRunnable {

    private final long spacingMillis;

    PacedJobAcquisition(JobExecutor jobExecutor, Duration spacing) {
        super(jobExecutor);
        this.spacingMillis = spacing.toMillis();
    }

    @Override
    protected void suspendAcquisition(long millis) {
        super.suspendAcquisition(millis);
        if (!tookSomeButNotAFullBatch()) {
            return;
        }
        long rest = acquisitionContext.getAcquisitionTime() + spacingMillis - System.currentTimeMillis();
        if (rest > 0 && !isInterrupted) {
            try {
                Thread.sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean tookSomeButNotAFullBatch() {
        int most = acquisitionContext.getAcquiredJobsByEngine().values().stream().mapToInt(AcquiredJobs::size).max().orElse(0);
        return most > 0 && most < jobExecutor.getMaxJobsPerAcquisition();
    }
}
