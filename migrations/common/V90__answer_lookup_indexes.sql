-- Every portal page and API document, every answer and every case page reads a counterparty request's answers in
-- force (CounterpartyRequestRepository.latestOutcomes and history): by request, then by response. PostgreSQL makes no
-- index for a foreign key, so without these both tables were read whole each time (45 ms at 200,000 responses; H2
-- indexes foreign keys itself).
CREATE INDEX counterparty_response_request ON counterparty_response (counterparty_request_id, id);
CREATE INDEX target_outcome_response ON target_outcome (counterparty_response_id, target_id);
