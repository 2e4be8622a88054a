package org.freezedesk.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
class SharingFormatsApiController {

    static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

    private final FreezeCaseService freezeCaseService;
    private final ObjectMapper json;

    SharingFormatsApiController(FreezeCaseService freezeCaseService, ObjectMapper json) {
        this.freezeCaseService = freezeCaseService;
        this.json = json;
    }

    @GetMapping("/{reference}/stix")
    ResponseEntity<ObjectNode> stix(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.ok().contentType(STIX).body(SharingFormats.stix(freezeCaseService.view(reference, user), json));
    }

    @GetMapping("/{reference}/misp")
    ResponseEntity<ObjectNode> misp(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SharingFormats.misp(freezeCaseService.view(reference, user)));
    }
}
