package org.freezedesk.directory.internal;

import java.util.List;

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
class CounterpartyKeyApiController {

    private final CounterpartyRepository counterparties;
    private final ApiKeys keys;

    CounterpartyKeyApiController(CounterpartyRepository counterparties, ApiKeys keys) {
        this.counterparties = counterparties;
        this.keys = keys;
    }

    @GetMapping
    List<ApiKey> list(@PathVariable long id) {
        existing(id);
        return keys.ofCounterparty(id);
    }

    @PostMapping
    ResponseEntity<IssuedKey> create(@PathVariable long id, @RequestBody ApiKeyForm form, @AuthenticationPrincipal StaffUser admin) {
        existing(id);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(keys.createForCounterparty(id, form, admin.getUsername()));
    }

    @PostMapping("/{keyId}/revoke")
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
