-- Hash chain over audit_event (portable: H2 and PostgreSQL).
-- hash = SHA-256 of the event's canonical content, which includes prev_hash (the hash of the event
-- appended before it) and case_prev_hash (the hash of the case's previous event), so both the whole
-- log and each case's own export can be checked link by link.

ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN case_prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);

-- The single row every append locks: appends are serialised, so the chain never forks.
CREATE TABLE audit_chain_head (
    id             INT         PRIMARY KEY CHECK (id = 1),
    last_event_id  BIGINT,
    last_hash      VARCHAR(64) NOT NULL,
    event_count    BIGINT      NOT NULL
);
INSERT INTO audit_chain_head (id, last_event_id, last_hash, event_count)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- A case's timeline pages by time; an append looks up the case's last event by id.
DROP INDEX audit_event_case;
CREATE INDEX audit_event_case_time ON audit_event (case_reference, occurred_at, id);
CREATE INDEX audit_event_case_id ON audit_event (case_reference, id);
