package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.springframework.context.ApplicationContext;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * One case whose original request and supplementary request both ask Tether to freeze the same USDT address: the
 * original also asks for USDT on Tron ({@code onlyInFirst}), the supplementary also for USDT at an OKX address
 * ({@code onlyInSecond}), which goes to OKX too. Both requests are approved and their notifications mailed.
 */
public class TwoRequestsToTether extends CaseStory {

    public final String reference;
    public final CounterpartyRequest first;
    public final CounterpartyRequest second;
    /** OKX's part of the supplementary request: another counterparty's. */
    public final CounterpartyRequest okx;
    public final Target sharedInFirst;
    public final Target onlyInFirst;
    public final Target sharedInSecond;
    public final Target onlyInSecond;

    /** With {@code secondDoNotNotify}, the supplementary request forbids telling the customer. */
    public TwoRequestsToTether(ApplicationContext context, boolean secondDoNotNotify) {
        super(context);
        reference = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"), Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "5"));
        approve(reference);
        // The same address as typed by another hand: lower case, which the address checks write as its checksum form.
        FilingForm supplementary = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS.toLowerCase(), "12"),
                Filings.target("ETH", "USDT", Filings.OKX_ETH_ADDRESS, "3"));
        if (secondDoNotNotify) {
            supplementary.setDoNotNotify(true);
            supplementary.setDoNotNotifyBasis("Court order 7/2026, section 12");
            supplementary.setDoNotNotifyUntil(LocalDate.now().plusMonths(3));
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(supplementary, "form");
        List<NewTarget> valid = bean(FilingValidator.class).validateTargets(supplementary, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        StaffUser agency = staff("agency");
        assertThat(as(agency, () -> bean(FreezeCaseService.class).fileSupplementary(reference, supplementary, valid, agency))).isEqualTo(2);
        approve(reference);

        CounterpartyRequestRepository requests = bean(CounterpartyRequestRepository.class);
        long tether = counterparty("Tether");
        List<CounterpartyRequest> tethers = requests.findByCase(freezeCase(reference).id()).stream()
                .filter(cr -> cr.counterpartyId() == tether).toList();
        assertThat(tethers).as("Tether's part of each request").hasSize(2);
        first = tethers.get(0);
        second = tethers.get(1);
        okx = requests.findByCase(freezeCase(reference).id()).stream().filter(cr -> cr.counterpartyId() == counterparty("OKX"))
                .findFirst().orElseThrow();
        List<Target> firstTargets = targets(first);
        List<Target> secondTargets = targets(second);
        sharedInFirst = firstTargets.get(0);
        onlyInFirst = firstTargets.get(1);
        sharedInSecond = secondTargets.get(0);
        onlyInSecond = secondTargets.get(1);
        assertThat(onlyInFirst.chain()).isEqualTo("TRON");
        assertThat(onlyInSecond.address()).isEqualTo(Filings.OKX_ETH_ADDRESS);
    }

    public List<Target> targets(CounterpartyRequest cr) {
        return bean(CaseRepository.class).targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
    }

    /** Tether answers {@code outcome} for one target through one of its requests, then the engine does what follows. */
    public void answer(CounterpartyRequest cr, Target target, Outcome outcome, String frozenAmount) {
        bean(CounterpartyRequestService.class).respond(bean(CounterpartyRequestRepository.class).find(cr.id()), "Jo Compliance",
                "127.0.0.1", List.of(outcome(target, outcome, frozenAmount)), Actor.counterparty("Tether", cr.id()));
        runJobs(reference);
    }

    public static NewOutcome outcome(Target target, Outcome outcome, String frozenAmount) {
        return new NewOutcome(target.id(), outcome, frozenAmount == null ? null : new BigDecimal(frozenAmount), "INT-7", null, null, null, null);
    }

    /** The path of a fresh portal link to the request, such as {@code /portal/abc…}; earlier links stop working. */
    public String token(CounterpartyRequest cr) {
        String link = bean(AccessLinks.class).issue(cr.id());
        return link.substring(link.indexOf("/portal/") + "/portal/".length());
    }
}
