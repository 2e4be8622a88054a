package org.freezedesk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.input.BoundedBody;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.sanctions.SanctionsList;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sanctions list for an operator's scripts: the list in force, and importing SDN.XML sent as the request body. */
@RestController
@RequestMapping("/api/v1/admin/sanctions")
@Tag(name = "Administration")
class SanctionsAdminApiController {

    /** {@code list} is null until a list was imported. */
    record ListDocument(SanctionsList list) {
    }

    @Schema(name = "SanctionsImport")
    record ImportDocument(boolean changed, SanctionsList list, int addressesOnSupportedChains, Map<String, Long> addressesPerCurrency) {
    }

    private final SanctionsImports imports;
    private final SanctionsRepository repository;

    SanctionsAdminApiController(SanctionsImports imports, SanctionsRepository repository) {
        this.imports = imports;
        this.repository = repository;
    }

    @GetMapping
    @Operation(summary = "The sanctions list in force", description = "Its source, when it was imported and how many addresses it holds.")
    ListDocument current() {
        return new ListDocument(repository.currentList().orElse(null));
    }

    /** The body is the SDN.XML file, read as it arrives up to the size limit (413 beyond); a file that is not one is 400. */
    @PostMapping
    @Operation(summary = "Import an OFAC SDN list", description = "The SDN.XML file as the request body; 400 when it is not one, "
            + "413 beyond the size limit. Open cases are screened again against it.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/xml",
            schema = @Schema(type = "string", format = "binary")))
    ImportDocument upload(HttpServletRequest request, @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @AuthenticationPrincipal StaffUser admin) throws IOException {
        String name = fileName == null ? "SDN.XML" : InputPolicy.withoutControlCharacters(fileName);
        try (InputStream body = BoundedBody.limited(request.getInputStream(), request.getContentLengthLong(), imports.maxBytes(), "file")) {
            SanctionsImports.Result result = imports.importList(body, "API upload " + (name.length() > 200 ? name.substring(0, 200) : name),
                    admin.getUsername());
            return new ImportDocument(result.changed(), result.list(), result.addressesOnSupportedChains(), result.addressesPerCurrency());
        }
    }
}
