package org.freezedesk.cases;

import java.util.List;
import java.util.stream.Collectors;

import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the case page ({@code cases/show}) needs in its model, for the page itself and for any controller that shows
 * it again with a refused form: the case without its targets, legal's decisions per request, the routing summed up
 * per request, and one page of targets with their answers, filtered.
 */
@Component
public class CasePage {

    private final FreezeCaseService freezeCaseService;
    private final ReviewHistory reviewHistory;
    private final TargetAnswers targetAnswers;

    CasePage(FreezeCaseService freezeCaseService, ReviewHistory reviewHistory, TargetAnswers targetAnswers) {
        this.freezeCaseService = freezeCaseService;
        this.reviewHistory = reviewHistory;
        this.targetAnswers = targetAnswers;
    }

    /** {@code outcome}, {@code counterparty} and {@code page} as the request sent them, or null. */
    public void addTo(Model model, String reference, StaffUser user, String outcome, String counterparty, String page) {
        CaseView view = freezeCaseService.viewWithoutTargets(reference, user);
        long caseId = view.freezeCase().id();
        model.addAttribute("view", view);
        model.addAttribute("reviewHistory", view.requests().stream().collect(Collectors.toMap(
                r -> r.request().id(), r -> reviewHistory.of(r.request().id()))));
        model.addAttribute("routing", view.requests().stream().collect(Collectors.toMap(
                r -> r.request().id(), r -> freezeCaseService.routingLines(r.request()))));
        List<TargetAnswers.Choice> outcomes = targetAnswers.outcomeChoices();
        List<TargetAnswers.Choice> counterparties = targetAnswers.counterpartyChoices(caseId);
        // Filters outside the choices are ignored rather than refused: a stale bookmark still opens the case.
        String chosenOutcome = chosen(outcomes, outcome);
        String chosenCounterparty = chosen(counterparties, counterparty);
        TargetAnswers.Filter filter = new TargetAnswers.Filter(chosenOutcome,
                chosenCounterparty == null ? null : Long.valueOf(chosenCounterparty), null);
        model.addAttribute("answers", targetAnswers.page(caseId, filter, TargetAnswers.pageNumber(page)));
        model.addAttribute("outcomeFilter", chosenOutcome);
        model.addAttribute("counterpartyFilter", chosenCounterparty);
        model.addAttribute("outcomeChoices", outcomes);
        model.addAttribute("counterpartyChoices", counterparties);
    }

    private static String chosen(List<TargetAnswers.Choice> choices, String value) {
        return choices.stream().map(TargetAnswers.Choice::value).filter(v -> v.equals(value)).findFirst().orElse(null);
    }
}
