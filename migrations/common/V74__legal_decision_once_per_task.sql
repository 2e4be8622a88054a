-- One decision per review task: two legal officers deciding the same request at once (over the pages or the API)
-- both pass the check that the task is open; the second insert then waits for the first and fails here, and is
-- answered 409 instead of completing the task twice. Older rows keep NULL, which a unique index allows many times.
CREATE UNIQUE INDEX legal_decision_once_per_task ON legal_decision (task_id);
