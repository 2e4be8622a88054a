-- Bucket4j's token buckets for login and portal throttling (Throttles), shared by every node. The id is
-- the limit's name and a SHA-256 of whom it counts (account or client address), never the name itself;
-- expires_at (epoch milliseconds) lets full buckets be swept. The embedded H2 default keeps them in memory.
CREATE TABLE throttle_bucket (
    id          VARCHAR(100) PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
CREATE INDEX throttle_bucket_expires ON throttle_bucket (expires_at);
