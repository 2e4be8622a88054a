package org.freezedesk.audit;

import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Integrity pages and API: auditors read, nobody else does, and nothing here accepts a change. */
@FreezeDeskTest
class AuditAccessTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired AuditIntegrity integrity;
    @Autowired AuditLog auditLog;
    @Autowired TransactionTemplate transaction;

    @Test
    void auditorsVerifyOverTheApiWithHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(bearerOf(context, "auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.head.hash").isString());
        mvc.perform(get("/api/v1/audit/head").with(bearerOf(context, "auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hash").value(integrity.head().hash()));
        mvc.perform(get("/api/v1/audit/verify").param("head", "not-a-head").with(bearerOf(context, "auditor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("head"))
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void otherRolesAndStrangersCannotVerify() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(bearerOf(context, "agency"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify").with(bearerOf(context, "admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
        mvc.perform(get("/audit/integrity").with(user(users.loadUserByUsername("legal")))).andExpect(status().isForbidden());
    }

    @Test
    void anAuditorCannotChangeAnythingHere() throws Exception {
        mvc.perform(post("/api/v1/audit/verify").with(bearerOf(context, "auditor"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/audit/head").with(bearerOf(context, "auditor"))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/integrity").with(user(users.loadUserByUsername("auditor"))).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void theIntegrityPageShowsTheResultAndTheHeadToKeep() throws Exception {
        transaction.executeWithoutResult(status -> auditLog.record(Actor.ENGINE, "NOTE", "note", 1, "FRZ-TEST-ACCESS", null, null));
        ChainHead head = integrity.head();
        mvc.perform(get("/audit/integrity").with(user(users.loadUserByUsername("auditor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Intact.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(head.text())));
        mvc.perform(get("/audit/integrity").param("head", head.eventId() + ":" + "0".repeat(64))
                        .with(user(users.loadUserByUsername("auditor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Broken at event")));
        mvc.perform(get("/audit/chain-head.txt").with(user(users.loadUserByUsername("auditor"))))
                .andExpect(status().isOk()).andExpect(content().string(head.text() + "\n"));
    }
}
