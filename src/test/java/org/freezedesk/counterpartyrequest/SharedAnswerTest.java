package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.freezedesk.auditing.internal.CaseReport;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.CounterpartyRequestSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A counterparty answers a target once: the answer it gives through one request of a case counts for each other open
 * request of that case to it that asks for the same target, and for nothing else.
 */
@FreezeDeskTest
@RecordApplicationEvents
class SharedAnswerTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired ApplicationContext context;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;
    @Autowired ObjectMapper json;
    @Autowired CaseReport caseReport;

    @Test
    void anAnswerThroughTheFirstRequestCountsForTheSecondThatAsksForTheSameTarget() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");

        TargetOutcome shared = counterpartyRequests.latestOutcomes(story.second.id()).get(story.sharedInSecond.id());
        assertThat(shared.outcome()).isEqualTo(Outcome.FROZEN);
        assertThat(shared.frozenAmount()).isEqualByComparingTo("10");
        assertThat(shared.answeredThrough()).isEqualTo(story.reference + "/1");
        assertThat(counterpartyRequests.latestOutcomes(story.first.id()).get(story.sharedInFirst.id()).answeredThrough())
                .as("given through the first request itself").isNull();
        assertThat(counterpartyRequests.find(story.second.id()).state()).isEqualTo(CounterpartyRequestState.RESPONDED);
        assertThat(summaries(story)).as("each request counts the answer once, for its own target")
                .extracting(CounterpartyRequestSummary::answeredCount).containsExactly(1, 1);
        assertThat(counterpartyRequests.frozenPerAsset(story.freezeCase(story.reference).id()).get("USDT"))
                .as("the case froze 10 USDT at one address, whichever requests asked for it").isEqualByComparingTo("10");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_event WHERE case_reference = ? AND action = 'RESPONDED' AND after_value LIKE ?""")
                .params(story.reference, "%answered through request " + story.reference + "/1").query(Long.class).single())
                .as("audited on the second request, naming where the answer came from").isEqualTo(1);
        assertThat(events.stream(CounterpartyResponded.class).filter(e -> e.counterpartyRequestId() == story.second.id()))
                .singleElement().satisfies(e -> assertThat(e.targets()).extracting(CounterpartyResponded.TargetAnswer::targetId)
                        .containsExactly(story.sharedInSecond.id()));
        try (PDDocument report = Loader.loadPDF(caseReport.pdf(story.reference, story.staff("auditor")))) {
            assertThat(new PDFTextStripper().getText(report).replaceAll("\\s+", " ").replace("- ", "-"))
                    .as("the auditor's report says where it came from (a table cell may break the reference after its hyphen)")
                    .contains("answered through request " + story.reference + "/1");
        }
    }

    @Test
    void anAnswerForATargetOnlyTheFirstAsksForLeavesTheSecondAlone() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.first, story.onlyInFirst, Outcome.NO_FUNDS, null);

        assertThat(counterpartyRequests.history(story.second.id())).isEmpty();
        assertThat(counterpartyRequests.find(story.second.id()).state()).isEqualTo(CounterpartyRequestState.NOTIFIED);
        assertThat(counterpartyRequests.history(story.okx.id())).as("another counterparty's request").isEmpty();
    }

    @Test
    void eachRequestCompletesOnceEveryOneOfItsTargetsIsAnswered() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");
        story.answer(story.first, story.onlyInFirst, Outcome.NO_FUNDS, null);
        assertThat(counterpartyRequests.find(story.first.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
        assertThat(counterpartyRequests.find(story.second.id()).state()).as("its OKX address is not answered yet")
                .isEqualTo(CounterpartyRequestState.RESPONDED);

        story.answer(story.second, story.onlyInSecond, Outcome.NOT_OUR_CUSTOMER, null);
        assertThat(counterpartyRequests.find(story.second.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
    }

    @Test
    void aReplayedAnswerIsRecordedOnceOnTheOtherRequestAndANewOneAgain() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");
        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10.0");
        assertThat(counterpartyRequests.history(story.second.id())).hasSize(1);

        story.answer(story.first, story.sharedInFirst, Outcome.PARTIALLY_FROZEN, "4");
        assertThat(counterpartyRequests.history(story.second.id())).hasSize(2);
        assertThat(counterpartyRequests.latestOutcomes(story.second.id()).get(story.sharedInSecond.id()).outcome())
                .isEqualTo(Outcome.PARTIALLY_FROZEN);
    }

    @Test
    void anAnswerThroughTheSecondRequestCountsForTheFirstToo() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.second, story.sharedInSecond, Outcome.FUNDS_MOVED, null);

        assertThat(counterpartyRequests.latestOutcomes(story.first.id()).get(story.sharedInFirst.id()).answeredThrough())
                .isEqualTo(story.reference + "/2");
    }

    @Test
    void aRequestThatAskedForLessHasAllItAskedForFrozenAndNoMore() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        story.answer(story.second, story.sharedInSecond, Outcome.FROZEN, "12");

        TargetOutcome inFirst = counterpartyRequests.latestOutcomes(story.first.id()).get(story.sharedInFirst.id());
        assertThat(inFirst.outcome()).isEqualTo(Outcome.FROZEN);
        assertThat(inFirst.frozenAmount()).as("the first request asked for 10").isEqualByComparingTo("10");

        story.answer(story.first, story.sharedInFirst, Outcome.PARTIALLY_FROZEN, "4");
        TargetOutcome inSecond = counterpartyRequests.latestOutcomes(story.second.id()).get(story.sharedInSecond.id());
        assertThat(inSecond.outcome()).isEqualTo(Outcome.PARTIALLY_FROZEN);
        assertThat(inSecond.frozenAmount()).isEqualByComparingTo("4");
    }

    @Test
    void aWithdrawnSecondRequestIsNotTouched() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        counterpartyRequests.withdraw(story.second.id());

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");

        assertThat(counterpartyRequests.history(story.second.id())).isEmpty();
    }

    @Test
    void aSecondRequestThatForbidsTellingTheCustomerIsNotTouched() {
        TwoRequestsToTether story = new TwoRequestsToTether(context, true);

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");

        assertThat(counterpartyRequests.history(story.second.id())).isEmpty();
    }

    @Test
    void theSecondRequestsMailNamesTheFirst() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        List<MimeMessage> mails = ApprovedRequests.mails(greenMail.getReceivedMessages(), story.reference, "Tether");
        assertThat(plainText(mails.get(0))).as("the first request's mail, sent when it was alone").doesNotContain("also has request");
        assertThat(plainText(mails.get(mails.size() - 1))).contains("This mail is about request " + story.reference + "/2.")
                .contains("This case also has request " + story.reference + "/1 to you, from " + story.freezeCase(story.reference).agency()
                        + "; it asks for 1 of the same address(es), and your answer for one of them counts for both.");
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Test
    void thePageSaysBeforeSubmittingWhichOtherRequestAnAnswerAlsoCountsFor() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String client = "10.88.0." + ADDRESSES.incrementAndGet();

        Document first = page(story.token(story.first), client);
        assertThat(first.select("#other-requests li").text()).contains("Request " + story.reference + "/2 from")
                .contains("it also asks for target 1 of this request");
        assertThat(first.select(".also-counts").eachText())
                .containsExactly("Your answer also counts for request " + story.reference + "/2 (target 1).");

        story.answer(story.first, story.sharedInFirst, Outcome.FROZEN, "10");
        Document second = page(story.token(story.second), client);
        assertThat(second.select(".answered-through").eachText())
                .containsExactly("The answer in force was given through request " + story.reference + "/1.");
        assertThat(second.select("#history h3").text()).contains("answered through request " + story.reference + "/1");
        assertThat(second.select("#outcomes0\\.outcome option[selected]").attr("value")).isEqualTo("FROZEN");
    }

    @Test
    void aCounterpartysKeyReadsTheSameListOfOtherRequests() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String okxKey = Keys.ofCounterparty(context, story.counterparty("OKX"));
        String tetherKey = Keys.ofCounterparty(context, story.counterparty("Tether"));

        JsonNode second = json.readTree(mvc.perform(get("/api/v1/counterparty/requests/" + story.second.id()).with(Keys.bearer(tetherKey)))
                .andReturn().getResponse().getContentAsString());
        JsonNode okx = json.readTree(mvc.perform(get("/api/v1/counterparty/requests/" + story.okx.id()).with(Keys.bearer(okxKey)))
                .andReturn().getResponse().getContentAsString());

        assertThat(second.get("otherRequests")).singleElement().satisfies(other -> {
            assertThat(other.get("id").asLong()).isEqualTo(story.first.id());
            assertThat(other.get("reference").asText()).isEqualTo(story.reference + "/1");
            assertThat(other.get("sharedTargets")).extracting(t -> t.get("targetId").asLong()).containsExactly(story.sharedInSecond.id());
        });
        assertThat(okx.get("otherRequests")).as("OKX has no other request in the case").isEmpty();
    }

    @Test
    void anOwnAnswerGivenLaterStandsAndTheSameAnswerIsNotRecordedAgain() {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T06:00:00Z");
        NewOutcome frozen = new NewOutcome(1, Outcome.FROZEN, new BigDecimal("10"), "INT-7", null, null, null, null);

        assertThat(CounterpartyRequestService.takes(null, frozen, at)).isTrue();
        assertThat(CounterpartyRequestService.takes(inForce(Outcome.NO_FUNDS, null, at.plusSeconds(1), null), frozen, at))
                .as("a newer answer given through that request itself").isFalse();
        assertThat(CounterpartyRequestService.takes(inForce(Outcome.NO_FUNDS, null, at.plusSeconds(1), "FRZ-2026-000001/3"), frozen, at))
                .as("a newer answer given through a third request").isTrue();
        assertThat(CounterpartyRequestService.takes(inForce(Outcome.NO_FUNDS, null, at.minusSeconds(1), null), frozen, at)).isTrue();
        assertThat(CounterpartyRequestService.takes(inForce(Outcome.FROZEN, "10.000", at.minusSeconds(1), null), frozen, at))
                .as("the same answer").isFalse();
    }

    private static TargetOutcome inForce(Outcome outcome, String frozen, OffsetDateTime submittedAt, String through) {
        return new TargetOutcome(1, 1, outcome, frozen == null ? null : new BigDecimal(frozen), "INT-7", null, null, null, null,
                submittedAt, "Jo", through);
    }

    private List<CounterpartyRequestSummary> summaries(TwoRequestsToTether story) {
        return counterpartyRequests.summariesForCase(story.freezeCase(story.reference).id()).stream()
                .filter(s -> s.id() == story.first.id() || s.id() == story.second.id()).toList();
    }

    private Document page(String token, String client) throws Exception {
        return Jsoup.parse(mvc.perform(get("/portal/" + token).with(r -> {
            r.setRemoteAddr(client);
            return r;
        })).andReturn().getResponse().getContentAsString());
    }
}
