-- A target file is kept until its check has finished, so that another node can check it again when the node
-- checking it dies; check_run names the one run whose progress and results count.
ALTER TABLE target_import ADD COLUMN content BYTEA;
ALTER TABLE target_import ADD COLUMN check_run VARCHAR(36);
