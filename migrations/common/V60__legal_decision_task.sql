-- The review task a legal decision completed: the task's completion listener (RequireLegalDecision) lets
-- the task end only when the decision service stored this row for it in the same transaction, so no
-- engine API, Tasklist or REST call can approve a request without a recorded decision. Older rows keep NULL.
ALTER TABLE legal_decision ADD COLUMN task_id VARCHAR(64);
CREATE INDEX legal_decision_task ON legal_decision (task_id);
