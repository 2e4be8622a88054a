package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/** A supplementary request filed by the agency's own system: the filing's shape and checks, the case page's rules. */
@FreezeDeskTest
class SupplementaryRequestApiTest {

    private static final String NEW_ADDRESS = "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired JdbcClient jdbc;

    private StaffUser agency;
    private String reference;

    @BeforeEach
    void fileACase() {
        agency = users.loadUserByUsername("agency");
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "100"));
        List<NewTarget> targets = filingValidator.validateTargets(form, new BeanPropertyBindingResult(form, "form"));
        reference = freezeCaseService.file(form, targets, agency);
    }

    @Test
    void theCaseAgencyFilesTheNextRequestWhichGoesToLegalReview() throws Exception {
        MockHttpServletResponse filed = supplementary(agency, body(NEW_ADDRESS));

        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        assertThat(filed.getHeader("Location")).isEqualTo("/api/v1/cases/" + reference);
        JsonNode second = json.readTree(filed.getContentAsString()).at("/requests/1");
        assertThat(second.get("sequence").asInt()).isEqualTo(2);
        assertThat(second.get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(second.at("/targets/0/address").asText()).isEqualTo(NEW_ADDRESS);
    }

    @Test
    void badTargetsAreNamedAndNothingIsStored() throws Exception {
        MockHttpServletResponse refused = supplementary(agency, body("0x1234"));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(refused.getContentAsString()).at("/errors/0/field").asText()).isEqualTo("targets[0].address");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anotherAgencyLearnsNothingOfTheCaseAndAClosedCaseTakesNoMoreRequests() throws Exception {
        assertThat(supplementary(users.loadUserByUsername("agency2"), body(NEW_ADDRESS)).getStatus()).isEqualTo(404);
        assertThat(supplementary(users.loadUserByUsername("agency2"), "{}").getStatus()).as("checked before the body").isEqualTo(404);

        jdbc.sql("INSERT INTO case_closure (case_id, summary, closed_by, closed_at) VALUES (?, ?, ?, ?)")
                .params(cases.findCase(reference).orElseThrow().id(), "Recovered", "agency", OffsetDateTime.now()).update();
        MockHttpServletResponse closed = supplementary(agency, body(NEW_ADDRESS));

        assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(409);
        assertThat(json.readTree(closed.getContentAsString()).get("detail").asText()).contains("closed");
        assertThat(requests()).isEqualTo(1);
    }

    private String body(String address) throws Exception {
        FilingForm form = Filings.form();
        return json.writeValueAsString(Map.of("title", form.getTitle(), "incidentSummary", form.getIncidentSummary(),
                "legalBasis", form.getLegalBasis(), "urgency", "URGENT",
                "targets", List.of(Map.of("chain", "ETH", "asset", "ETH", "address", address, "amount", "all"))));
    }

    private MockHttpServletResponse supplementary(StaffUser user, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + reference + "/requests").with(user(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private int requests() {
        return cases.requestsOf(cases.findCase(reference).orElseThrow().id()).size();
    }
}
