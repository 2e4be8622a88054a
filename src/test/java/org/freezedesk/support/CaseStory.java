package org.freezedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BeanPropertyBindingResult;

/** Drives a case through the application's own services, as the people involved would. */
public class CaseStory {

    private final ApplicationContext context;

    public CaseStory(ApplicationContext context) {
        this.context = context;
    }

    public long counterparty(String name) {
        return bean(CounterpartyRepository.class).findByName(name).orElseThrow().id();
    }

    public String file(TargetRow... targets) {
        FilingForm form = Filings.form(targets);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> valid = bean(FilingValidator.class).validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        StaffUser agency = staff("agency");
        return as(agency, () -> bean(FreezeCaseService.class).file(form, valid, agency));
    }

    /** Approves the request in review and sends the notifications. */
    public void approve(String reference) {
        TaskService tasks = bean(TaskService.class);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("legalReview")
                .singleResult().getId();
        DecisionForm form = new DecisionForm();
        form.setDecision(ReviewDecision.APPROVE);
        form.setComment("Warrant checked");
        StaffUser legal = staff("legal");
        as(legal, () -> {
            bean(ReviewService.class).decide(taskId, form, legal);
            return null;
        });
        runJobs(reference);
    }

    /** The counterparty acknowledges and reports the same outcome for each of its targets. */
    public void respond(String reference, String counterpartyName, Outcome outcome, String frozenAmount) {
        acknowledge(reference, counterpartyName);
        respond(reference, counterpartyName, outcome, frozenAmount, null);
    }

    /** The counterparty reports the same outcome for each of its targets, held until {@code heldUntil}. */
    public void respond(String reference, String counterpartyName, Outcome outcome, String frozenAmount, LocalDate heldUntil) {
        CounterpartyRequest cr = counterpartyRequest(reference, counterpartyName);
        List<Target> targets = bean(CaseRepository.class).targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        bean(CounterpartyRequestService.class).respond(cr, "Jo Compliance", "127.0.0.1", targets.stream()
                .map(t -> new NewOutcome(t.id(), outcome, frozenAmount == null ? null : new BigDecimal(frozenAmount),
                        "INT-" + t.id(), heldUntil, null, null, null))
                .toList(), Actor.counterparty(counterpartyName, cr.id()));
        runJobs(reference);
    }

    public void acknowledge(String reference, String counterpartyName) {
        CounterpartyRequest cr = counterpartyRequest(reference, counterpartyName);
        bean(CounterpartyRequestService.class).acknowledge(cr, "Jo Compliance", "MLRO", Actor.counterparty(counterpartyName, cr.id()));
    }

    /** The counterparty's request in this case. */
    public CounterpartyRequest counterpartyRequest(String reference, String counterpartyName) {
        RuntimeService runtime = bean(RuntimeService.class);
        CounterpartyRequestRepository requests = bean(CounterpartyRequestRepository.class);
        long counterpartyId = counterparty(counterpartyName);
        for (ProcessInstance child : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CounterpartyRequestProcess.KEY).list()) {
            CounterpartyRequest cr = requests.find((Long) runtime.getVariable(child.getId(), CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID));
            if (cr.counterpartyId() == counterpartyId) {
                return cr;
            }
        }
        throw new AssertionError(counterpartyName + " has no open counterparty request in " + reference);
    }

    public FreezeCase freezeCase(String reference) {
        return bean(CaseRepository.class).findCase(reference).orElseThrow();
    }

    /** Runs every due job of the case, including those the jobs create, as the job executor would. */
    public void runJobs(String reference) {
        ManagementService management = bean(ManagementService.class);
        RuntimeService runtime = bean(RuntimeService.class);
        boolean ran;
        do {
            ran = false;
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
                for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                    management.executeJob(job.getId());
                    ran = true;
                }
            }
        } while (ran);
    }

    public StaffUser staff(String username) {
        return bean(StaffUserRepository.class).loadUserByUsername(username);
    }

    /** Runs {@code action} logged in as {@code user}, as a request of theirs would. */
    public static <T> T as(StaffUser user, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    protected <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
