package org.freezedesk.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

class AddressCheckTest {

    @Test
    void factoriesFillExactlyTheFieldThatApplies() {
        assertThat(AddressCheck.valid("bc1q")).isEqualTo(new AddressCheck(true, "bc1q", null));
        assertThat(AddressCheck.invalid("address is required")).isEqualTo(new AddressCheck(false, null, "address is required"));
    }

    @Test
    void contradictoryChecksCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressCheck(true, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressCheck(true, "x", "reason"));
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressCheck(false, "x", "reason"));
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressCheck(false, null, null));
    }

    /** Even where the application leaves nulls out of JSON, the API promises both fields. */
    @Test
    void jsonAlwaysCarriesNormalizedAndReason() throws Exception {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

        assertThat(json.writeValueAsString(AddressCheck.valid("0xAb")))
                .isEqualTo("{\"valid\":true,\"normalized\":\"0xAb\",\"reason\":null}");
        assertThat(json.writeValueAsString(AddressCheck.invalid("address is required")))
                .isEqualTo("{\"valid\":false,\"normalized\":null,\"reason\":\"address is required\"}");
    }
}
