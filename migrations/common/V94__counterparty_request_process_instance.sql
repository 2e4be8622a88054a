-- The process instance that serves each counterparty request, so that an answer is told to that one process by its id.
-- Correlating on the process variable made every answer look through the variables of every request still waiting.
-- Requests created before this column existed keep NULL and are still found by their variable.
ALTER TABLE counterparty_request ADD COLUMN process_instance_id VARCHAR(64);
