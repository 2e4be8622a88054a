package org.freezedesk.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.freezedesk.address.Chain;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's counterparty directory: list, create and edit exchanges and issuers. */
@Controller
@RequestMapping("/admin/directory")
class DirectoryController {

    private static final String FORM_VIEW = "directory/form";
    private static final int EMPTY_CONTACTS = 1;
    private static final int EMPTY_ASSETS = 2;

    private final CounterpartyRepository counterparties;
    private final CounterpartyValidator validator;
    private final DirectoryService directory;

    DirectoryController(CounterpartyRepository counterparties, CounterpartyValidator validator, DirectoryService directory) {
        this.counterparties = counterparties;
        this.validator = validator;
        this.directory = directory;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", CounterpartyKind.values());
        model.addAttribute("chains", Chain.values());
    }

    @GetMapping
    String list(Model model) {
        List<Counterparty> all = counterparties.findAll();
        model.addAttribute("counterparties", all);
        model.addAttribute("contacts", all.stream().collect(Collectors.toMap(Counterparty::id, c -> counterparties.contacts(c.id()))));
        model.addAttribute("assets", all.stream().collect(Collectors.toMap(Counterparty::id, c -> counterparties.assets(c.id()))));
        return "directory/list";
    }

    @GetMapping("/new")
    String newCounterparty(@ModelAttribute("form") CounterpartyForm form) {
        form.padRows(EMPTY_CONTACTS + 1, EMPTY_ASSETS + 1);
        return FORM_VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CounterpartyForm form, BindingResult result,
            @RequestParam(name = "addRows", required = false) String addRows, RedirectAttributes redirect) {
        Optional<NewCounterparty> counterparty = check(null, form, result, addRows);
        if (counterparty.isEmpty()) {
            return FORM_VIEW;
        }
        directory.create(counterparty.get());
        redirect.addFlashAttribute("message", counterparty.get().name() + " added to the directory.");
        return "redirect:/admin/directory";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Counterparty counterparty = counterparties.findById(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
        CounterpartyForm form = CounterpartyForm.of(counterparty, counterparties.contacts(id), counterparties.assets(id));
        form.padRows(EMPTY_CONTACTS, EMPTY_ASSETS);
        model.addAttribute("form", form);
        model.addAttribute("counterpartyId", id);
        return FORM_VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CounterpartyForm form, BindingResult result,
            @RequestParam(name = "addRows", required = false) String addRows, @AuthenticationPrincipal StaffUser admin, Model model,
            RedirectAttributes redirect) {
        counterparties.findById(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
        model.addAttribute("counterpartyId", id);
        Optional<NewCounterparty> counterparty = check(id, form, result, addRows);
        if (counterparty.isEmpty()) {
            return FORM_VIEW;
        }
        directory.update(id, counterparty.get(), admin.getUsername());
        redirect.addFlashAttribute("message", counterparty.get().name() + " saved.");
        return "redirect:/admin/directory";
    }

    /** Empty when the form is to be shown again: more rows were asked for, or something is wrong. */
    private Optional<NewCounterparty> check(Long id, CounterpartyForm form, BindingResult result, String addRows) {
        form.dropBlankRows();
        if (addRows != null) {
            form.padRows(EMPTY_CONTACTS, EMPTY_ASSETS);
            return Optional.empty();
        }
        Optional<NewCounterparty> counterparty = validator.validate(id, form, result);
        if (result.hasErrors()) {
            form.padRows(EMPTY_CONTACTS, EMPTY_ASSETS);
            return Optional.empty();
        }
        return counterparty;
    }
}
