package org.freezedesk.address.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets agencies' case systems check an address before filing, with the same rules the filing form applies. */
@RestController
@RequestMapping("/api/v1/addresses")
public class AddressApiController {

    private static final String CHAIN_CODES = Arrays.stream(Chain.values()).map(Chain::name).collect(Collectors.joining(", "));

    private final AddressValidator validator;

    public AddressApiController(AddressValidator validator) {
        this.validator = validator;
    }

    public record ValidationRequest(String chain, String address) {
    }

    public record FieldMessage(String field, String message) {
    }

    public record ErrorResponse(List<FieldMessage> errors) {
    }

    /**
     * Answers 200 with an {@link AddressCheck} for any address on a known chain, valid or not, because an invalid
     * address is the answer asked for; only a request that names no known chain is a bad request.
     */
    @PostMapping("/validate")
    public ResponseEntity<?> validate(@RequestBody ValidationRequest request) {
        Optional<Chain> chain = Chain.parse(request.chain());
        if (chain.isEmpty()) {
            return ResponseEntity.badRequest().body(new ErrorResponse(List.of(new FieldMessage("chain", chainProblem(request.chain())))));
        }
        return ResponseEntity.ok(validator.checkAddress(chain.get(), request.address()));
    }

    private static String chainProblem(String given) {
        if (given == null || given.isBlank()) {
            return "chain is required; one of " + CHAIN_CODES;
        }
        return "unknown chain '" + given.strip() + "'; one of " + CHAIN_CODES;
    }
}
