-- A counterparty's system lists every request addressed to it, page by page in id order (API keys).
CREATE INDEX counterparty_request_counterparty ON counterparty_request (counterparty_id, id);
