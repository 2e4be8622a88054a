package org.freezedesk.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.directory.internal.AttributionRepository;
import org.springframework.stereotype.Component;

/**
 * Decides who is asked to freeze a target: the issuer when its asset is a token that issuer can freeze on that
 * chain, the exchange when its address is attributed to one, both when both hold, nobody (unattributed)
 * otherwise. Looks everything up for a whole batch at once, never per target.
 */
@Component
public class TargetRouter {

    private final CounterpartyRepository counterparties;
    private final AttributionRepository attributions;

    TargetRouter(CounterpartyRepository counterparties, AttributionRepository attributions) {
        this.counterparties = counterparties;
        this.attributions = attributions;
    }

    /** The routes of every key, issuers first; an empty list means unattributed. */
    public Map<RouteKey, List<Route>> route(Collection<RouteKey> keys) {
        Map<String, List<Route>> issuers = counterparties.issuerRoutesByChainAndAsset();
        Map<String, Route> exchanges = attributions.exchangesHolding(keys);
        Map<RouteKey, List<Route>> result = new HashMap<>();
        for (RouteKey key : keys) {
            List<Route> routes = new ArrayList<>(issuers.getOrDefault(CounterpartyRepository.chainAndAsset(key.chain(), key.asset()), List.of()));
            Route exchange = exchanges.get(AttributionRepository.chainAndAddress(key.chain(), key.address()));
            if (exchange != null && routes.stream().noneMatch(r -> r.counterpartyId() == exchange.counterpartyId())) {
                routes.add(exchange);
            }
            result.put(key, List.copyOf(routes));
        }
        return result;
    }
}
