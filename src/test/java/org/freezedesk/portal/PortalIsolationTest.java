package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * One freeze request routed to two counterparties, each opening its own e-mailed link: neither link reads or
 * changes the other's part, bad links open nothing, and GET never changes anything.
 */
@FreezeDeskTest
class PortalIsolationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;

    /** Each test from an address of its own: other tests' refused look-ups must not use up its allowance, nor its theirs. */
    private static final AtomicInteger clients = new AtomicInteger();
    private String client;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired ReviewService reviewService;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired AccessLinks accessLinks;
    @Autowired JdbcClient jdbc;

    /** What one counterparty got: its link, its counterparty request and its targets. */
    record Party(String name, String link, long counterpartyRequestId, List<Target> targets) {
    }

    private Party tether;
    private Party binance;
    private String reference;

    @BeforeEach
    void fileApproveAndNotify() throws Exception {
        client = "10.71.0." + clients.incrementAndGet();
        long tetherId = counterparties.findByName("Tether").orElseThrow().id();
        long binanceId = counterparties.findByName("Binance").orElseThrow().id();
        FilingForm form = Filings.form(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000000"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "12.5"));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        reference = freezeCaseService.file(form, targets, users.loadUserByUsername("agency"));

        ProcessInstance parent = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
        Task review = taskService.createTaskQuery().processInstanceId(parent.getId())
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult();
        DecisionForm decision = new DecisionForm();
        decision.setDecision(ReviewDecision.APPROVE);
        reviewService.decide(review.getId(), decision, users.loadUserByUsername("legal"));
        managementService.createJobQuery().processInstanceId(parent.getId()).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));

        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
        assertThat(children).hasSize(2);
        for (ProcessInstance child : children) {
            executeDueJobs(child);
        }

        MimeMessage[] messages = greenMail.getReceivedMessages();
        long requestId = cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0).id();
        tether = party("Tether", "tether.example.org", tetherId, requestId, children, messages);
        binance = party("Binance", "binance.example.org", binanceId, requestId, children, messages);
        assertThat(tether.link()).isNotEqualTo(binance.link());
    }

    @Test
    void eachLinkShowsOnlyItsOwnCounterpartysTargets() throws Exception {
        Document tetherPage = open(tether.link());
        assertThat(tetherPage.text()).contains(reference, "Tether", Filings.ETH_ADDRESS)
                .doesNotContain(Filings.BINANCE_BTC_ADDRESS, "Binance");
        assertThat(tetherPage.select("input[name$=\".targetId\"]")).extracting(Element::val)
                .containsExactly(String.valueOf(tether.targets().get(0).id()));

        Document binancePage = open(binance.link());
        assertThat(binancePage.text()).contains(reference, "Binance", Filings.BINANCE_BTC_ADDRESS)
                .doesNotContain(Filings.ETH_ADDRESS, "Tether");
        assertThat(binancePage.select("input[name$=\".targetId\"]")).extracting(Element::val)
                .containsExactly(String.valueOf(binance.targets().get(0).id()));
    }

    @Test
    void anOutcomeForAnotherCounterpartysTargetIsRefusedAndStoresNothing() throws Exception {
        MockHttpServletResponse acknowledged = perform(post(tether.link() + "/acknowledge").with(csrf())
                .param("name", "Jo Compliance").param("title", "MLRO")).andReturn().getResponse();
        assertThat(acknowledged.getStatus()).isEqualTo(302);
        int auditBefore = auditEvents();

        MockHttpServletResponse response = perform(post(tether.link() + "/responses").with(csrf())
                        .param("submittedBy", "Jo Compliance")
                        .param("outcomes[0].targetId", String.valueOf(binance.targets().get(0).id()))
                        .param("outcomes[0].outcome", "FROZEN")
                        .param("outcomes[0].frozenAmount", "12.5")
                        .param("outcomes[0].internalReference", "HIJACK-1"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.text()).contains("This target is not part of your request")
                .as("the refused page still shows nothing of the other counterparty")
                .doesNotContain(Filings.BINANCE_BTC_ADDRESS, "Binance");
        assertThat(responses(tether)).isZero();
        assertThat(responses(binance)).isZero();
        assertThat(outcomesFor(binance.targets().get(0))).isZero();
        assertThat(auditEvents()).isEqualTo(auditBefore);
        assertThat(state(binance)).isEqualTo("NOTIFIED");

        MockHttpServletResponse viaBinance = perform(post(binance.link() + "/responses").with(csrf())
                        .param("submittedBy", "Jo Compliance")
                        .param("outcomes[0].targetId", String.valueOf(tether.targets().get(0).id()))
                        .param("outcomes[0].outcome", "NO_FUNDS"))
                .andReturn().getResponse();
        assertThat(Jsoup.parse(viaBinance.getContentAsString()).text()).contains("This target is not part of your request");
        assertThat(responses(tether)).isZero();
        assertThat(responses(binance)).isZero();
    }

    @Test
    void wrongOrMalformedTokensOpenNothing() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String wrongToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        assertThat(wrongToken).hasSize(43);
        String otherTokenOfRightLength = tether.link().substring("/portal/".length(), "/portal/".length() + 42) + "A";
        if (("/portal/" + otherTokenOfRightLength).equals(tether.link())) {
            otherTokenOfRightLength = otherTokenOfRightLength.substring(0, 42) + "B";
        }

        for (String token : List.of(wrongToken, otherTokenOfRightLength, "abc", "not-a-token", "x".repeat(44),
                tether.link().substring("/portal/".length()).toUpperCase() + "=")) {
            MockHttpServletResponse response = perform(get("/portal/" + token)).andReturn().getResponse();
            assertThat(response.getStatus()).as(token).isEqualTo(404);
            assertThat(Jsoup.parse(response.getContentAsString()).text()).as(token).contains("This link is not valid")
                    .doesNotContain(Filings.ETH_ADDRESS, Filings.BINANCE_BTC_ADDRESS, reference);
            assertThat(response.getHeader("Referrer-Policy")).as(token).isEqualTo("no-referrer");
            assertThat(response.getHeader("Cache-Control")).as(token).isEqualTo("no-store");

            MockHttpServletResponse ack = perform(post("/portal/" + token + "/acknowledge").with(csrf())
                    .param("name", "Mallory").param("title", "Intruder")).andReturn().getResponse();
            assertThat(ack.getStatus()).as("POST " + token).isEqualTo(404);
            assertThat(Jsoup.parse(ack.getContentAsString()).text()).contains("This link is not valid");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM counterparty_request WHERE id IN (?, ?) AND acknowledged_at IS NULL")
                .params(tether.counterpartyRequestId(), binance.counterpartyRequestId()).query(Integer.class).single())
                .as("neither counterparty request was acknowledged").isEqualTo(2);
    }

    @Test
    void openingThePortalChangesNothingAndKeepsTheLinkPrivate() throws Exception {
        Map<String, Object> rowBefore = row(tether);
        int auditBefore = auditEvents();

        MockHttpServletResponse response = perform(get(tether.link())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(row(tether)).isEqualTo(rowBefore);
        assertThat(auditEvents()).isEqualTo(auditBefore);
        assertThat(responses(tether)).isZero();

        MockHttpServletResponse refusedPost = perform(post(tether.link() + "/responses").with(csrf())
                .param("submittedBy", "")).andReturn().getResponse();
        assertThat(refusedPost.getHeader("Referrer-Policy")).as("also on a re-rendered form").isEqualTo("no-referrer");
        assertThat(refusedPost.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void everyChangeNeedsTheCsrfToken() throws Exception {
        Map<String, Object> rowBefore = row(tether);
        int auditBefore = auditEvents();

        assertThat(perform(post(tether.link() + "/acknowledge").param("name", "Jo").param("title", "MLRO"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(post(tether.link() + "/responses").param("submittedBy", "Jo")
                        .param("outcomes[0].targetId", String.valueOf(tether.targets().get(0).id()))
                        .param("outcomes[0].outcome", "NO_FUNDS"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        assertThat(row(tether)).isEqualTo(rowBefore);
        assertThat(responses(tether)).isZero();
        assertThat(auditEvents()).isEqualTo(auditBefore);
    }

    /** A JdbcClient stream left open once held a pooled connection per page view; the pool has 10. */
    @Test
    void thePortalPageCanBeOpenedManyTimesInARow() throws Exception {
        for (int i = 1; i <= 15; i++) {
            assertThat(perform(get(tether.link())).andReturn().getResponse().getStatus()).as("view " + i).isEqualTo(200);
        }
    }

    @Test
    void aNewlyIssuedLinkReplacesTheOldOne() throws Exception {
        String newLink = accessLinks.issue(tether.counterpartyRequestId());
        String newPath = newLink.substring(newLink.indexOf("/portal/"));
        assertThat(newPath).isNotEqualTo(tether.link());

        MockHttpServletResponse old = perform(get(tether.link())).andReturn().getResponse();
        assertThat(old.getStatus()).as("a replaced link offers to mail a fresh one").isEqualTo(410);
        assertThat(Jsoup.parse(old.getContentAsString()).text()).doesNotContain(Filings.ETH_ADDRESS);
        assertThat(perform(post(tether.link() + "/acknowledge").with(csrf()).param("name", "Jo").param("title", "MLRO"))
                .andReturn().getResponse().getStatus()).isEqualTo(410);

        assertThat(open(newPath).text()).contains(Filings.ETH_ADDRESS);
        assertThat(open(binance.link()).text()).as("the other counterparty's link is untouched").contains(Filings.BINANCE_BTC_ADDRESS);
    }

    private Party party(String name, String domain, long counterpartyId, long requestId, List<ProcessInstance> children,
            MimeMessage[] messages) throws Exception {
        List<String> links = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            List<String> domains = java.util.Arrays.stream(message.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress().replaceFirst("^.*@", "")).distinct().toList();
            assertThat(domains).as("one message never goes to two counterparties").hasSize(1);
            if (domains.get(0).equals(domain)) {
                links.add(TestMail.portalPath(message));
            }
        }
        assertThat(links).as("mails to " + domain).isNotEmpty().allMatch(links.get(0)::equals);
        long counterpartyRequestId = children.stream()
                .map(c -> (Long) runtimeService.getVariable(c.getId(), CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID))
                .filter(id -> jdbc.sql("SELECT counterparty_id FROM counterparty_request WHERE id = ?").param(id)
                        .query(Long.class).single() == counterpartyId)
                .findFirst().orElseThrow();
        List<Target> targets = cases.targetsRoutedTo(requestId, counterpartyId);
        assertThat(targets).hasSize(1);
        return new Party(name, links.get(0), counterpartyRequestId, targets);
    }

    private void executeDueJobs(ProcessInstance instance) {
        boolean ran;
        do {
            ran = false;
            for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                managementService.executeJob(job.getId());
                ran = true;
            }
        } while (ran);
    }

    private Document open(String path) throws Exception {
        MockHttpServletResponse response = perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET " + path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private Map<String, Object> row(Party party) {
        return jdbc.sql("SELECT * FROM counterparty_request WHERE id = ?").param(party.counterpartyRequestId()).query().singleRow();
    }

    private int responses(Party party) {
        return jdbc.sql("SELECT COUNT(*) FROM counterparty_response WHERE counterparty_request_id = ?")
                .param(party.counterpartyRequestId()).query(Integer.class).single();
    }

    private int outcomesFor(Target target) {
        return jdbc.sql("SELECT COUNT(*) FROM target_outcome WHERE target_id = ?").param(target.id()).query(Integer.class).single();
    }

    private String state(Party party) {
        return jdbc.sql("SELECT state FROM counterparty_request WHERE id = ?").param(party.counterpartyRequestId())
                .query(String.class).single();
    }

    private int auditEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Integer.class).single();
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(client);
            return r;
        }));
    }
}
