package org.freezedesk.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.freezedesk.address.Caip10;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.AskingAgency;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.OtherRequests;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.input.Problems;
import org.freezedesk.portal.internal.PortalRequestDocument.AgencyDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.Acknowledgement;
import org.freezedesk.portal.internal.PortalRequestDocument.DoNotNotify;
import org.freezedesk.portal.internal.PortalRequestDocument.OtherRequestDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.OutcomeDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.ResponseDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.TargetDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;

/**
 * Reading and answering one counterparty request over the API, the same whether the caller holds the request's
 * link ({@code /api/v1/portal}) or a key of its counterparty ({@code /api/v1/counterparty}): same document, same
 * checks as the portal's forms, same services.
 */
@Component
class PortalAnswers {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRequestService counterpartyRequestService;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final ResponseValidator responseValidator;
    private final AssetPrecision precision;
    private final SmartValidator beanValidator;
    private final RequestTrust trust;
    private final OtherRequests otherRequests;
    private final AskingAgency askingAgency;
    private final TransactionTemplate readOnly;

    PortalAnswers(CounterpartyRequestRepository counterpartyRequests, CounterpartyRequestService counterpartyRequestService,
            CounterpartyRepository counterparties, CaseRepository cases, ResponseValidator responseValidator,
            AssetPrecision precision, SmartValidator beanValidator, RequestTrust trust, OtherRequests otherRequests,
            AskingAgency askingAgency, PlatformTransactionManager transactionManager) {
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.trust = trust;
        this.otherRequests = otherRequests;
        this.askingAgency = askingAgency;
        this.counterpartyRequests = counterpartyRequests;
        this.counterpartyRequestService = counterpartyRequestService;
        this.counterparties = counterparties;
        this.cases = cases;
        this.responseValidator = responseValidator;
        this.precision = precision;
        this.beanValidator = beanValidator;
    }

    /** Only the first acknowledgement is kept; sending it again changes nothing. */
    ResponseEntity<?> acknowledge(CounterpartyRequest cr, AcknowledgeForm form) {
        BindingResult result = new BeanPropertyBindingResult(form, "acknowledgement");
        beanValidator.validate(form, result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        counterpartyRequestService.acknowledge(cr, form.getName().strip(), form.getTitle().strip(), actor(cr));
        return ResponseEntity.ok(documentNow(cr.id()));
    }

    ResponseEntity<?> respond(CounterpartyRequest cr, ResponseForm form, String clientAddress, String acknowledgeFirst) {
        counterpartyRequestService.refuseIfWithdrawn(cr);
        BindingResult result = new BeanPropertyBindingResult(form, "response");
        beanValidator.validate(form, result);
        String acknowledgingTitle = responseValidator.acknowledgingTitle(form, cr, acknowledgeFirst, result);
        List<NewOutcome> outcomes = responseValidator.validate(form, ownTargets(cr), result);
        responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        counterpartyRequestService.respond(cr, form.getSubmittedBy().strip(), acknowledgingTitle, clientAddress, outcomes,
                form.isDoNotNotifyConfirmed(), actor(cr));
        return ResponseEntity.status(HttpStatus.CREATED).body(documentNow(cr.id()));
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    ResponseEntity<?> confirmRelease(CounterpartyRequest cr, ReleaseForm form, String clientAddress) {
        BindingResult result = new BeanPropertyBindingResult(form, "release");
        beanValidator.validate(form, result);
        List<Long> released = responseValidator.validateRelease(form, ownTargets(cr), result);
        responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        counterpartyRequestService.confirmRelease(cr, form.getSubmittedBy().strip(), clientAddress, released,
                form.isDoNotNotifyConfirmed(), actor(cr));
        return ResponseEntity.status(HttpStatus.CREATED).body(documentNow(cr.id()));
    }

    /** The document as it is after a change: read like {@link #document}, in one read-only transaction. */
    private PortalRequestDocument documentNow(long counterpartyRequestId) {
        return readOnly.execute(status -> document(counterpartyRequests.find(counterpartyRequestId)));
    }

    /** One read-only transaction for the document's reads, not a commit each; each row read once. */
    @Transactional(readOnly = true)
    PortalRequestDocument document(CounterpartyRequest cr) {
        FreezeRequest freezeRequest = cases.request(cr.freezeRequestId());
        FreezeCase freezeCase = cases.caseOfRequest(freezeRequest.id());
        Map<Long, TargetOutcome> latest = counterpartyRequests.latestOutcomes(cr.id());
        Counterparty counterparty = counterparties.findById(cr.counterpartyId()).orElseThrow();
        List<Target> routed = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        List<TargetDocument> targets = routed.stream()
                .map(t -> new TargetDocument(t.id(), t.lineNumber(), t.chain(), t.asset(), t.address(),
                        Caip10.of(t.chain(), t.address()), t.amountText(),
                        precision.decimals(t.chain(), t.asset()), t.txHashes(), t.note(),
                        latest.containsKey(t.id()) ? OutcomeDocument.of(latest.get(t.id())) : null))
                .toList();
        Set<Long> confirmedDoNotNotify = counterpartyRequests.responsesConfirmingDoNotNotify(cr.id());
        Map<Long, List<TargetOutcome>> byResponse = new LinkedHashMap<>();
        counterpartyRequests.history(cr.id())
                .forEach(o -> byResponse.computeIfAbsent(o.responseId(), id -> new ArrayList<>()).add(o));
        List<ResponseDocument> responses = byResponse.entrySet().stream()
                .map(e -> new ResponseDocument(e.getKey(), e.getValue().get(0).submittedAt(), e.getValue().get(0).submittedByName(),
                        confirmedDoNotNotify.contains(e.getKey()), e.getValue().get(0).answeredThrough(),
                        e.getValue().stream().map(OutcomeDocument::of).toList()))
                .toList();
        return new PortalRequestDocument(cr.id(), freezeCase.reference(), freezeCase.title(), askingAgency.of(freezeRequest),
                AgencyDocument.of(trust.of(cr, freezeRequest, freezeCase, counterparty, routed)), freezeRequest.sequenceNumber(), freezeRequest.legalBasis(), freezeRequest.courtOrderReference(),
                freezeRequest.mlatReference(), freezeRequest.urgency(),
                freezeRequest.doNotNotify() ? new DoNotNotify(freezeRequest.doNotNotifyBasis(), freezeRequest.doNotNotifyUntil()) : null,
                counterparty.name(), cr.state(), cr.dueAt(),
                cr.acknowledged() ? new Acknowledgement(cr.acknowledgedByName(), cr.acknowledgedByTitle(), cr.acknowledgedAt()) : null,
                targets, responses, otherRequests.of(cr).stream().map(OtherRequestDocument::of).toList());
    }

    Map<Long, Target> ownTargets(CounterpartyRequest cr) {
        return cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                .collect(Collectors.toMap(Target::id, Function.identity()));
    }

    Actor actor(CounterpartyRequest cr) {
        return Actor.counterparty(counterparties.findById(cr.counterpartyId()).orElseThrow().name(), cr.id());
    }

    /** Field errors name the field as in the request body; errors about the whole request have no field. */
    private static ResponseEntity<ProblemDetail> badRequest(BindingResult result) {
        return Problems.badRequest(result);
    }
}
