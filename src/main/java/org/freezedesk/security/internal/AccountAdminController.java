package org.freezedesk.security.internal;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.VettingStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for the agency registry, legal units and staff accounts. */
@Controller
@RequestMapping("/admin")
class AccountAdminController {

    private static final String AGENCY_FORM = "admin/agency-form";
    private static final String LEGAL_UNIT_FORM = "admin/legal-unit-form";
    private static final String ACCOUNT_FORM = "admin/account-form";

    private final AccountAdministration administration;
    private final SmartValidator validator;

    AccountAdminController(AccountAdministration administration, SmartValidator validator) {
        this.administration = administration;
        this.validator = validator;
    }

    @ModelAttribute("vettingStatuses")
    VettingStatus[] vettingStatuses() {
        return VettingStatus.values();
    }

    @GetMapping("/agencies")
    String agencies(Model model) {
        model.addAttribute("agencies", administration.agencies());
        model.addAttribute("legalUnits", administration.legalUnits());
        return "admin/agencies";
    }

    @GetMapping("/agencies/new")
    String newAgency(@ModelAttribute("form") AgencyForm form) {
        return AGENCY_FORM;
    }

    @PostMapping("/agencies")
    String registerAgency(@Valid @ModelAttribute("form") AgencyForm form, BindingResult result, @AuthenticationPrincipal StaffUser admin,
            RedirectAttributes redirect) {
        if (result.hasErrors() || !apply(result, () -> administration.registerAgency(form, admin.getUsername()))) {
            return AGENCY_FORM;
        }
        redirect.addFlashAttribute("message", form.getName().strip() + " registered.");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/agencies/{id}")
    String editAgency(@PathVariable long id, Model model) {
        Agency agency = administration.agency(id);
        AgencyForm form = new AgencyForm();
        form.setName(agency.name());
        form.setJurisdiction(agency.jurisdiction());
        form.setDomains(String.join("\n", agency.domains()));
        form.setVettingStatus(agency.vettingStatus());
        form.setActive(agency.active());
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        return AGENCY_FORM;
    }

    /** The name is fixed once registered and not in the form: it is taken from the registry before the form is checked. */
    @PostMapping("/agencies/{id}")
    String changeAgency(@PathVariable long id, @ModelAttribute("form") AgencyForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser admin, Model model, RedirectAttributes redirect) {
        Agency agency = administration.agency(id);
        form.setName(agency.name());
        validator.validate(form, result);
        model.addAttribute("agency", agency);
        if (result.hasErrors() || !apply(result, () -> administration.changeAgency(id, form, admin.getUsername()))) {
            return AGENCY_FORM;
        }
        redirect.addFlashAttribute("message", agency.name() + " saved.");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/legal-units/new")
    String newLegalUnit(@ModelAttribute("form") LegalUnitForm form, Model model) {
        model.addAttribute("agencies", administration.agencies());
        return LEGAL_UNIT_FORM;
    }

    @PostMapping("/legal-units")
    String createLegalUnit(@Valid @ModelAttribute("form") LegalUnitForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("agencies", administration.agencies());
        if (result.hasErrors() || !apply(result, () -> administration.createLegalUnit(form))) {
            return LEGAL_UNIT_FORM;
        }
        redirect.addFlashAttribute("message", form.getName().strip() + " created.");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/legal-units/{id}")
    String editLegalUnit(@PathVariable long id, Model model) {
        LegalUnit unit = administration.legalUnit(id);
        LegalUnitForm form = new LegalUnitForm();
        form.setName(unit.name());
        form.setActive(unit.active());
        List<Agency> agencies = administration.agencies();
        form.setAgencyIds(agencies.stream().filter(a -> unit.servedAgencies().contains(a.name())).map(Agency::id).toList());
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        model.addAttribute("agencies", agencies);
        return LEGAL_UNIT_FORM;
    }

    @PostMapping("/legal-units/{id}")
    String changeLegalUnit(@PathVariable long id, @Valid @ModelAttribute("form") LegalUnitForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        LegalUnit unit = administration.legalUnit(id);
        form.setName(unit.name());
        model.addAttribute("unit", unit);
        model.addAttribute("agencies", administration.agencies());
        if (result.hasErrors() || !apply(result, () -> administration.changeLegalUnit(id, form))) {
            return LEGAL_UNIT_FORM;
        }
        redirect.addFlashAttribute("message", unit.name() + " saved.");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", administration.accounts());
        return "admin/accounts";
    }

    @GetMapping("/accounts/new")
    String newAccount(@ModelAttribute("form") AccountForm form, Model model) {
        choices(model);
        return ACCOUNT_FORM;
    }

    @PostMapping("/accounts")
    String createAccount(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        choices(model);
        if (result.hasErrors() || !apply(result, () -> administration.createAccount(form))) {
            return ACCOUNT_FORM;
        }
        redirect.addFlashAttribute("message", "Account " + form.getUsername() + " created; a link to choose a password was mailed to "
                + form.getEmail().strip() + ".");
        return "redirect:/admin/accounts/" + form.getUsername();
    }

    @GetMapping("/accounts/{username}")
    String editAccount(@PathVariable String username, Model model) {
        Account account = administration.account(username);
        AccountForm form = new AccountForm();
        form.setUsername(account.username());
        form.setDisplayName(account.displayName());
        form.setEmail(account.email());
        form.setRoles(account.roles());
        form.setAgency(account.agency());
        form.setLegalUnitId(account.legalUnitId());
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        choices(model);
        return ACCOUNT_FORM;
    }

    @PostMapping("/accounts/{username}")
    String changeAccount(@PathVariable String username, @Valid @ModelAttribute("form") AccountForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser admin, Model model, RedirectAttributes redirect) {
        Account account = administration.account(username);
        form.setUsername(username);
        model.addAttribute("account", account);
        choices(model);
        if (result.hasErrors() || !apply(result, () -> administration.changeAccount(username, form, admin.getUsername()))) {
            return ACCOUNT_FORM;
        }
        redirect.addFlashAttribute("message", "Account " + username + " saved.");
        return "redirect:/admin/accounts/" + username;
    }

    @PostMapping("/accounts/{username}/deactivate")
    String deactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin, RedirectAttributes redirect) {
        return act(username, redirect, "deactivated", () -> administration.setActive(username, false, admin.getUsername()));
    }

    @PostMapping("/accounts/{username}/reactivate")
    String reactivate(@PathVariable String username, @AuthenticationPrincipal StaffUser admin, RedirectAttributes redirect) {
        return act(username, redirect, "reactivated", () -> administration.setActive(username, true, admin.getUsername()));
    }

    @PostMapping("/accounts/{username}/on-call")
    String startOnCall(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "is on call: it may approve EMERGENCY requests alone and is reminded of them",
                () -> administration.setOnCall(username, true));
    }

    @PostMapping("/accounts/{username}/off-call")
    String endOnCall(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "is no longer on call", () -> administration.setOnCall(username, false));
    }

