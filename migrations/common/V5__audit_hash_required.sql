-- Every event is chained from now on (V4 sealed the ones written before the chain existed).
ALTER TABLE audit_event ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL;
