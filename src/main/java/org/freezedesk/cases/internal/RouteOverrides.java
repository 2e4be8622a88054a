package org.freezedesk.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.Target;
import org.freezedesk.directory.RouteReason;
import org.springframework.stereotype.Component;

/**
 * The filer's route overrides across an amendment: an amendment stores the request's targets anew, so the
 * overrides of targets it keeps (same chain, asset and address, which is all routing looks at) are put back, and
 * those of targets it removed or changed are named as dropped.
 */
@Component
public class RouteOverrides {

    /** The overrides of one target, to put back on the target that takes its place. */
    public record Kept(Target target, List<TargetRoute> routes) {

        public String describe() {
            return "row " + target.lineNumber() + " (" + target.chain() + " " + target.asset() + " " + target.address() + " to "
                    + String.join(", ", routes.stream().map(TargetRoute::counterpartyName).toList()) + ")";
        }
    }

    private final CaseRepository cases;

    RouteOverrides(CaseRepository cases) {
        this.cases = cases;
    }

    /** Before the targets are replaced: the request's overridden targets, by what routing looks at. */
    public Map<String, Kept> before(long requestId) {
        Map<Long, List<TargetRoute>> routes = cases.routesOf(requestId);
        Map<String, Kept> overridden = new LinkedHashMap<>();
        for (Target target : cases.targetsOf(requestId)) {
            List<TargetRoute> own = routes.getOrDefault(target.id(), List.of());
            if (!own.isEmpty() && own.stream().allMatch(r -> r.reason() == RouteReason.OVERRIDE)) {
                overridden.put(TargetChecker.key(target.chain(), target.asset(), target.address()), new Kept(target, own));
            }
        }
        return overridden;
    }

    /** After the new targets are stored: puts the kept overrides back; returns those whose target is gone. */
    public List<Kept> restore(long requestId, Map<String, Kept> overridden) {
        Map<String, Kept> remaining = new LinkedHashMap<>(overridden);
        for (Target target : cases.targetsOf(requestId)) {
            Kept kept = remaining.remove(TargetChecker.key(target.chain(), target.asset(), target.address()));
            if (kept != null) {
                TargetRoute first = kept.routes().get(0);
                cases.overrideRoutes(target.id(), kept.routes().stream().map(TargetRoute::counterpartyId).toList(),
                        first.overrideReason(), first.overriddenBy());
            }
        }
        return new ArrayList<>(remaining.values());
    }
}
