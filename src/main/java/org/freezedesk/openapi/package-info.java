/**
 * The OpenAPI 3 description of the JSON API ({@code /api/v1}) at {@code /v3/api-docs}, and Swagger UI for staff: the
 * operations come from the controllers' annotations; this module adds what every operation shares (the bearer
 * scheme, the RFC 9457 problem details of the error answers). It depends on no other module.
 */
package org.freezedesk.openapi;
