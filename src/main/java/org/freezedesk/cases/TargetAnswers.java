package org.freezedesk.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case page's work list: per target and counterparty the answer in force, a page at a time, filtered by outcome
 * and counterparty. Declared here for the case page and implemented by the counterparty request module, which owns
 * the answers (it depends on cases, never the reverse).
 */
public interface TargetAnswers {

    int PAGE_SIZE = 50;
    /** Filter value for targets whose counterparty has not answered yet. */
    String AWAITING = "AWAITING";
    /** Filter value for targets no counterparty holds. */
    String UNATTRIBUTED = "UNATTRIBUTED";

    /**
     * {@code outcome}: an outcome's name, {@link #AWAITING}, {@link #UNATTRIBUTED} or null for all; {@code requestId}:
     * one request's targets only, or null for the whole case.
     */
    record Filter(String outcome, Long counterpartyId, Long requestId) {
    }

    /** One target at one counterparty (or at none), with the answer in force; the answer's fields are null until then. */
    record Row(int requestSequence, String requestState, int lineNumber, String chain, String asset, String address, String requested,
            String txHashes, String note, Long counterpartyId, String counterpartyName, String routeReason, String outcome, String outcomeLabel, String frozen,
            String internalReference, LocalDate heldUntil, String reason, String onwardTxHash, String onwardAddress,
            OffsetDateTime answeredAt) {

        public boolean unattributed() {
            return counterpartyId == null;
        }

        /** A route can change until legal review approves the request. */
        public boolean routeOpen() {
            return "IN_REVIEW".equals(requestState) || "RETURNED".equals(requestState);
        }
    }

    /** One page of rows; {@code number} counts from 1. */
    record Page(List<Row> rows, int number, boolean hasNext) {

        public boolean hasPrevious() {
            return number > 1;
        }

        /** The page's rows per counterparty, in the page's order (the unattributed ones last). */
        public List<Group> groups() {
            Map<String, List<Row>> byCounterparty = new LinkedHashMap<>();
            rows.forEach(row -> byCounterparty.computeIfAbsent(row.unattributed() ? "" : row.counterpartyName(), k -> new ArrayList<>()).add(row));
            return byCounterparty.entrySet().stream().map(e -> new Group(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList();
        }
    }

    /** Rows going to one counterparty; a null name for the unattributed ones. */
    record Group(String counterpartyName, List<Row> rows) {

        public boolean unattributed() {
            return counterpartyName == null;
        }
    }

    /** A choice of a filter: the value sent and the words shown. */
    record Choice(String value, String label) {
    }

    /** A case holds at most a few hundred thousand targets; no page lies beyond this. */
    int MAX_PAGE = 100_000;

    Page page(long caseId, Filter filter, int page);

    /** The page number a request asks for, from 1 to {@link #MAX_PAGE}; anything else is the first page. */
    static int pageNumber(String page) {
        if (page == null || !page.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(page)));
    }

    List<Choice> outcomeChoices();

    /** The counterparties the case's targets go to, by name. */
    List<Choice> counterpartyChoices(long caseId);
}
