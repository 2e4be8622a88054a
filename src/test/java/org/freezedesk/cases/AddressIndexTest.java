package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TargetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The address index as agencies meet it: a target already in another agency's case is reported with that agency and
 * the target's state only; an undiscoverable case (by its setting, covert, or with a do-not-notify request) is never
 * reported and leaves the answer byte for byte as if nobody held the address; asks to join reach the case's agency.
 */
@FreezeDeskTest
class AddressIndexTest {

    private static final String NCU = "National Cyber Crime Unit";
    private static final String SECRET_TITLE = "Operation Nightjar 7731";
    private static final String SECRET_AMOUNT = "987654.321";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired ReviewService reviews;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An EVM address no other test files, in lower case: the index must compare it as the validator normalizes it. */
    static String freshAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private String fileAs(String username, String address, boolean doNotNotify) {
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", address, SECRET_AMOUNT));
        form.setTitle(SECRET_TITLE);
        if (doNotNotify) {
            form.setDoNotNotify(true);
            form.setDoNotNotifyBasis("Court order forbids tipping off");
            form.setDoNotNotifyUntil(LocalDate.now().plusMonths(3));
        }
        List<NewTarget> targets = filingValidator.validateTargets(form, new BeanPropertyBindingResult(form, "form"));
        StaffUser filer = users.loadUserByUsername(username);
        return CaseStory.as(filer, () -> freezeCaseService.file(form, targets, filer));
    }

