package org.freezedesk.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.auditing.internal.Timeline;
import org.freezedesk.auditing.internal.TimelineEntry;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's timeline page: engine history merged in, filters, and paging through a long case. */
@FreezeDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineTest {

    private static final int EXTRA_EVENTS = 230;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server().withPerMethodLifecycle(false);

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired Timeline timeline;
    @Autowired TransactionTemplate transaction;
    @Autowired ConfigurableApplicationContext context;

    private StaffUser auditor;
    private String reference;

    @BeforeAll
    void longCase() {
        CaseStory story = new CaseStory(context);
        auditor = story.staff("auditor");
        reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < EXTRA_EVENTS; i++) {
                Actor actor = i % 3 == 0 ? new Actor("bob", "LEGAL") : new Actor("alice", "AGENCY");
                auditLog.record(actor, "NOTE_" + i, "note", i, reference, null, "note " + i);
            }
        });
    }

    @Test
    void pagingForwardVisitsEveryEntryOnceInTimeOrderAndLastAndPreviousAgree() throws Exception {
        List<TimelineEntry> expected = timeline.all(reference);
        assertThat(actions(expected).indexOf("CASE_FILED")).as("a change sorts where it was made, not where it committed")
                .isLessThan(actions(expected).indexOf("TASK_CREATED"));

        Document page = page("");
        assertThat(rows(page)).hasSize(AuditConstants.TIMELINE_PAGE_SIZE);
        assertThat(page.getElementById("timeline-count").text()).isEqualTo("Entries 1–100 of " + expected.size() + ", oldest first. Times in UTC.");
        assertThat(link(page, "Previous")).isNull();

        List<String> seen = new ArrayList<>();
        List<Document> pages = new ArrayList<>();
        while (true) {
            pages.add(page);
            rows(page).forEach(row -> seen.add(row.child(5).text()));
            String next = link(page, "Next");
            if (next == null) {
                break;
            }
            page = page(next.substring(next.indexOf('?')));
        }
        assertThat(seen).containsExactlyElementsOf(expected.stream().map(TimelineEntry::action).toList());
        assertThat(pages).hasSize((expected.size() + 99) / 100);

        String lastLink = link(pages.get(0), "Last");
        Document last = page(lastLink.substring(lastLink.indexOf('?')));
        assertThat(actions(last)).containsExactlyElementsOf(actions(expected.subList(expected.size() - 100, expected.size())));
        assertThat(link(last, "Next")).isNull();
        String previous = link(last, "Previous");
        Document beforeLast = page(previous.substring(previous.indexOf('?')));
        assertThat(actions(beforeLast)).containsExactlyElementsOf(actions(expected.subList(expected.size() - 200, expected.size() - 100)));
    }

    @Test
    void filtersByActorAndByKind() throws Exception {
        Document bob = page("?actor=bob");
        assertThat(rows(bob)).hasSize(EXTRA_EVENTS / 3 + 1).allSatisfy(r -> assertThat(r.child(2).text()).isEqualTo("bob"));
        assertThat(bob.select("#actor option[selected]").text()).isEqualTo("bob");

        Document tasks = page("?kind=TASK");
        assertThat(rows(tasks)).extracting(r -> r.child(5).text()).containsExactly("TASK_CREATED");
        assertThat(rows(tasks).get(0).child(6).text()).contains("legalReview");

        Document changesOfEngine = page("?kind=CHANGE&actor=engine");
        assertThat(rows(changesOfEngine)).extracting(r -> r.child(5).text()).containsExactly("REQUEST_ROUTED");
    }

    @Test
    void aForgedPagePositionIsRefused() throws Exception {
        mvc.perform(get("/audit/cases/" + reference).param("after", "yesterday").with(user(auditor)))
                .andExpect(status().isBadRequest());
    }

    private static List<String> actions(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::action).toList();
    }

    private static List<String> actions(Document page) {
        return rows(page).stream().map(r -> r.child(5).text()).toList();
    }

    private Document page(String query) throws Exception {
        String html = mvc.perform(get("/audit/cases/" + reference + query).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html, "http://localhost");
    }

    private static List<Element> rows(Document page) {
        return page.select("#timeline tbody tr");
    }

    /** The link's target, or null when the link is disabled. */
    private static String link(Document page, String label) {
        Element a = page.selectFirst("nav[aria-label=Timeline pages] a:containsOwn(" + label + ")");
        return a.parent().hasClass("disabled") ? null : a.attr("href");
    }
}
