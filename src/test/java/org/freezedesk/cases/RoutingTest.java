package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.RoutesClosedException;
import org.freezedesk.cases.internal.TargetRoute;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.directory.RouteReason;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TargetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/** Who is asked to freeze what: the issuer of a freezable token, the exchange holding an address, both, or nobody. */
@FreezeDeskTest
class RoutingTest {

    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired AttributionImportService attributions;
    @Autowired ReviewService reviewService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired AuditLog auditLog;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired StaffUserRepository users;
    @Autowired MockMvc mvc;

    private StaffUser agency;
    private long tether;
    private long binance;
    private String binanceDeposit;

    @BeforeEach
    void setUp() {
        agency = users.loadUserByUsername("agency");
        tether = counterparties.findByName("Tether").orElseThrow().id();
        binance = counterparties.findByName("Binance").orElseThrow().id();
        binanceDeposit = TargetFiles.ethAddresses(1, 314).get(0);
        String file = "chain,address,exchange,source,date\nETH," + binanceDeposit + ",binance,Chainalysis report 77,2026-01-15\n";
        assertThat(attributions.importCsv("routing.csv", file.getBytes(StandardCharsets.UTF_8), "admin").problems()).isEmpty();
    }

    @Test
    void tokenAnIssuerCanFreezeGoesToTheIssuer() {
        CaseView.RequestView request = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));

        assertThat(routes(request, 0)).containsExactly("Tether:ISSUER_TOKEN");
    }

    @Test
    void addressAttributedToAnExchangeGoesToTheExchange() {
        CaseView.RequestView request = file(Filings.target("ETH", "ETH", binanceDeposit.toUpperCase().replace("0X", "0x"), "3"));

        assertThat(routes(request, 0)).containsExactly("Binance:ATTRIBUTED_ADDRESS");
    }

    @Test
    void freezableTokenAtAnAttributedAddressGoesToBoth() {
        CaseView.RequestView request = file(Filings.target("ETH", "USDT", binanceDeposit, "250"));

        assertThat(routes(request, 0)).containsExactlyInAnyOrder("Tether:ISSUER_TOKEN", "Binance:ATTRIBUTED_ADDRESS");
        assertThat(cases.routedCounterpartyIds(request.request().id())).containsExactlyInAnyOrder(tether, binance);
        assertThat(request.groups()).extracting(TargetGroup::counterpartyName).containsExactly("Binance", "Tether");
    }

    @Test
    void targetNobodyHoldsStaysVisibleAsUnattributedWithItsAmountsSummed() {
        CaseView.RequestView request = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10.5"),
                Filings.target("ETH", "ETH", Filings.ETH_ADDRESS, "2"),
                Filings.target("BTC", "BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "all"),
                Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "0.5"));

        assertThat(routes(request, 1)).isEmpty();
        TargetGroup unattributed = request.groups().get(request.groups().size() - 1);
        assertThat(unattributed.unattributed()).isTrue();
        assertThat(unattributed.targets()).extracting(Target::lineNumber).containsExactly(2, 3);
        assertThat(request.groups().get(0).totals()).extracting(t -> t.asset() + " " + t.amountText()).containsExactly("USDT 11");
        List<AuditEvent> routed = auditLog.forCase(caseOf(request)).stream().filter(e -> e.action().equals("REQUEST_ROUTED")).toList();
        assertThat(routed.get(0).afterValue()).isEqualTo("counterparties=[" + tether + "]; unattributed targets=2");
    }

    @Test
    void filerOverridesARouteWithAReasonWhichIsRecordedAndUsedForTheFanOut() {
        CaseView.RequestView request = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        String reference = caseOf(request);

        freezeCaseService.overrideRoute(reference, 1, 1, Set.of(binance), "Funds already swept to a Binance deposit address", agency);

        List<TargetRoute> routes = freezeCaseService.routes(freezeCaseService.target(request.request(), 1));
        assertThat(routes).extracting(TargetRoute::counterpartyName, TargetRoute::reason, TargetRoute::overrideReason, TargetRoute::overriddenBy)
                .containsExactly(tuple("Binance", RouteReason.OVERRIDE,
                        "Funds already swept to a Binance deposit address", "agency"));
        AuditEvent event = auditLog.forCase(reference).stream().filter(e -> e.action().equals("ROUTE_OVERRIDDEN")).findFirst().orElseThrow();
        assertThat(event.beforeValue()).isEqualTo("line 1: Tether (ISSUER_TOKEN)");
        assertThat(event.afterValue()).isEqualTo("line 1: Binance (OVERRIDE); reason: Funds already swept to a Binance deposit address");

        DecisionForm approve = new DecisionForm();
        approve.setDecision(ReviewDecision.APPROVE);
        String task = taskService.createTaskQuery().processInstanceId(request.request().processInstanceId()).singleResult().getId();
        reviewService.decide(task, approve, users.loadUserByUsername("legal"));
        managementService.createJobQuery().processInstanceId(request.request().processInstanceId()).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.request().processInstanceId()).list())
                .extracting(p -> counterpartyRequests.find((Long) runtimeService.getVariable(p.getId(), "counterpartyRequestId"))
                        .counterpartyId())
                .containsExactly(binance);
        assertThatThrownBy(() -> freezeCaseService.overrideRoute(reference, 1, 1, Set.of(tether), "too late", agency))
                .isInstanceOf(RoutesClosedException.class);
    }

    @Test
    void overrideWithoutAReasonIsRefusedNextToTheField() throws Exception {
        String reference = caseOf(file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10")));

        Document page = Jsoup.parse(mvc.perform(post("/cases/" + reference + "/requests/1/targets/1/route")
                        .param("counterpartyIds", String.valueOf(binance)).param("reason", " ").with(user(agency)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#reason").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#reason + .invalid-feedback").text())
                .isEqualTo("Say why this target goes to other counterparties than routing chose");
        assertThat(page.selectFirst("input[value=" + binance + "]").hasAttr("checked")).isTrue();
        assertThat(routes(freezeCaseService.view(reference, agency).requests().get(0), 0)).containsExactly("Tether:ISSUER_TOKEN");
    }

    private CaseView.RequestView file(TargetRow... rows) {
        FilingForm form = Filings.form(rows);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        String reference = freezeCaseService.file(form, targets, agency);
        return freezeCaseService.view(reference, agency).requests().get(0);
    }

    private String caseOf(CaseView.RequestView request) {
        return cases.caseOfRequest(request.request().id()).reference();
    }

    private static List<String> routes(CaseView.RequestView request, int index) {
        return request.routesOf(request.targets().get(index)).stream().map(r -> r.counterpartyName() + ":" + r.reason()).toList();
    }
}
