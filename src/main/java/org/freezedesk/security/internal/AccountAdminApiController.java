package org.freezedesk.security.internal;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.input.CursorPage;
import org.freezedesk.input.Problems;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The same administration as the admin pages, for an operator's scripts. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Agencies, legal units and accounts (role ADMIN)")
class AccountAdminApiController {

    private final AccountAdministration administration;

    AccountAdminApiController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/agencies")
    @Operation(summary = "Agencies", description = "Every registered agency, a page at a time, by id.")
    CursorPage<Agency> agencies(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return CursorPage.of(administration.agencies(),
                a -> CursorPage.key(a.id()), cursor, limit);
    }

    @PostMapping("/agencies")
    @Operation(summary = "Register an agency", description = "Name (fixed once registered), jurisdiction, verified e-mail domains; audited.")
    @ResponseStatus(HttpStatus.CREATED)
    Agency registerAgency(@Valid @RequestBody AgencyForm form, @AuthenticationPrincipal StaffUser admin) {
        return administration.registerAgency(form, admin.getUsername());
    }

    @GetMapping("/agencies/{id}")
    @Operation(summary = "An agency")
    Agency agency(@PathVariable long id) {
        return administration.agency(id);
    }

    @PutMapping("/agencies/{id}")
    @Operation(summary = "Change an agency", description = "Jurisdiction, domains, active flag; the name stays; audited.")
    Agency changeAgency(@PathVariable long id, @Valid @RequestBody AgencyForm form, @AuthenticationPrincipal StaffUser admin) {
        administration.agency(id);
        return administration.changeAgency(id, form, admin.getUsername());
    }

    @GetMapping("/legal-units")
    @Operation(summary = "Legal units", description = "Every legal unit, a page at a time, by id.")
    CursorPage<LegalUnit> legalUnits(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return CursorPage.of(administration.legalUnits(),
                u -> CursorPage.key(u.id()), cursor, limit);
    }

    @PostMapping("/legal-units")
    @Operation(summary = "Create a legal unit", description = "The agencies it reviews for; none means every agency.")
    @ResponseStatus(HttpStatus.CREATED)
    LegalUnit createLegalUnit(@Valid @RequestBody LegalUnitForm form) {
        return administration.createLegalUnit(form);
    }

    @GetMapping("/legal-units/{id}")
    @Operation(summary = "A legal unit")
    LegalUnit legalUnit(@PathVariable long id) {
        return administration.legalUnit(id);
    }

    @PutMapping("/legal-units/{id}")
    @Operation(summary = "Change a legal unit")
    LegalUnit changeLegalUnit(@PathVariable long id, @Valid @RequestBody LegalUnitForm form) {
        administration.legalUnit(id);
        return administration.changeLegalUnit(id, form);
    }

    @GetMapping("/accounts")
    @Operation(summary = "Accounts", description = "Every account, a page at a time, by user name.")
    CursorPage<Account> accounts(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return CursorPage.of(administration.accounts(),
                Account::username, cursor, limit);
    }

    @PostMapping("/accounts")
    @Operation(summary = "Create an account", description = "It is mailed a one-time link to choose its password.")
    @ResponseStatus(HttpStatus.CREATED)
    Account createAccount(@Valid @RequestBody AccountForm form) {
        return administration.createAccount(form);
    }

    @GetMapping("/accounts/{username}")
    @Operation(summary = "An account")
    Account account(@PathVariable String username) {
        return administration.account(username);
    }

    @PutMapping("/accounts/{username}")
    @Operation(summary = "Change an account", description = "Roles, agency, legal unit, e-mail; audited.")
    Account changeAccount(@PathVariable String username, @Valid @RequestBody AccountForm form, @AuthenticationPrincipal StaffUser admin) {
        administration.account(username);
        return administration.changeAccount(username, form, admin.getUsername());
    }

    @PostMapping("/accounts/{username}/deactivate")
    @Operation(summary = "Deactivate an account", description = "It can no longer sign in.")
    Account deactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin) {
        administration.setActive(username, false, admin.getUsername());
        return administration.account(username);
    }

    @PostMapping("/accounts/{username}/reactivate")
    @Operation(summary = "Reactivate an account")
    Account reactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin) {
        administration.setActive(username, true, admin.getUsername());
        return administration.account(username);
    }

    @PostMapping("/accounts/{username}/password-reset")
    @Operation(summary = "Reset a password", description = "The old password stops at once; a new one-time link is mailed. 202, no body.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resetPassword(@PathVariable String username) {
        administration.resetPassword(username);
    }

    @PostMapping("/accounts/{username}/second-factor-reset")
    @Operation(summary = "Reset the second factor", description = "The account sets up a new one at its next sign-in.")
    Account resetSecondFactor(@PathVariable String username) {
        administration.resetSecondFactor(username);
        return administration.account(username);
    }

    @ExceptionHandler(AccountProblem.class)
    ResponseEntity<ProblemDetail> refused(AccountProblem problem) {
        return Problems.of(HttpStatus.BAD_REQUEST, problem.field(), problem.getMessage());
    }
}
