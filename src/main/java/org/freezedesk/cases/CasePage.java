package org.freezedesk.cases;

import java.util.List;
import java.util.stream.Collectors;

import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's model: the case as its viewer may see it, every feature's {@link CasePagePart}, legal's decisions
 * per request, the routing summed up per request, and one page of targets with their answers, filtered. The case
 * page never loads all of a case's targets, so that a case of 50,000 opens at once.
 */
@Component
public class CasePage {

    public static final String VIEW = "cases/show";

    private final FreezeCaseService freezeCaseService;
    private final List<CasePagePart> parts;
    private final ReviewHistory reviewHistory;
    private final TargetAnswers targetAnswers;
    private final TargetSanctions sanctions;

    CasePage(FreezeCaseService freezeCaseService, List<CasePagePart> parts, ReviewHistory reviewHistory, TargetAnswers targetAnswers,
            TargetSanctions sanctions) {
        this.sanctions = sanctions;
        this.freezeCaseService = freezeCaseService;
        this.parts = parts;
        this.reviewHistory = reviewHistory;
        this.targetAnswers = targetAnswers;
    }

    /** Fills {@code model} for {@code reference} with the first page of targets and names the view; an unknown or hidden case is a 404. */
    public String show(String reference, StaffUser viewer, Model model) {
        return show(reference, viewer, null, null, null, model);
    }

    /** {@code outcome}, {@code counterparty} and {@code page} as the request sent them, or null. */
    public String show(String reference, StaffUser viewer, String outcome, String counterparty, String page, Model model) {
        CaseView view = freezeCaseService.viewWithoutTargets(reference, viewer);
        model.addAttribute("view", view);
        parts.forEach(part -> part.addTo(model, view.freezeCase(), viewer));
        long caseId = view.freezeCase().id();
        model.addAttribute("reviewHistory", view.requests().stream().collect(Collectors.toMap(
                r -> r.request().id(), r -> reviewHistory.of(r.request().id()))));
        model.addAttribute("routing", view.requests().stream().collect(Collectors.toMap(
                r -> r.request().id(), r -> freezeCaseService.routingLines(r.request()))));
        model.addAttribute("sanctions", sanctions.ofCase(caseId));
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
        return VIEW;
    }

    /** The case with all its targets and every feature's part, for any page that shows the case summary ({@code cases/fragments}). */
    public CaseView addCase(String reference, StaffUser viewer, Model model) {
        CaseView view = freezeCaseService.view(reference, viewer);
        model.addAttribute("view", view);
        parts.forEach(part -> part.addTo(model, view.freezeCase(), viewer));
        return view;
    }

    private static String chosen(List<TargetAnswers.Choice> choices, String value) {
        return choices.stream().map(TargetAnswers.Choice::value).filter(v -> v.equals(value)).findFirst().orElse(null);
    }
}
