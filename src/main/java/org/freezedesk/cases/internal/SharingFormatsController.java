package org.freezedesk.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The case page's downloads of the STIX bundle and MISP event, the same documents as the API's. */
@Controller
@RequestMapping("/cases")
class SharingFormatsController {

    private final FreezeCaseService freezeCaseService;
    private final ObjectMapper json;

    SharingFormatsController(FreezeCaseService freezeCaseService, ObjectMapper json) {
        this.freezeCaseService = freezeCaseService;
        this.json = json;
    }

    @GetMapping("/{reference}/stix.json")
    ResponseEntity<ObjectNode> stix(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        CaseView view = freezeCaseService.view(reference, user);
        return download(SharingFormatsApiController.STIX, view.freezeCase().reference() + "-stix.json", SharingFormats.stix(view, json));
    }

    @GetMapping("/{reference}/misp.json")
    ResponseEntity<ObjectNode> misp(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        CaseView view = freezeCaseService.view(reference, user);
        return download(MediaType.APPLICATION_JSON, view.freezeCase().reference() + "-misp.json", SharingFormats.misp(view));
    }

    private static ResponseEntity<ObjectNode> download(MediaType type, String fileName, ObjectNode document) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(document);
    }
}
