package org.freezedesk.security.internal;

import java.util.List;

import jakarta.validation.Valid;

import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The same administration as the admin pages, for an operator's scripts. */
@RestController
@RequestMapping("/api/v1/admin")
class AccountAdminApiController {

    private final AccountAdministration administration;

    AccountAdminApiController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/agencies")
    List<Agency> agencies() {
        return administration.agencies();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    Agency registerAgency(@Valid @RequestBody AgencyForm form, @AuthenticationPrincipal StaffUser admin) {
        return administration.registerAgency(form, admin.getUsername());
    }

    @GetMapping("/agencies/{id}")
    Agency agency(@PathVariable long id) {
        return administration.agency(id);
    }

    @PutMapping("/agencies/{id}")
    Agency changeAgency(@PathVariable long id, @Valid @RequestBody AgencyForm form, @AuthenticationPrincipal StaffUser admin) {
        administration.agency(id);
        return administration.changeAgency(id, form, admin.getUsername());
    }

    @GetMapping("/legal-units")
    List<LegalUnit> legalUnits() {
        return administration.legalUnits();
    }

    @PostMapping("/legal-units")
    @ResponseStatus(HttpStatus.CREATED)
    LegalUnit createLegalUnit(@Valid @RequestBody LegalUnitForm form) {
        return administration.createLegalUnit(form);
    }

    @GetMapping("/legal-units/{id}")
    LegalUnit legalUnit(@PathVariable long id) {
        return administration.legalUnit(id);
    }

    @PutMapping("/legal-units/{id}")
    LegalUnit changeLegalUnit(@PathVariable long id, @Valid @RequestBody LegalUnitForm form) {
        administration.legalUnit(id);
        return administration.changeLegalUnit(id, form);
    }

    @GetMapping("/accounts")
    List<Account> accounts() {
        return administration.accounts();
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Account createAccount(@Valid @RequestBody AccountForm form) {
        return administration.createAccount(form);
    }

    @GetMapping("/accounts/{username}")
    Account account(@PathVariable String username) {
        return administration.account(username);
    }

    @PutMapping("/accounts/{username}")
    Account changeAccount(@PathVariable String username, @Valid @RequestBody AccountForm form, @AuthenticationPrincipal StaffUser admin) {
        administration.account(username);
        return administration.changeAccount(username, form, admin.getUsername());
    }

    @PostMapping("/accounts/{username}/deactivate")
    Account deactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin) {
        administration.setActive(username, false, admin.getUsername());
        return administration.account(username);
    }

    @PostMapping("/accounts/{username}/reactivate")
    Account reactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin) {
        administration.setActive(username, true, admin.getUsername());
        return administration.account(username);
    }

    @PostMapping("/accounts/{username}/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resetPassword(@PathVariable String username) {
        administration.resetPassword(username);
    }

    @PostMapping("/accounts/{username}/second-factor-reset")
    Account resetSecondFactor(@PathVariable String username) {
        administration.resetSecondFactor(username);
        return administration.account(username);
    }

    @ExceptionHandler(AccountProblem.class)
    ProblemDetail refused(AccountProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.getMessage());
        detail.setProperty("field", problem.field());
        return detail;
    }
}
