-- The counterparty's answer that last set a hold's date. Answers are told to the hold in their own transactions and
-- are told again after a failure, so an older answer can arrive after a newer one: it must not move the date back.
ALTER TABLE freeze_hold ADD COLUMN response_id BIGINT;
