package org.freezedesk.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A JSON body is bounded like every other input: an oversized filing is refused before it is read, and nothing is stored. */
@FreezeDeskTest
class JsonBodyLimitTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void aFilingLargerThanTheLimitIsRefusedWith413AndStoresNothing() throws Exception {
        long casesBefore = jdbc.sql("SELECT COUNT(*) FROM freeze_case").query(Long.class).single();
        String note = "x".repeat((int) JsonBodyLimit.MAX_BYTES);
        String body = "{\"title\":\"Bridge theft\",\"targets\":[{\"chain\":\"ETH\",\"asset\":\"ETH\",\"note\":\"" + note + "\"}]}";

        mvc.perform(post("/api/v1/cases").with(bearerOf(context, "agency")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM freeze_case").query(Long.class).single()).isEqualTo(casesBefore);
    }
}
