package org.freezedesk.address.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.input.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets agencies' case systems check an address before filing, with the same rules the filing form applies. */
@RestController
@RequestMapping("/api/v1/addresses")
@Tag(name = "Addresses", description = "Address checks before filing (roles AGENCY and LEGAL)")
public class AddressApiController {

    private static final String CHAIN_CODES = Arrays.stream(Chain.values()).map(Chain::name).collect(Collectors.joining(", "));

    private final AddressValidator validator;

    public AddressApiController(AddressValidator validator) {
        this.validator = validator;
    }

    public record ValidationRequest(String chain, String address) {
    }

    /**
     * Answers 200 with an {@link AddressCheck} for any address on a known chain, valid or not, because an invalid
     * address is the answer asked for; only a request that names no known chain is a bad request.
     */
    @PostMapping("/validate")
    @Operation(summary = "Check an address for a chain", description = "200 with the verdict for any address on a known chain, "
            + "valid or not; 400 only when the chain is unknown.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ValidationRequest.class),
            examples = @ExampleObject(value = "{\"chain\": \"ETH\", \"address\": \"0x52908400098527886E0F7030069857D2E4169EE7\"}")))
    @ApiResponse(responseCode = "200", description = "The verdict", content = @Content(schema = @Schema(implementation = AddressCheck.class)))
    public ResponseEntity<?> validate(@RequestBody ValidationRequest request) {
        Optional<Chain> chain = Chain.parse(request.chain());
        if (chain.isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "chain", chainProblem(request.chain()));
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
