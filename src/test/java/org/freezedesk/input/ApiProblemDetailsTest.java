package org.freezedesk.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every way the JSON API refuses a call answers the same RFC 9457 problem ({@code application/problem+json}, the
 * status, a detail and {@code errors[{field, message}]}), whether the security filters, Spring MVC or the application
 * refused it: a client needs one error reader.
 */
@FreezeDeskTest
class ApiProblemDetailsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;

    @Test
    void badInputIs400NamingTheField() throws Exception {
        JsonNode problem = problem(post("/api/v1/cases").with(agency()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": [1]}"), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("title");
        problem(post("/api/v1/cases").with(agency()).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "), 400);
        JsonNode invalid = problem(post("/api/v1/cases").with(agency()).contentType(MediaType.APPLICATION_JSON).content("{}"), 400);
        assertThat(invalid.get("errors").size()).isGreaterThan(1);
    }

    @Test
    void noCredentialOrAWrongOneIs401() throws Exception {
        MockHttpServletResponse anonymous = response(get("/api/v1/stats"));
        assertProblem(anonymous, 401);
        assertThat(anonymous.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNotBlank();
        assertProblem(response(get("/api/v1/stats").with(httpBasic("agency", "wrong password"))), 401);
    }

    @Test
    void aRoleThatMayNotCallIs403() throws Exception {
        problem(get("/api/v1/admin/agencies").with(agency()), 403);
        problem(get("/api/v1/nothing-here").with(agency()), 403);
    }

    @Test
    void anUnknownOrUnreadableObjectIs404() throws Exception {
        problem(get("/api/v1/cases/FRZ-1999-999999").with(agency()), 404);
        problem(get("/api/v1/imports/not-an-import").with(agency()), 404);
        problem(get("/api/v1/admin/accounts/nobody-at-all").with(user(users.loadUserByUsername("admin"))), 404);
    }

    @Test
    void aWrongMethodIs405WithTheMethodsAllowed() throws Exception {
        MockHttpServletResponse response = response(delete("/api/v1/cases/FRZ-1999-999999").with(agency()));
        assertProblem(response, 405);
        assertThat(response.getHeader(HttpHeaders.ALLOW)).contains("GET");
    }

    @Test
    void anAnswerTheClientCannotTakeIs406() throws Exception {
        assertProblem(response(get("/api/v1/stats").with(agency()).accept(MediaType.IMAGE_PNG)), 406);
    }

    @Test
    void aBodyOfAnotherTypeIs415() throws Exception {
        problem(post("/api/v1/cases").with(agency()).contentType(MediaType.APPLICATION_XML).content("<case/>"), 415);
        problem(post("/api/v1/imports").with(agency()).contentType(MediaType.APPLICATION_XML).content("<targets/>"), 415);
    }

    @Test
    void aBodyTooLargeIs413() throws Exception {
        String note = "x".repeat((int) JsonBodyLimit.MAX_BYTES);
        problem(post("/api/v1/cases").with(agency()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\",\"targets\":[{\"note\":\"" + note + "\"}]}"), 413);
    }

    private RequestPostProcessor agency() {
        return user(users.loadUserByUsername("agency"));
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        return assertProblem(response(request), status);
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode assertProblem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).as("content type of a " + status).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).as("detail of a " + status).isNotBlank();
        assertThat(problem.get("errors").isArray()).as("errors of a " + status).isTrue();
        assertThat(problem.at("/errors/0/message").asText()).isNotBlank();
        return problem;
    }
}
