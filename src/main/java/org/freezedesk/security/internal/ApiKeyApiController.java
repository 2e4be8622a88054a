package org.freezedesk.security.internal;

import java.util.List;

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
class ApiKeyApiController {

    private final ApiKeys keys;

    ApiKeyApiController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<ApiKey> list(@AuthenticationPrincipal StaffUser user) {
        return keys.ofUser(user.getUsername());
    }

    @PostMapping
    ResponseEntity<IssuedKey> create(@RequestBody ApiKeyForm form, @AuthenticationPrincipal StaffUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(keys.createForUser(user, form));
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<?> revoke(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return keys.revokeOfUser(user.getUsername(), id, user.getUsername()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ApiKeyProblemAdvice.answer(HttpStatus.NOT_FOUND, "id", "You have no key " + id));
    }
}
