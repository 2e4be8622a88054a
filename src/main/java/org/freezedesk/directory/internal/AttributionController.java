package org.freezedesk.directory.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The attribution table: look an address up, and import attributions from CSV. */
@Controller
@RequestMapping("/admin/directory/attributions")
class AttributionController {

    private static final String VIEW = "directory/attributions";
    private static final int SHOWN = 100;

    private final AttributionRepository attributions;
    private final AttributionImportService importService;

    AttributionController(AttributionRepository attributions, AttributionImportService importService) {
        this.attributions = attributions;
        this.importService = importService;
    }

    @GetMapping
    String show(@RequestParam(required = false) String address, Model model) {
        addTable(address, model);
        return VIEW;
    }

    @PostMapping
    String importFile(@RequestParam(required = false) MultipartFile file, Authentication user, Model model,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "Choose a CSV file with the columns " + AttributionImportService.COLUMNS);
            addTable(null, model);
            return VIEW;
        }
        AttributionImportService.Result result = importService.importCsv(file.getOriginalFilename(), file.getBytes(), user.getName());
        if (!result.saved()) {
            model.addAttribute("fileError", file.getOriginalFilename() + " was not imported; nothing was saved. Correct these lines:");
            model.addAttribute("problems", result.problems());
            addTable(null, model);
            return VIEW;
        }
        redirect.addFlashAttribute("message", result.count() + " attribution(s) imported from " + file.getOriginalFilename() + ".");
        return "redirect:/admin/directory/attributions";
    }

    private void addTable(String address, Model model) {
        model.addAttribute("address", address);
        model.addAttribute("count", attributions.count());
        model.addAttribute("attributions", address == null || address.isBlank() ? attributions.latest(SHOWN) : attributions.search(address));
        model.addAttribute("shown", SHOWN);
    }
}
