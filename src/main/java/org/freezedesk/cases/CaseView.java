package org.freezedesk.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.freezedesk.cases.internal.TargetRoute;

/** Everything a case page shows. */
public record CaseView(FreezeCase freezeCase, List<RequestView> requests, List<CounterpartyRequestSummary> counterpartyRequests,
        List<TotalRow> totals, List<OpenTask> openTasks, List<Lead> leads) {

    /** A request with its targets, their routes by target id, and the targets grouped by counterparty. */
    public record RequestView(FreezeRequest request, List<Target> targets, Map<Long, List<TargetRoute>> routes,
            List<TargetGroup> groups) {

        /** Routes can still change until legal review approves the request and it fans out. */
        public boolean routesOpen() {
            return request.state() == FreezeRequestState.IN_REVIEW || request.state() == FreezeRequestState.RETURNED;
        }

        public List<TargetRoute> routesOf(Target target) {
            return routes.getOrDefault(target.id(), List.of());
        }

        /** The route that put {@code target} into the group of {@code counterpartyId}; null for the unattributed group. */
        public TargetRoute routeOf(Target target, Long counterpartyId) {
            return routesOf(target).stream().filter(r -> counterpartyId != null && r.counterpartyId() == counterpartyId)
                    .findFirst().orElse(null);
        }
    }

    /** Requested and frozen per asset; amounts as exact plain decimals. */
    public record TotalRow(String asset, String requested, int requestedAllCount, String frozen) {

        public String requestedText() {
            return RequestedAmounts.describe(new BigDecimal(requested), requestedAllCount, null);
        }
    }

    /** Work waiting for the viewing user on this case. */
    public record OpenTask(String taskId, String taskKey, int requestSequence) {
    }
}
