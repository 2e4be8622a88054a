-- A counterparty answers a target once, through any of its requests of a case: the other open requests that ask for
-- the same target get a response of their own that names the response it was given through.
ALTER TABLE counterparty_response ADD COLUMN shared_from_response_id BIGINT REFERENCES counterparty_response (id);
-- One shared copy of a response per request, however often the sharing runs.
CREATE UNIQUE INDEX counterparty_response_shared_once ON counterparty_response (counterparty_request_id, shared_from_response_id);
