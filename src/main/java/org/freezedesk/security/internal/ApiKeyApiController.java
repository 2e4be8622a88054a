package org.freezedesk.security.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.security.ApiKey;
import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.IssuedKey;
import org.freezedesk.security.StaffUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own keys. A key may create keys of its user, with at most the roles the calling key has: a key
 * never widens what its caller can do.
 */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "API keys", description = "The caller's own keys (any staff role)")
class ApiKeyApiController {

    private final ApiKeys keys;

    ApiKeyApiController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "The caller's keys", description = "Every key of the signed-in user or of the calling key's user, "
            + "revoked and expired ones included; never a secret, only its hint.")
    List<ApiKey> list(@AuthenticationPrincipal StaffUser user) {
        return keys.ofUser(user.getUsername());
    }

    @PostMapping
    @Operation(summary = "Create a key", description = "A name unique among the user's keys, the roles it may use (at most "
            + "those of the caller) and its last day, at most a year ahead. The secret is in this answer only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiKeyForm.class),
            examples = @ExampleObject(value = "{\"name\": \"case-sync\", \"scopes\": [\"AGENCY\"], \"expiresOn\": \"2027-06-30\"}")))
    @ApiResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    ResponseEntity<IssuedKey> create(@RequestBody ApiKeyForm form, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(keys.createForUser(user, form));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a key", description = "One of the caller's own keys; it is refused from then on. Revoking a "
            + "revoked key changes nothing.")
    @ApiResponse(responseCode = "200", description = "Revoked; the key as it is now",
            content = @Content(schema = @Schema(implementation = ApiKey.class)))
    ResponseEntity<?> revoke(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return keys.revokeOfUser(user.getUsername(), id, user.getUsername()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ApiKeyProblemAdvice.answer(HttpStatus.NOT_FOUND, "id", "You have no key " + id));
    }
}
