package org.freezedesk.openapi.internal;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every operation of the description shares: who may call (a bearer credential: an API key, or for the portal
 * the token of a link) and the form of every error, an RFC 9457 problem with the fields at fault in {@code errors}.
 * The error answers are set on every operation here, replacing what controllers' own exception handlers would
 * declare, so that a new operation cannot forget them and all of them read the same.
 */
@Configuration
class OpenApiDescription {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The refusals any operation may answer; 409 only for changes, 413 only where a body is sent. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Refused input: the fields at fault are named in errors",
            "401", "No credential, or one that opens nothing",
            "403", "Signed in, but not allowed this (such as deciding on one's own request)",
            "404", "No such object, or one the caller may not read (its existence is not revealed)",
            "409", "The object no longer takes this change (decided, closed, already answered)",
            "413", "The request body is larger than allowed");

    @Bean
    OpenAPI freezeDeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FreezeDesk API").version("v1").description("""
                        Filing and following freeze requests, legal review, recoveries, target imports, figures, the \
                        audit chain and the counterparty portal. Every error is an RFC 9457 problem \
                        (application/problem+json) whose errors list names the fields at fault. Lists are paged by \
                        cursor: pass the next value of a page as cursor to get the page after it."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Authorization: Bearer <API key>; for /api/v1/portal the token of the link")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The problem schemas are added here, after springdoc has dropped the components no operation referred to yet, and
     * together with the answers that refer to them.
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            api.getComponents()
                    .addSchemas("FieldError", new ObjectSchema()
                            .addProperty("field", new StringSchema().nullable(true).example("targets[0].amount")
                                    .description("the field or parameter at fault, as named in the request; null for the request as a whole"))
                            .addProperty("message", new StringSchema().example("Enter a plain decimal such as 1250.5")))
                    .addSchemas(PROBLEM, new ObjectSchema()
                            .description("RFC 9457 problem details")
                            .addProperty("type", new StringSchema().example("about:blank"))
                            .addProperty("title", new StringSchema().example("Bad Request"))
                            .addProperty("status", new IntegerSchema().example(400))
                            .addProperty("detail", new StringSchema().example("Enter a plain decimal such as 1250.5"))
                            .addProperty("instance", new StringSchema().example("/api/v1/cases"))
                            .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))));
            api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                ERRORS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .filter(e -> applies(e.getKey(), method, operation))
                        .forEach(e -> responses.put(e.getKey(), problem(e.getValue())));
                operation.setResponses(responses);
            }));
        };
    }

    private static boolean applies(String status, PathItem.HttpMethod method, Operation operation) {
        return switch (status) {
            case "409" -> method != PathItem.HttpMethod.GET;
            case "413" -> operation.getRequestBody() != null;
            default -> true;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
