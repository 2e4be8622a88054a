package org.freezedesk.cases.internal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.CasePartner;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerRefusedException;
import org.freezedesk.cases.PartnerScope;
import org.freezedesk.cases.PartnerState;
import org.freezedesk.input.Problems;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Joint cases over the API, with the same rules as the pages ({@link JointCases}). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Joint cases", description = "The lead agency invites partner agencies into a case; partners accept, decline or leave (role AGENCY)")
class JointCaseApiController {

    @Schema(name = "CasePartner", description = "An agency invited into a case, and how the invitation stands")
    record PartnerDocument(long id, String reference, String leadAgency, String agency, String agreement, PartnerScope scope,
            PartnerState state, String invitedBy, OffsetDateTime invitedAt, String answeredBy, OffsetDateTime answeredAt) {

        static PartnerDocument of(CasePartner p) {
            return new PartnerDocument(p.id(), p.caseReference(), p.leadAgency(), p.agency(), p.agreement(), p.scope(), p.state(),
                    p.invitedBy(), p.invitedAt(), p.answeredBy(), p.answeredAt());
        }
    }

    @Schema(name = "PartnerScopeChange")
    record ScopeChange(PartnerScope scope) {
    }

    private final JointCases jointCases;
    private final CasePermissions permissions;
    private final SmartValidator beanValidator;

    JointCaseApiController(JointCases jointCases, CasePermissions permissions, SmartValidator beanValidator) {
        this.jointCases = jointCases;
        this.permissions = permissions;
        this.beanValidator = beanValidator;
    }

    @GetMapping("/cases/{reference}/partners")
    @Operation(summary = "A case's partner agencies", description = "Every agency ever invited, with its state (INVITED, ACTIVE, "
            + "DECLINED, LEFT, REMOVED) and scope. Whoever reads the case.")
    List<PartnerDocument> partners(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return jointCases.partners(reference, user).stream().map(PartnerDocument::of).toList();
    }

    @PostMapping("/cases/{reference}/partners")
    @Operation(summary = "Invite a partner agency", description = "Only the case's own agency. agency: a name from the agency "
            + "registry, not the case's own; agreement: the sharing agreement or MLAT (up to 500 characters); scope: READ, or FILE "
            + "(read and file its own requests). 409 when the agency is invited or a partner already.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PartnerForm.class),
            examples = @ExampleObject(value = """
                    {"agency": "Financial Intelligence Unit", "agreement": "MLAT 2026/17 (UK-US)", "scope": "FILE"}""")))
    @ApiResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> invite(@PathVariable String reference, @RequestBody PartnerForm form, @AuthenticationPrincipal StaffUser user) {
        // Checked before the body, so that an agency that may not invite learns nothing from the validation errors.
        permissions.changeable(reference, user);
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        beanValidator.validate(form, result);
        if (result.hasErrors()) {
            return Problems.badRequest(result);
        }
        try {
            CasePartner partner = jointCases.invite(reference, form.getAgency(), form.getAgreement(), form.getScope(), user);
            return ResponseEntity.created(URI.create("/api/v1/cases/" + reference + "/partners")).body(PartnerDocument.of(partner));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    @PostMapping("/cases/{reference}/partners/{id}/scope")
    @Operation(summary = "Change a partner's scope", description = "Only the case's own agency; the partner is invited or active.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ScopeChange.class),
            examples = @ExampleObject(value = """
                    {"scope": "READ"}""")))
    @ApiResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> changeScope(@PathVariable String reference, @PathVariable long id, @RequestBody ScopeChange change,
            @AuthenticationPrincipal StaffUser user) {
        try {
            return ResponseEntity.ok(PartnerDocument.of(jointCases.changeScope(reference, id, change.scope(), user)));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    @PostMapping("/cases/{reference}/partners/{id}/remove")
    @Operation(summary = "Remove a partner", description = "Only the case's own agency. The partner reads nothing of the case from "
            + "then on; an invitation not answered yet is withdrawn.")
    @ApiResponse(responseCode = "200", description = "Removed", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> remove(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        try {
            return ResponseEntity.ok(PartnerDocument.of(jointCases.remove(reference, id, user)));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    @PostMapping("/cases/{reference}/partners/leave")
    @Operation(summary = "Leave a joint case", description = "An active partner's investigator; its agency reads nothing of the case "
            + "from then on.")
    @ApiResponse(responseCode = "200", description = "Left", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> leave(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        try {
            return ResponseEntity.ok(PartnerDocument.of(jointCases.leave(reference, user)));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    @GetMapping("/invitations")
    @Operation(summary = "Invitations waiting for your agency", description = "Who invites, into which case, under which agreement "
            + "and with what scope; nothing of the case itself until accepted.")
    List<PartnerDocument> invitations(@AuthenticationPrincipal StaffUser user) {
        return jointCases.invitations(user).stream().map(PartnerDocument::of).toList();
    }

    @PostMapping("/invitations/{id}/accept")
    @Operation(summary = "Accept an invitation", description = "Only the invited agency's investigators; 409 once answered or withdrawn.")
    @ApiResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> accept(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        try {
            return ResponseEntity.ok(PartnerDocument.of(jointCases.accept(id, user)));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    @PostMapping("/invitations/{id}/decline")
    @Operation(summary = "Decline an invitation", description = "Only the invited agency's investigators; 409 once answered or withdrawn.")
    @ApiResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = PartnerDocument.class)))
    ResponseEntity<?> decline(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        try {
            return ResponseEntity.ok(PartnerDocument.of(jointCases.decline(id, user)));
        } catch (PartnerRefusedException e) {
            return refused(e);
        }
    }

    private static ResponseEntity<?> refused(PartnerRefusedException e) {
        return Problems.of(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }
}
