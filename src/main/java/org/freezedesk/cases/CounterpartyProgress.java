package org.freezedesk.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the counterparties have done with a case's requests, as the case page and document show it.
 * The counterparty-request feature, which sits above cases, implements it, so cases reads the answers
 * without depending on the feature that collects them.
 */
public interface CounterpartyProgress {

    List<CounterpartyRequestSummary> summariesForCase(long caseId);

    List<Lead> leadsForCase(long caseId);

    /** Frozen amounts per asset, each target counted once at the largest amount any counterparty froze. */
    Map<String, BigDecimal> frozenPerAsset(long caseId);
}
