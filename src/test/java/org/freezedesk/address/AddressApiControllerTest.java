package org.freezedesk.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.address.internal.AddressApiController;
import org.freezedesk.address.internal.AddressApiController.ValidationRequest;
import org.freezedesk.input.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class AddressApiControllerTest {

    private static final String CHAIN_CODES = "BTC, ETH, BSC, ARB, OP, BASE, POLYGON, AVAX, TRON, SOL";

    private final AddressApiController controller = new AddressApiController(new AddressValidator());

    @Test
    void validAddressIsAnsweredWithItsNormalizedForm() {
        ResponseEntity<?> response = controller.validate(new ValidationRequest("eth", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(AddressCheck.valid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    @Test
    void invalidAddressIsAnAnswerNotAnError() {
        ResponseEntity<?> response = controller.validate(new ValidationRequest("BTC", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .isEqualTo(AddressCheck.invalid("Bitcoin address checksum does not match — check for a mistyped character"));
    }

    @Test
    void missingAddressIsAnsweredAsRequired() {
        ResponseEntity<?> response = controller.validate(new ValidationRequest("SOL", null));

        assertThat(response.getBody()).isEqualTo(AddressCheck.invalid("address is required"));
    }

    @Test
    void unknownChainIsABadRequestNamingTheField() {
        ResponseEntity<?> response = controller.validate(new ValidationRequest("XYZ", "anything"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getProperties().get("errors"))
                .isEqualTo(List.of(new Problems.FieldError("chain", "unknown chain 'XYZ'; one of " + CHAIN_CODES)));
    }

    @Test
    void missingChainIsABadRequest() {
        ResponseEntity<?> response = controller.validate(new ValidationRequest(null, "anything"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((ProblemDetail) response.getBody()).getProperties().get("errors"))
                .isEqualTo(List.of(new Problems.FieldError("chain", "chain is required; one of " + CHAIN_CODES)));
    }

    @Test
    void bodiesHaveTheDocumentedJsonShape() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readValue("{\"chain\":\"TRON\",\"address\":\"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", ValidationRequest.class))
                .isEqualTo(new ValidationRequest("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
        assertThat(json.writeValueAsString(((ProblemDetail) controller.validate(new ValidationRequest("XYZ", "a")).getBody())
                .getProperties().get("errors")))
                .isEqualTo("[{\"field\":\"chain\",\"message\":\"unknown chain 'XYZ'; one of " + CHAIN_CODES + "\"}]");
    }
}
