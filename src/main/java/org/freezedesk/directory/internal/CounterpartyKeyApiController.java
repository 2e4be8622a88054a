package org.freezedesk.directory.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.ApiKey;
import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.IssuedKey;
import org.freezedesk.security.StaffUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same counterparty keys as the directory page, for an operator's scripts. */
@RestController
@RequestMapping("/api/v1/admin/counterparties/{id}/keys")
@Tag(name = "Administration")
class CounterpartyKeyApiController {

    private final CounterpartyRepository counterparties;
    private final ApiKeys keys;
    private final DirectoryService directory;

    CounterpartyKeyApiController(CounterpartyRepository counterparties, ApiKeys keys, DirectoryService directory) {
        this.counterparties = counterparties;
        this.keys = keys;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "A counterparty's keys", description = "Every key its system was given, revoked and expired ones "
            + "included; never a secret, only its hint.")
    List<ApiKey> list(@PathVariable long id) {
        existing(id);
        return keys.ofCounterparty(id);
    }

    @PostMapping
    @Operation(summary = "Create a key for a counterparty", description = "A name unique among its keys and its last day, at "
            + "most a year ahead; a counterparty's key has no staff roles. The secret is in this answer only. An inactive "
            + "counterparty gets none (409); deactivating one revokes its keys.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiKeyForm.class),
            examples = @ExampleObject(value = "{\"name\": \"compliance-system\", \"expiresOn\": \"2027-06-30\"}")))
    @ApiResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    ResponseEntity<IssuedKey> create(@PathVariable long id, @RequestBody ApiKeyForm form, @AuthenticationPrincipal StaffUser admin) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(directory.issueKey(id, form, admin.getUsername()));
    }

    @PostMapping("/{keyId}/revoke")
    @Operation(summary = "Revoke a counterparty's key", description = "It is refused from then on. Revoking a revoked key "
            + "changes nothing.")
    ApiKey revoke(@PathVariable long id, @PathVariable long keyId, @AuthenticationPrincipal StaffUser admin) {
        existing(id);
        return keys.revokeOfCounterparty(id, keyId, admin.getUsername()).orElseThrow(() -> new CounterpartyNotFoundException(id));
    }

    @ExceptionHandler(CounterpartyNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CounterpartyNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such counterparty, or no such key of it"));
    }

    private void existing(long id) {
        counterparties.findById(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
    }
}
