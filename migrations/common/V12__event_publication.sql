-- Spring Modulith's event publication registry: an event between modules is stored in the transaction
-- that publishes it and marked complete when its listener has run, so a node that dies in between
-- leaves it to be resubmitted rather than lost.
CREATE TABLE event_publication (
    id               UUID                     NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)             NOT NULL,
    event_type       VARCHAR(512)             NOT NULL,
    serialized_event VARCHAR(65536)           NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