    private MockHttpServletResponse check(String username, String address) throws Exception {
        return mvc.perform(post("/api/v1/address-index/check").with(Keys.bearerOf(context, username))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"addresses\": [{\"chain\": \"ETH\", \"address\": \"" + address + "\"}]}")).andReturn().getResponse();
    }

    @Test
    void aTargetInAnotherAgencysCaseIsReportedWithThatAgencyAndTheStateOnly() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);

        MockHttpServletResponse response = check("agency2", address);

        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        JsonNode matches = json.readTree(body).get("crossCaseMatches");
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).get("agency").asText()).isEqualTo(NCU);
        assertThat(matches.get(0).get("state").asText()).isEqualTo("REQUESTED");
        assertThat(matches.get(0).get("caip10").asText()).isEqualToIgnoringCase("eip155:1:" + address);
        assertThat(matches.get(0).get("matchHandle").asText()).hasSize(32);
        assertThat(body).doesNotContain(reference, SECRET_TITLE, SECRET_AMOUNT, "987654", "Tether", "Proceeds of Crime");
        assertThat(json.readTree(body).fieldNames()).toIterable().containsExactly("checked", "crossCaseMatches");
        assertThat(matches.get(0).fieldNames()).toIterable()
                .containsExactly("chain", "address", "caip10", "agency", "state", "matchHandle");

        assertThat(json.readTree(check("agency", address).getContentAsString()).get("crossCaseMatches"))
                .as("the filer's own agency's cases are its own, not matches").isEmpty();
    }

    @Test
    void filingOverTheApiAnswersWithTheCrossCaseMatches() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);
        String filing = """
                {"title": "Our side of it", "incidentSummary": "Same theft, our victims", "legalBasis": "Our statute",
                 "urgency": "URGENT", "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "5"}]}"""
                .formatted(address);

        MockHttpServletResponse filed = mvc.perform(post("/api/v1/cases").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content(filing)).andReturn().getResponse();

        assertThat(filed.getStatus()).isEqualTo(201);
        JsonNode document = json.readTree(filed.getContentAsString());
        assertThat(document.get("title").asText()).isEqualTo("Our side of it");
        assertThat(document.get("crossCaseMatches")).hasSize(1);
        assertThat(document.get("crossCaseMatches").get(0).get("agency").asText()).isEqualTo(NCU);
        assertThat(filed.getContentAsString()).doesNotContain(reference, SECRET_TITLE, SECRET_AMOUNT);
    }

    @Test
    void aFrozenTargetIsReportedAsFrozen() throws Exception {
        String address = freshAddress();
        CaseStory story = new CaseStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", address, "1000"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "1000");

        JsonNode matches = json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches");

        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).get("state").asText()).isEqualTo("FROZEN");
    }

    @Test
    void aWithdrawnRequestReadsReleasedAndARejectedOneIsNotATarget() throws Exception {
        String withdrawn = freshAddress();
        String rejected = freshAddress();
        String withdrawnCase = fileAs("agency", withdrawn, false);
        String rejectedCase = fileAs("agency", rejected, false);
        setState(withdrawnCase, "WITHDRAWN");
        setState(rejectedCase, "REJECTED");

        assertThat(json.readTree(check("agency2", withdrawn).getContentAsString()).at("/crossCaseMatches/0/state").asText())
                .isEqualTo("RELEASED");
        assertThat(json.readTree(check("agency2", rejected).getContentAsString()).get("crossCaseMatches")).isEmpty();
    }

    private void setState(String reference, String state) {
        jdbc.sql("UPDATE freeze_request SET state = ? WHERE case_id = (SELECT id FROM freeze_case WHERE reference = ?)")
                .params(state, reference).update();
    }

    @Test
    void theFilersCasePageShowsItsTargetsOtherAgenciesTargetToo() throws Exception {
        String address = freshAddress();
        String theirs = fileAs("agency", address, false);
        String ours = fileAs("agency2", address, false);

        Document page = page("/cases/" + ours, users.loadUserByUsername("agency2"));

        assertThat(page.select("#address-index #cross-case-matches .match-agency").eachText()).containsExactly(NCU);
        assertThat(page.select("#address-index").text()).doesNotContain(theirs, SECRET_AMOUNT, "987,654.321");
        assertThat(page.select("#discovery input[type=checkbox]")).hasSize(2);
        assertThat(page("/cases/" + theirs, users.loadUserByUsername("agency")).select("#address-index #cross-case-matches .match-agency")
                .eachText()).containsExactly("Financial Intelligence Unit");
    }

    @Test
    void anUndiscoverableCaseIsNeverReportedAndTheAnswerIsByteIdenticalToNobodyHoldingTheAddress() throws Exception {
        String nobodys = freshAddress();
        String expected = check("agency2", nobodys).getContentAsString();
        assertThat(expected).isEqualTo("{\"checked\":1,\"crossCaseMatches\":[]}");

        String bySetting = freshAddress();
        String reference = fileAs("agency", bySetting, false);
        assertThat(json.readTree(check("agency2", bySetting).getContentAsString()).get("crossCaseMatches")).hasSize(1);
        mvc.perform(post("/cases/" + reference + "/discovery").param("undiscoverable", "true").with(csrf())
                .with(user(users.loadUserByUsername("agency"))));
        assertThat(check("agency2", bySetting).getContentAsString()).isEqualTo(expected);
        assertThat(audit.forCase(reference)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CASE_DISCOVERY_SET");
            assertThat(e.afterValue()).contains("undiscoverable: true");
        });

        String covert = freshAddress();
        String covertCase = fileAs("agency", covert, false);
        mvc.perform(post("/cases/" + covertCase + "/discovery").param("covert", "true").with(csrf())
                .with(user(users.loadUserByUsername("agency"))));
        assertThat(check("agency2", covert).getContentAsString()).isEqualTo(expected);

        String doNotNotify = freshAddress();
        fileAs("agency", doNotNotify, true);
        assertThat(check("agency2", doNotNotify).getContentAsString()).isEqualTo(expected);
    }

    @Test
    void onlyTheCasesAgencyMarksItUndiscoverable() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);

        int status = mvc.perform(post("/cases/" + reference + "/discovery").param("undiscoverable", "true").with(csrf())
                .with(user(users.loadUserByUsername("agency2")))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches")).hasSize(1);
    }

    @Test
    void onlyAgencyUsersAndAgencyScopedKeysCheck() throws Exception {
        String body = "{\"addresses\": [{\"chain\": \"ETH\", \"address\": \"" + freshAddress() + "\"}]}";
        for (String key : List.of(Keys.of(context, "legal"), Keys.of(context, "auditor"), Keys.of(context, "chief", Set.of(Role.LEGAL)))) {
            int status = mvc.perform(post("/api/v1/address-index/check").with(Keys.bearer(key)).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(403);
        }
        int scoped = mvc.perform(post("/api/v1/address-index/check").with(Keys.bearer(Keys.of(context, "chief", Set.of(Role.AGENCY))))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
        assertThat(scoped).isEqualTo(200);
    }

    @Test
    void aCheckIsBoundedAndNamesTheWrongAddress() throws Exception {
        StringBuilder many = new StringBuilder("{\"addresses\": [");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"chain\": \"ETH\", \"address\": \"").append(freshAddress()).append("\"}");
        }
        MockHttpServletResponse tooMany = mvc.perform(post("/api/v1/address-index/check").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content(many.append("]}").toString())).andReturn().getResponse();
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getContentAsString()).contains("\"field\":\"addresses\"");

        MockHttpServletResponse wrong = mvc.perform(post("/api/v1/address-index/check").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"addresses\": [{\"caip10\": \"eip155:1:0x1234\"}]}"))
                .andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString()).contains("addresses[0]");
    }

    @Test
    void anAskReachesTheCasesAgencyOnceWhichInvitesOrDeclinesAndTheAskerSeesItsState() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);
        JsonNode match = json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches").get(0);
        String ask = "{\"chain\": \"ETH\", \"address\": \"" + address + "\", \"matchHandle\": \"" + match.get("matchHandle").asText()
                + "\", \"reason\": \"We traced the same Lazarus peel chain\"}";

        MockHttpServletResponse first = mvc.perform(post("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content(ask)).andReturn().getResponse();
        MockHttpServletResponse again = mvc.perform(post("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content(ask)).andReturn().getResponse();
        MockHttpServletResponse forged = mvc.perform(post("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content(ask.replace(match.get("matchHandle").asText(), "0".repeat(32))))
                .andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(first.getContentAsString()).doesNotContain(reference).contains("\"state\":\"OPEN\"");
        assertThat(audit.forCase(reference)).anySatisfy(e -> assertThat(e.action()).isEqualTo("JOIN_ASKED"));

        Document casePage = Jsoup.parse(mvc.perform(get("/cases/" + reference).with(user(users.loadUserByUsername("agency"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(casePage.select("#join-asks td").text()).contains("Financial Intelligence Unit", "We traced the same Lazarus peel chain");
        assertThat(casePage.select("#join-asks a").attr("href"))
                .isEqualTo("/cases/" + reference + "/partners/new?agency=Financial%20Intelligence%20Unit");
        long askId = json.readTree(first.getContentAsString()).get("id").asLong();

        int stranger = mvc.perform(post("/cases/" + reference + "/join-asks/" + askId + "/decline").with(csrf())
                .with(user(users.loadUserByUsername("agency2")))).andReturn().getResponse().getStatus();
        assertThat(stranger).isEqualTo(404);
        mvc.perform(post("/cases/" + reference + "/join-asks/" + askId + "/decline").with(csrf())
                .with(user(users.loadUserByUsername("agency"))));

        String mine = mvc.perform(get("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency2"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("\"id\":" + askId).doesNotContain(reference);
        assertThat(json.readTree(mine).findValues("id").stream().filter(id -> id.asLong() == askId).count()).isEqualTo(1);
        Document myAsks = Jsoup.parse(mvc.perform(get("/address-index/asks").with(user(users.loadUserByUsername("agency2"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(myAsks.select("#ask-" + askId + " .ask-state").text()).isEqualTo("declined");
        assertThat(myAsks.text()).doesNotContain(reference);

        String others = mvc.perform(get("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(json.readTree(others).findValues("id")).as("the case's agency reads them on its case page, not as its own")
                .noneMatch(id -> id.asLong() == askId);
        String auditors = mvc.perform(get("/api/v1/address-index/asks").with(Keys.bearerOf(context, "auditor"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(auditors).contains(reference);
    }

    @Test
    void anInvitationAnswersTheAskAndAnInvitedOrPartnerAgencyIsNoLongerShownTheCaseAsAMatch() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);
        JsonNode match = json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches").get(0);
        MockHttpServletResponse asked = mvc.perform(post("/api/v1/address-index/asks").with(Keys.bearerOf(context, "agency2"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"chain\": \"ETH\", \"address\": \"" + address
                        + "\", \"matchHandle\": \"" + match.get("matchHandle").asText() + "\", \"reason\": \"Our own trace reached these wallets\"}"))
                .andReturn().getResponse();
        long askId = json.readTree(asked.getContentAsString()).get("id").asLong();

        assertThat(mvc.perform(post("/api/v1/cases/" + reference + "/partners").with(Keys.bearerOf(context, "agency"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"agency\": \"Financial Intelligence Unit\", \"agreement\": \"MLAT 2026/17\", \"scope\": \"READ\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);

        Document myAsks = Jsoup.parse(mvc.perform(get("/address-index/asks").with(user(users.loadUserByUsername("agency2"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(myAsks.select("#ask-" + askId + " .ask-state").text()).isEqualTo("invited: see your invitations");
        Document casePage = Jsoup.parse(mvc.perform(get("/cases/" + reference).with(user(users.loadUserByUsername("agency"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(casePage.select("#join-asks a")).as("no Invite button for an ask already answered").isEmpty();
        assertThat(audit.forCase(reference)).anySatisfy(e -> assertThat(e.action()).isEqualTo("JOIN_ASK_INVITED"));
        assertThat(json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches"))
                .as("the invited agency is not sent to ask again").isEmpty();
    }

    @Test
    void theFilingFormShowsTheMatchAndKeepsWhatWasTyped() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);

        Document page = Jsoup.parse(mvc.perform(post("/cases").with(csrf()).with(user(users.loadUserByUsername("agency2")))
                .param("title", "Our own view of it").param("addRow", "1")
                .param("targets[0].chain", "ETH").param("targets[0].asset", "USDT")
                .param("targets[0].address", address).param("targets[0].amount", "12.5"))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#cross-case-matches .match-agency").text()).isEqualTo(NCU);
        assertThat(page.select("#cross-case-matches .match-state").text()).isEqualTo("requested");
        assertThat(page.select("#cross-case-matches a").attr("href")).startsWith("/address-index/asks/new?chain=ETH&address=");
        assertThat(page.selectFirst("input[name='targets[0].address']").val()).isEqualTo(address);
        assertThat(page.selectFirst("input[name='targets[0].amount']").val()).isEqualTo("12.5");
        assertThat(page.selectFirst("input[name=title]").val()).isEqualTo("Our own view of it");
        assertThat(page.text()).doesNotContain(reference, SECRET_TITLE);
    }

    @Test
    void pastedLinesShowTheMatchOnTheirPreviewAndOnTheFormTheyAreAttachedTo() throws Exception {
        String address = freshAddress();
        String reference = fileAs("agency", address, false);
        StaffUser asker = users.loadUserByUsername("agency2");
        String pasted = String.join("\n", TargetFiles.HEADER, "ETH,USDT," + address + ",3,,pasted", "ETH,USDT," + freshAddress() + ",4,,");

        String preview = mvc.perform(multipart("/cases/imports").param("pastedLines", pasted).param("title", "Pasted by the FIU")
                .param("urgency", "URGENT").with(user(asker)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/cases/imports/");
        await().atMost(Duration.ofSeconds(30)).until(() -> page(preview, asker).selectFirst("#progress") == null);

        Document checked = page(preview, asker);
        assertThat(checked.select("#cross-case-matches .match-agency").eachText()).containsExactly(NCU);
        assertThat(checked.select("#cross-case-matches td").text().toLowerCase()).contains(address);
        assertThat(checked.text()).doesNotContain(reference);
        Document form = page("/cases/new?import=" + preview.substring(preview.lastIndexOf('/') + 1), asker);
        assertThat(form.select("#cross-case-matches .match-state").eachText()).containsExactly("requested");
        assertThat(form.selectFirst("input[name=title]").val()).isEqualTo("Pasted by the FIU");
    }

    @Test
    void theAmendmentFormShowsTheMatchOfTheReturnedRequestsTargets() throws Exception {
        String address = freshAddress();
        fileAs("agency", address, false);
        String returned = fileAs("agency2", address, false);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(returned).taskDefinitionKey("legalReview").singleResult().getId();
        DecisionForm decision = new DecisionForm();
        decision.setDecision(ReviewDecision.RETURN);
        decision.setComment("Name the exchange");
        StaffUser legal = users.loadUserByUsername("legal");
        CaseStory.as(legal, () -> {
            reviews.decide(taskId, decision, legal);
            return null;
        });

        Document form = page("/cases/" + returned + "/requests/1/amend", users.loadUserByUsername("agency2"));

        assertThat(form.select("#cross-case-matches .match-agency").eachText()).containsExactly(NCU);
        assertThat(form.selectFirst("input[name='targets[0].address']").val()).isEqualToIgnoringCase(address);
    }

    private Document page(String path, StaffUser viewer) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(viewer))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theAskFormRefusesAMissingReasonKeepingWhatWasTyped() throws Exception {
        String address = freshAddress();
        fileAs("agency", address, false);
        String handle = json.readTree(check("agency2", address).getContentAsString()).get("crossCaseMatches").get(0)
                .get("matchHandle").asText();
        StaffUser asker = users.loadUserByUsername("agency2");

        Document refused = Jsoup.parse(mvc.perform(post("/address-index/asks").with(csrf()).with(user(asker))
                .param("chain", "ETH").param("address", address).param("match", handle).param("reason", " "))
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#reason-error").text()).isEqualTo("Say why your agency should join");
        assertThat(refused.selectFirst("input[name=address]").val()).isEqualTo(address);
        assertThat(refused.selectFirst("input[name=match]").val()).isEqualTo(handle);

        MockHttpServletResponse sent = mvc.perform(post("/address-index/asks").with(csrf()).with(user(asker))
                .param("chain", "ETH").param("address", address).param("match", handle).param("reason", "Same wallets"))
                .andReturn().getResponse();
        assertThat(sent.getRedirectedUrl()).isEqualTo("/address-index/asks");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM join_ask WHERE asking_agency = 'Financial Intelligence Unit' AND reason = 'Same wallets'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
