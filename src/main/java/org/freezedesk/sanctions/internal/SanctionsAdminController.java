package org.freezedesk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.input.BoundedBody;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.input.InputRefusedException;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's page for the sanctions list: what is in force, and uploading a new SDN.XML. */
@Controller
@RequestMapping("/admin/sanctions")
class SanctionsAdminController {

    private static final String VIEW = "sanctions/admin";

    private final SanctionsImports imports;
    private final SanctionsRepository repository;
    private final SdnDownload download;

    SanctionsAdminController(SanctionsImports imports, SanctionsRepository repository, SdnDownload download) {
        this.imports = imports;
        this.repository = repository;
        this.download = download;
    }

    @GetMapping
    String show(Model model) {
        addList(model);
        return VIEW;
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal StaffUser admin, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        String name = InputPolicy.withoutControlCharacters(file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        try (InputStream in = BoundedBody.limited(file.getInputStream(), file.getSize(), imports.maxBytes(), "file")) {
            if (file.isEmpty()) {
                throw new SdnRefusedException("Choose the SDN.XML file to upload");
            }
            SanctionsImports.Result result = imports.importList(in, "upload " + abbreviate(name), admin.getUsername());
            redirect.addFlashAttribute("message", result.changed()
                    ? "SDN list of " + result.list().dateText() + " imported: " + result.list().addressCount() + " digital-currency addresses, "
                    + result.addressesOnSupportedChains() + " on chains FreezeDesk screens. Open cases are being screened against it."
                    : "This file is the list already in force (same SHA-256); nothing changed.");
            return "redirect:/admin/sanctions";
        } catch (InputRefusedException e) {
            response.setStatus(e instanceof BoundedBody.BodyTooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Nothing was imported: " + e.getMessage() + ".");
            addList(model);
            return VIEW;
        }
    }

    private void addList(Model model) {
        model.addAttribute("list", repository.currentList().orElse(null));
        model.addAttribute("downloadUrl", download.url());
        model.addAttribute("downloadSchedule", download.schedule());
        model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
    }

    private static String abbreviate(String name) {
        return name.length() > 200 ? name.substring(0, 200) + "…" : name;
    }
}