    @PostMapping("/accounts/{username}/password-reset")
    String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "reset: the old password no longer works and a one-time link was mailed",
                () -> administration.resetPassword(username));
    }

    @PostMapping("/accounts/{username}/second-factor-reset")
    String resetSecondFactor(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "will set up a new authenticator at its next sign-in",
                () -> administration.resetSecondFactor(username));
    }

    private String act(String username, RedirectAttributes redirect, String outcome, Runnable action) {
        administration.account(username);
        try {
            action.run();
            redirect.addFlashAttribute("message", "Account " + username + " " + outcome + ".");
        } catch (AccountProblem e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/accounts/" + username;
    }

    private void choices(Model model) {
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("agencies", administration.agencies().stream().filter(Agency::active).toList());
        model.addAttribute("legalUnits", administration.legalUnits().stream().filter(LegalUnit::active).toList());
    }

    /** Runs the change; a refusal becomes an error on its field, and nothing was stored. */
    private static boolean apply(BindingResult result, Runnable change) {
        try {
            change.run();
            return true;
        } catch (AccountProblem e) {
            if (Set.of("name", "jurisdiction", "domains", "agencyIds", "username", "displayName", "email", "roles", "agency",
                    "legalUnitId").contains(e.field())) {
                result.rejectValue(e.field(), "refused", e.getMessage());
            } else {
                result.reject("refused", e.getMessage());
            }
            return false;
        }
    }
}
