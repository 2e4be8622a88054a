package org.freezedesk.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.input.Problems;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The address index for agencies' case systems: check addresses before filing, ask to join, follow one's asks. */
@RestController
@RequestMapping("/api/v1/address-index")
@Tag(name = "Address index", description = "Addresses already targeted in other agencies' cases (role AGENCY; AUDITOR reads asks)")
class AddressIndexApiController {

    private final AddressIndex index;

    AddressIndexApiController(AddressIndex index) {
        this.index = index;
    }

    /** An account by chain and address, or by CAIP-10 id. */
    @Schema(name = "AddressIndexAccount")
    record Account(String chain, String address, String caip10) {
    }

    @Schema(name = "AddressIndexCheck")
    record CheckRequest(List<Account> addresses) {
    }

    @Schema(name = "AddressIndexCheckResult")
    record CheckResult(int checked, List<CrossCaseMatch> crossCaseMatches) {
    }

    @Schema(name = "JoinAskRequest")
    record AskRequest(String chain, String address, String caip10, String matchHandle, String reason) {
    }

    @PostMapping("/check")
    @ApiResponse(responseCode = "200", description = "Checked", content = @Content(schema = @Schema(implementation = CheckResult.class)))
    @Operation(summary = "Which of these addresses other agencies' cases already target",
            description = "Up to 100 accounts ({\"chain\", \"address\"} or {\"caip10\"}). For each match only the other case's agency, "
                    + "the state of its target there (REQUESTED, FROZEN, RELEASED) and a matchHandle to ask to join with; cases of "
                    + "one's own agency and undiscoverable cases are never listed.")
    ResponseEntity<?> check(@RequestBody CheckRequest body, @AuthenticationPrincipal StaffUser user) {
        List<Account> accounts = body == null || body.addresses() == null ? List.of() : body.addresses();
        if (accounts.isEmpty() || accounts.size() > AddressIndex.MAX_CHECKED) {
            return Problems.of(HttpStatus.BAD_REQUEST, "addresses", "Give from 1 to " + AddressIndex.MAX_CHECKED + " addresses");
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        List<IndexedAddress> indexed = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            Optional<IndexedAddress> valid = account == null ? Optional.empty()
                    : index.indexed(account.chain(), account.address(), account.caip10());
            if (valid.isEmpty()) {
                errors.add(new Problems.FieldError("addresses[" + i + "]",
                        "Not a valid account: give chain and address as filed, or a CAIP-10 id"));
            } else {
                indexed.add(valid.get());
            }
        }
        if (!errors.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, errors);
        }
        return ResponseEntity.ok(new CheckResult(accounts.size(), index.check(user, indexed)));
    }

    @PostMapping("/asks")
    @ApiResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = JoinAskView.class)))
    @Operation(summary = "Ask the agency of a matched case to invite yours",
            description = "The account you matched on and the match's matchHandle, with a reason (up to 1,000 characters). "
                    + "201 with the ask; 409 with the ask already made when your agency asked before; 404 when no case behind "
                    + "the handle targets that account.")
    ResponseEntity<?> ask(@RequestBody AskRequest body, @AuthenticationPrincipal StaffUser user) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Optional<IndexedAddress> about = body == null ? Optional.empty() : index.indexed(body.chain(), body.address(), body.caip10());
        if (about.isEmpty()) {
            errors.add(new Problems.FieldError("address", "Not a valid account: give chain and address, or a CAIP-10 id"));
        }
        String handle = body == null || body.matchHandle() == null ? "" : body.matchHandle().strip();
        if (handle.isEmpty() || handle.length() > AddressIndex.HANDLE_LENGTH) {
            errors.add(new Problems.FieldError("matchHandle", "Give the matchHandle of a match from the check"));
        }
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > AddressIndex.MAX_REASON) {
            errors.add(new Problems.FieldError("reason", "Say why, in 1 to " + AddressIndex.MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, errors);
        }
        AddressIndex.AskResult result = index.ask(user, about.get(), handle, reason);
        if (result.unknownMatch()) {
            return Problems.of(HttpStatus.NOT_FOUND, "matchHandle", "No case behind this handle targets this account");
        }
        JoinAskView view = JoinAskView.of(result.ask(), false);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.CONFLICT).body(view);
    }

    @GetMapping("/asks")
    @Operation(summary = "Your agency's asks to join other cases, newest first (an auditor: every ask)")
    List<JoinAskView> asks(@AuthenticationPrincipal StaffUser user) {
        return index.asksVisibleTo(user);
    }
}
