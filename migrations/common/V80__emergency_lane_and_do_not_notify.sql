-- The emergency lane and "do not notify the customer" (README, "The emergency lane and do-not-notify").
-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL.

-- A legal officer an admin marked as on call approves EMERGENCY requests alone; the second review follows.
ALTER TABLE app_user ADD COLUMN on_call BOOLEAN DEFAULT FALSE NOT NULL;

-- Why the request cannot wait for the usual review; required when its urgency is EMERGENCY.
ALTER TABLE freeze_request ADD COLUMN emergency_justification VARCHAR(2000);
-- When the on-call officers were last reminded that an EMERGENCY request waits for them, and how often.
ALTER TABLE freeze_request ADD COLUMN on_call_reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE freeze_request ADD COLUMN on_call_reminders INT DEFAULT 0 NOT NULL;

-- The counterparty must not tell its customer, on this legal basis, until this date (inclusive).
ALTER TABLE freeze_request ADD COLUMN do_not_notify BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE freeze_request ADD COLUMN do_not_notify_basis VARCHAR(1000);
ALTER TABLE freeze_request ADD COLUMN do_not_notify_until DATE;

-- The counterparty confirmed, with this answer, that it did not and will not tell its customer.
ALTER TABLE counterparty_response ADD COLUMN do_not_notify_confirmed BOOLEAN DEFAULT FALSE NOT NULL;

-- A counterparty request withdrawn after an emergency request's second review rejected it: release the freeze.
ALTER TABLE counterparty_request ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
