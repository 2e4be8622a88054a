package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.support.Agencies;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The rules of joint cases: only the lead invites, never its own or an unknown agency; only the invited agency answers;
 * a partner reads, and with FILE files its own requests, but changes nothing of the lead's; a removed or departed
 * partner reads nothing at once.
 */
@FreezeDeskTest
class JointCaseTest {

    private static final String FIU = "Financial Intelligence Unit";
    private static final String NEW_ADDRESS = "0x6cC5F688a315f3dC28A7781717a9A798a59fDA7b";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired JointCases jointCases;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired RequestTrust trust;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private StaffUser lead;
    private StaffUser partner;
    private StaffUser outsider;
    private String reference;

    @BeforeEach
    void aCaseOfTheLeadAndAThirdAgency() {
        lead = users.loadUserByUsername("agency");
        partner = users.loadUserByUsername("agency2");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Agencies.register(jdbc, "Outside Agency " + suffix, "France");
        Agencies.account(jdbc, "outsider-" + suffix, "unused", "Outside Agency " + suffix, null, EnumSet.of(Role.AGENCY));
        outsider = users.loadUserByUsername("outsider-" + suffix);
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "100"));
        List<NewTarget> targets = filingValidator.validateTargets(form, new BeanPropertyBindingResult(form, "form"));
        reference = freezeCaseService.file(form, targets, lead);
    }

    @Test
    void onlyTheLeadInvitesAndTheInvitationIsAuditedAndShownOnTheCasePage() throws Exception {
        assertThat(invite(partner, FIU, "FILE").getStatus()).as("an agency that cannot read the case").isEqualTo(404);
        assertThat(invite(lead, FIU, "FILE").getStatus()).isEqualTo(302);
        CasePartner invited = jointCases.partners(reference, lead).get(0);
        accept(invited.id(), partner);
        assertThat(invite(partner, outsiderAgency(), "READ").getStatus()).as("a partner reads but invites nobody").isEqualTo(403);
        assertThat(api(post("/api/v1/cases/" + reference + "/partners"), partner, "{}").getStatus())
                .as("refused before the body is read").isEqualTo(403);

        assertThat(audit.forCase(reference)).extracting(AuditEvent::action).contains("PARTNER_INVITED", "PARTNER_ACCEPTED");
        Document page = page(mvc.perform(get("/cases/" + reference).with(user(lead))).andReturn().getResponse());
        assertThat(page.select("#partners tr[data-agency='" + FIU + "'] .partner-state").text()).isEqualTo("ACTIVE");
        assertThat(page.select("#partners tr[data-agency='" + FIU + "'] .partner-scope").text()).isEqualTo("read and file");
    }

    @Test
    void theLeadCannotInviteItsOwnAgencyAnUnknownOneOrWithoutAnAgreementAndNothingIsStored() throws Exception {
        assertThat(error(api(post("/api/v1/cases/" + reference + "/partners"), lead,
                "{\"agency\": \"National Cyber Crime Unit\", \"agreement\": \"MLAT 1\", \"scope\": \"READ\"}"))).isEqualTo("agency");
        assertThat(error(api(post("/api/v1/cases/" + reference + "/partners"), lead,
                "{\"agency\": \"No Such Agency\", \"agreement\": \"MLAT 1\", \"scope\": \"READ\"}"))).isEqualTo("agency");
        assertThat(error(api(post("/api/v1/cases/" + reference + "/partners"), lead,
                "{\"agency\": \"" + FIU + "\", \"agreement\": \" \", \"scope\": \"READ\"}"))).isEqualTo("agreement");
        assertThat(error(api(post("/api/v1/cases/" + reference + "/partners"), lead,
                "{\"agency\": \"" + FIU + "\", \"agreement\": \"" + "x".repeat(501) + "\", \"scope\": \"READ\"}"))).isEqualTo("agreement");
        MockHttpServletResponse form = invite(lead, "No Such Agency", "READ");
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(page(form).select("#agency-error").text()).contains("No active agency");
        assertThat(page(form).selectFirst("#agreement").val()).as("what was typed is kept").isEqualTo("MLAT 2026/17");
        assertThat(jointCases.partners(reference, lead)).isEmpty();
    }

    @Test
    void theInvitationFormPreselectsTheAgencyTheAddressIndexNames() throws Exception {
        Document form = page(mvc.perform(get("/cases/" + reference + "/partners/new").param("agency", FIU).with(user(lead)))
                .andReturn().getResponse());
        assertThat(form.select("#agency option[selected]").val()).isEqualTo(FIU);
        assertThat(form.select("#agency option").eachAttr("value")).doesNotContain(lead.getAgency());
        assertThat(mvc.perform(get("/cases/" + reference + "/partners/new").with(user(partner))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void onlyTheInvitedAgencyAnswersAndOnlyOnce() throws Exception {
        invite(lead, FIU, "READ");
        long id = jointCases.partners(reference, lead).get(0).id();
        assertThat(mvc.perform(post("/invitations/" + id + "/accept").with(user(outsider)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/invitations/" + id + "/accept").with(user(lead)).with(csrf())).andReturn().getResponse()
                .getStatus()).as("the lead cannot accept for its partner").isEqualTo(404);
        assertThat(read(partner)).as("invited is not yet a member").isEqualTo(404);
        Document invitations = page(mvc.perform(get("/invitations").with(user(partner))).andReturn().getResponse());
        assertThat(invitations.select("#invitations td").eachText()).contains(reference, lead.getAgency(), "MLAT 2026/17");

        accept(id, partner);
        assertThat(read(partner)).isEqualTo(200);
        assertThat(api(post("/api/v1/invitations/" + id + "/decline"), partner, "").getStatus()).as("answered already").isEqualTo(409);
        assertThat(jointCases.partners(reference, lead).get(0).state()).isEqualTo(PartnerState.ACTIVE);
    }

    @Test
    void aReadPartnerFilesNothingAFilePartnerFilesItsOwnRequestsAndChangesNothingOfTheLeads() throws Exception {
        invite(lead, FIU, "READ");
        long id = jointCases.partners(reference, lead).get(0).id();
        accept(id, partner);
        assertThat(mvc.perform(get("/cases/" + reference + "/supplementary").with(user(partner))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        Document list = page(mvc.perform(get("/cases").with(user(partner))).andReturn().getResponse());
        assertThat(list.select("td a").eachText()).as("the partner's case list holds the joint case").contains(reference);

        assertThat(mvc.perform(post("/cases/" + reference + "/partners/" + id + "/scope").param("scope", "FILE").with(user(lead))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        Document form = page(mvc.perform(get("/cases/" + reference + "/supplementary").with(user(partner))).andReturn().getResponse());
        assertThat(form.selectFirst("textarea[name=legalBasis]").text()).as("never the lead's legal basis").isEmpty();
        assertThat(api(post("/api/v1/cases/" + reference + "/requests"), partner, supplementaryBody()).getStatus()).isEqualTo(201);

        FreezeRequest own = freezeCaseService.request(reference, 2, partner);
        assertThat(own.agency()).isEqualTo(FIU);
        assertThat(own.filedBy()).isEqualTo("agency2");
        assertThat(mvc.perform(get("/cases/" + reference + "/requests/1/amend").with(user(partner))).andReturn().getResponse()
                .getStatus()).as("the lead's request").isEqualTo(403);
        assertThat(mvc.perform(get("/cases/" + reference + "/closure").with(user(partner))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/cases/" + reference + "/partners/" + id + "/remove").with(user(partner)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        Document page = page(mvc.perform(get("/cases/" + reference).with(user(lead))).andReturn().getResponse());
        assertThat(page.select(".filing-agency").eachText()).containsExactly(lead.getAgency(), FIU);
        JsonNode document = json.readTree(api(get("/api/v1/cases/" + reference), lead, null).getContentAsString());
        assertThat(document.at("/requests/0/agency").asText()).isEqualTo(lead.getAgency());
        assertThat(document.at("/requests/1/agency").asText()).isEqualTo(FIU);
    }

    @Test
    void aRemovedPartnerAndOneThatLeftReadNothingAtOnce() throws Exception {
        invite(lead, FIU, "FILE");
        long id = jointCases.partners(reference, lead).get(0).id();
        accept(id, partner);
        assertThat(read(partner)).isEqualTo(200);

        assertThat(mvc.perform(post("/cases/" + reference + "/partners/" + id + "/remove").with(user(lead)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(read(partner)).isEqualTo(404);
        assertThat(api(get("/api/v1/cases/" + reference), partner, null).getStatus()).isEqualTo(404);
        assertThat(api(get("/api/v1/cases/" + reference + "/figures"), partner, null).getStatus()).isEqualTo(404);
        assertThat(freezeCaseService.visibleCases(partner)).extracting(FreezeCase::reference).doesNotContain(reference);

        assertThat(api(post("/api/v1/cases/" + reference + "/partners"), lead,
                "{\"agency\": \"" + FIU + "\", \"agreement\": \"MLAT again\", \"scope\": \"READ\"}").getStatus())
                .as("invited again after removal").isEqualTo(201);
        accept(id, partner);
        assertThat(mvc.perform(post("/cases/" + reference + "/partners/leave").with(user(partner)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(read(partner)).isEqualTo(404);
        assertThat(audit.forCase(reference)).extracting(AuditEvent::action)
                .containsSubsequence("PARTNER_INVITED", "PARTNER_ACCEPTED", "PARTNER_REMOVED", "PARTNER_INVITED", "PARTNER_ACCEPTED",
                        "PARTNER_LEFT");
    }

    @Test
    void theCounterpartyIsAskedByThePartnerWhichFollowsUpItsOwnRequestOnlyAndTheLeadEvery() throws Exception {
        CaseStory story = new CaseStory(context);
        story.approve(reference);
        invite(lead, FIU, "FILE");
        accept(jointCases.partners(reference, lead).get(0).id(), partner);
        assertThat(api(post("/api/v1/cases/" + reference + "/requests"), partner, supplementaryBody()).getStatus()).isEqualTo(201);
        story.approve(reference);
        long leads = tetherRequestOf(freezeCaseService.request(reference, 1, lead));
        long partners = tetherRequestOf(freezeCaseService.request(reference, 2, partner));

        assertThat(trust.of(partners).agencyName()).as("the counterparty is asked by the partner's agency").isEqualTo(FIU);
        assertThat(trust.of(partners).standing().jurisdiction()).isEqualTo("Singapore");
        assertThat(trust.of(leads).agencyName()).isEqualTo(lead.getAgency());

        assertThat(revoke(partner, leads)).as("the lead's counterparty request").isEqualTo(403);
        assertThat(revoke(partner, partners)).as("its own").isEqualTo(302);
        assertThat(revoke(lead, leads)).as("the lead's own").isEqualTo(302);
        assertThat(audit.forCase(reference)).filteredOn(e -> e.action().equals("LINK_REVOKED")).extracting(AuditEvent::actor)
                .containsExactlyInAnyOrder("agency2", "agency");
    }

    private long tetherRequestOf(FreezeRequest request) {
        long tether = new CaseStory(context).counterparty("Tether");
        return counterpartyRequests.forFreezeRequest(request.id()).stream().filter(cr -> cr.counterpartyId() == tether)
                .findFirst().orElseThrow().id();
    }

    private int revoke(StaffUser user, long counterpartyRequestId) throws Exception {
        return mvc.perform(post("/cases/" + reference + "/counterparty-requests/" + counterpartyRequestId + "/link/revoke")
                .with(user(user)).with(csrf())).andReturn().getResponse().getStatus();
    }

    @Test
    void sixteenConcurrentInvitationsOfOneAgencyMakeOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Callable<Boolean> call = () -> {
                    try {
                        jointCases.invite(reference, FIU, "MLAT 2026/17", PartnerScope.READ, lead);
                        return true;
                    } catch (PartnerRefusedException e) {
                        assertThat(e.conflict()).isTrue();
                        return false;
                    }
                };
                results.add(pool.submit(call));
            }
            int invited = 0;
            for (Future<Boolean> result : results) {
                invited += result.get() ? 1 : 0;
            }
            assertThat(invited).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jointCases.partners(reference, lead)).hasSize(1);
        assertThat(audit.forCase(reference)).filteredOn(e -> e.action().equals("PARTNER_INVITED")).hasSize(1);
    }

    @Test
    void theServiceRefusesTheRulesWhoeverCallsIt() {
        assertThatThrownBy(() -> jointCases.invite(reference, FIU, "MLAT", PartnerScope.READ, partner))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> jointCases.invite(reference, lead.getAgency(), "MLAT", PartnerScope.READ, lead))
                .isInstanceOf(PartnerRefusedException.class);
        assertThatThrownBy(() -> jointCases.leave(reference, lead)).as("the lead does not leave its own case")
                .isInstanceOf(CaseChangeRefusedException.class);
    }

    private String outsiderAgency() {
        return outsider.getAgency();
    }

    private MockHttpServletResponse invite(StaffUser user, String agency, String scope) throws Exception {
        return mvc.perform(post("/cases/" + reference + "/partners").with(user(user)).with(csrf())
                .param("agency", agency).param("agreement", "MLAT 2026/17").param("scope", scope)).andReturn().getResponse();
    }

    private void accept(long id, StaffUser user) throws Exception {
        MockHttpServletResponse accepted = mvc.perform(post("/invitations/" + id + "/accept").with(user(user)).with(csrf()))
                .andReturn().getResponse();
        assertThat(accepted.getStatus()).isEqualTo(302);
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/cases/" + reference);
    }

    private int read(StaffUser user) throws Exception {
        return mvc.perform(get("/cases/" + reference).with(user(user))).andReturn().getResponse().getStatus();
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request,
            StaffUser user, String body) throws Exception {
        request.with(user(user)).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The field the 400 answer names first. */
    private String error(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        return json.readTree(response.getContentAsString()).at("/errors/0/field").asText();
    }

    private static String supplementaryBody() {
        return """
                {"title": "t", "incidentSummary": "s", "legalBasis": "Singapore CDSA s. 47", "urgency": "URGENT",
                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "50", "txHashes": "", "note": ""}]}"""
                .formatted(NEW_ADDRESS);
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }
}
