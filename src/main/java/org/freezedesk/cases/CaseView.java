package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.counterpartyrequest.CounterpartyRequestSummary;

/** Everything a case page shows. */
public record CaseView(FreezeCase freezeCase, List<RequestView> requests, List<CounterpartyRequestSummary> counterpartyRequests,
        List<TotalRow> totals, List<OpenTask> openTasks) {

    public record RequestView(FreezeRequest request, List<Target> targets) {
    }

    /** Requested and frozen per asset; amounts as exact plain decimals. */
    public record TotalRow(String asset, String requested, int requestedAllCount, String frozen) {
    }

    /** Work waiting for the viewing user on this case. */
    public record OpenTask(String taskId, String taskKey, int requestSequence) {
    }
}
