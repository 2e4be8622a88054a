package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.TestMail;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Cases filed by the demo agency and approved by the demo legal officer, driven on the engine with the job
 * executor off: the test decides when jobs run. Everything is found by case reference, so tests sharing one
 * application context never see each other's data.
 */
public class ApprovedRequests {

    private final FreezeCaseService freezeCaseService;
    private final FilingValidator filingValidator;
    private final ReviewService reviewService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final CaseRepository cases;
    private final CounterpartyRepository counterparties;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final StaffUserRepository users;

    public ApprovedRequests(ApplicationContext context) {
        freezeCaseService = context.getBean(FreezeCaseService.class);
        filingValidator = context.getBean(FilingValidator.class);
        reviewService = context.getBean(ReviewService.class);
        runtimeService = context.getBean(RuntimeService.class);
        taskService = context.getBean(TaskService.class);
        managementService = context.getBean(ManagementService.class);
        cases = context.getBean(CaseRepository.class);
        counterparties = context.getBean(CounterpartyRepository.class);
        counterpartyRequests = context.getBean(CounterpartyRequestRepository.class);
        users = context.getBean(StaffUserRepository.class);
    }

    public StaffUser user(String username) {
        return users.loadUserByUsername(username);
    }

    public long counterpartyId(String name) {
        return counterparties.findByName(name).orElseThrow().id();
    }

    /** Files as the demo agency, approves as the demo legal officer and fans out; the notifications are left as jobs. */
    public String fileAndApprove(TargetRow... targets) {
        FilingForm form = Filings.form(targets);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> valid = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        String reference = freezeCaseService.file(form, valid, user("agency"));
        ProcessInstance freezeRequest = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("freeze-request").singleResult();
        Task review = taskService.createTaskQuery().processInstanceId(freezeRequest.getId()).taskDefinitionKey("legalReview").singleResult();
        DecisionForm decision = new DecisionForm();
        decision.setDecision(ReviewDecision.APPROVE);
        reviewService.decide(review.getId(), decision, user("legal"));
        // The fan-out is a job after the approval: run here, unless a job executor (of this node or of another node on the
        // same database, as in NodeCrashIT) takes it first; then this attempt loses, and the fan-out is done there.
        for (Job job : managementService.createJobQuery().processInstanceId(freezeRequest.getId())
                .activityId(FreezeRequestProcess.LIST_COUNTERPARTIES).list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (OptimisticLockingException | DuplicateKeyException takenMeanwhile) {
                // The other executor's run commits (it may have stored the counterparty requests first, which this
                // attempt's own inserts then collide with); the wait below sees the job gone.
            } catch (ProcessEngineException gone) {
                if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
                    throw gone;
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(freezeRequest.getId())
                .activityId(FreezeRequestProcess.LIST_COUNTERPARTIES).count() == 0);
        return reference;
    }

    /** Files, approves and mails the notifications. */
    public String notified(TargetRow... targets) {
        String reference = fileAndApprove(targets);
        executeJobs(reference);
        return reference;
    }

    public CounterpartyRequest counterpartyRequest(String reference, String counterpartyName) {
        long counterpartyId = counterpartyId(counterpartyName);
        return counterpartyRequests.findByCase(cases.findCase(reference).orElseThrow().id()).stream()
                .filter(cr -> cr.counterpartyId() == counterpartyId).findFirst().orElseThrow();
    }

    public ProcessInstance process(CounterpartyRequest counterpartyRequest) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CounterpartyRequestProcess.KEY)
                .variableValueEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequest.id()).singleResult();
    }

    /** Runs every due job of the case's processes, including those the jobs create, as the job executor would. */
    public void executeJobs(String reference) {
        boolean ran;
        do {
            ran = false;
            for (Job job : dueJobs(reference)) {
                managementService.executeJob(job.getId());
                ran = true;
            }
        } while (ran);
    }

    public List<Job> dueJobs(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).executable().list().stream())
                .toList();
    }

    /** The mails about the case to one counterparty, in the order received; once each, though GreenMail keeps a copy per recipient. */
    public static List<MimeMessage> mails(MimeMessage[] received, String reference, String counterpartyName) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : received) {
            if (subject(message).contains(reference) && subject(message).endsWith("— " + counterpartyName)) {
                byId.putIfAbsent(messageId(message), message);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The portal token of the most recent mail about the case to one counterparty. */
    public static String latestToken(MimeMessage[] received, String reference, String counterpartyName) {
        List<MimeMessage> mails = mails(received, reference, counterpartyName);
        assertThat(mails).as("mails to " + counterpartyName).isNotEmpty();
        return TestMail.portalPath(mails.get(mails.size() - 1)).substring("/portal/".length());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
