package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

@FreezeDeskTest
class SupplementaryRequestWebTest {

    private static final String NEW_ADDRESS = "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b";

    @Autowired MockMvc mvc;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;

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
    void theFormStartsFromTheCaseLegalBasisAndRefusesBadTargetsStoringNothing() throws Exception {
        Document page = page(mvc.perform(get("/cases/" + reference + "/supplementary").with(user(agency))).andReturn().getResponse());
        assertThat(page.select("h1").text()).isEqualTo("Supplementary request for " + reference);
        assertThat(page.selectFirst("textarea[name=legalBasis]").text()).isEqualTo("Proceeds of Crime Act, s. 41");
        assertThat(page.select("input[type=file]")).as("imports are for the filing and amendment forms").isEmpty();

        MockHttpServletResponse refused = mvc.perform(supplementary().param("targets[0].address", "0x1234")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(200);
        Document errors = page(refused);
        assertThat(errors.selectFirst("input[name=\"targets[0].address\"]").val()).isEqualTo("0x1234");
        assertThat(errors.selectFirst("input[name=\"targets[0].address\"]").hasClass("is-invalid")).isTrue();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aSupplementaryRequestIsFiledAsTheCaseNextRequestAndGoesToLegalReview() throws Exception {
        MockHttpServletResponse filed = mvc.perform(supplementary().param("targets[0].address", NEW_ADDRESS)).andReturn().getResponse();

        assertThat(filed.getStatus()).isEqualTo(302);
        assertThat(filed.getRedirectedUrl()).isEqualTo("/cases/" + reference);
        FreezeRequest second = freezeCaseService.request(reference, 2, agency);
        assertThat(second.state()).isEqualTo(FreezeRequestState.IN_REVIEW);
        assertThat(cases.targetsOf(second.id())).extracting(Target::address).containsExactly(NEW_ADDRESS);
    }

    @Test
    void anotherAgencyCannotOpenOrFileOnTheCase() throws Exception {
        StaffUser otherAgency = users.loadUserByUsername("agency2");
        assertThat(mvc.perform(get("/cases/" + reference + "/supplementary").with(user(otherAgency))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(supplementary().with(user(otherAgency)).param("targets[0].address", NEW_ADDRESS)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(requests()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder supplementary() {
        return post("/cases/" + reference + "/supplementary").with(user(agency)).with(csrf())
                .param("title", "ignored: the case keeps its title")
                .param("incidentSummary", "ignored")
                .param("legalBasis", "Proceeds of Crime Act, s. 41")
                .param("urgency", "CRITICAL")
                .param("targets[0].chain", "ETH")
                .param("targets[0].asset", "USDT")
                .param("targets[0].amount", "all");
    }

    private int requests() {
        return cases.requestsOf(cases.findCase(reference).orElseThrow().id()).size();
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }
}
