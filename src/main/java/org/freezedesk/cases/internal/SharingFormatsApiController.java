package org.freezedesk.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's targets and leads for threat-intelligence and forensic tools: a STIX 2.1 bundle and a MISP event. Whoever
 * may read the case may export it; the case view answers 404 to anyone else.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class SharingFormatsApiController {

    static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

    private final FreezeCaseService freezeCaseService;
    private final ObjectMapper json;

    SharingFormatsApiController(FreezeCaseService freezeCaseService, ObjectMapper json) {
        this.freezeCaseService = freezeCaseService;
        this.json = json;
    }

    @GetMapping("/{reference}/stix")
    @Operation(summary = "A case's targets and leads as a STIX 2.1 bundle", description = "One cryptocurrency-wallet per account "
            + "(its value the CAIP-10 id) and one cryptocurrency-transaction per lead, as the community extensions define them.")
    @ApiResponse(responseCode = "200", description = "The bundle", content = @Content(mediaType = "application/stix+json;version=2.1",
            schemaProperties = {
                    @SchemaProperty(name = "type", schema = @Schema(type = "string", example = "bundle")),
                    @SchemaProperty(name = "id", schema = @Schema(type = "string", example = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d")),
                    @SchemaProperty(name = "objects", array = @ArraySchema(schema = @Schema(type = "object",
                            description = "identity, cryptocurrency-wallet and cryptocurrency-transaction objects")))}))
    ResponseEntity<ObjectNode> stix(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.ok().contentType(STIX).body(SharingFormats.stix(freezeCaseService.view(reference, user), json));
    }

    @GetMapping("/{reference}/misp")
    @Operation(summary = "A case's targets as a MISP event", description = "One coin-address object per target.")
    @ApiResponse(responseCode = "200", description = "The event", content = @Content(mediaType = "application/json",
            schemaProperties = @SchemaProperty(name = "Event", schema = @Schema(type = "object",
                    description = "info, date, Object: the coin-address objects"))))
    ResponseEntity<ObjectNode> misp(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SharingFormats.misp(freezeCaseService.view(reference, user)));
    }
}
