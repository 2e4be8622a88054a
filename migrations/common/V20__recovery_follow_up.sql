-- A recovery waiting for its transfer has a deadline (from the SLA decision), after which the filer follows up:
-- extends it, or asks to withdraw the instruction; legal reviews the withdrawal (never the one who asked).
ALTER TABLE recovery_instruction ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recovery_instruction ADD COLUMN withdrawal_requested_by VARCHAR(100);
ALTER TABLE recovery_instruction ADD COLUMN withdrawal_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recovery_instruction ADD COLUMN withdrawal_reason VARCHAR(2000);
