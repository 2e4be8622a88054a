-- A closed case: who closed it, when, and the agency's closing summary. A row here makes the case read-only.
CREATE TABLE case_closure (
    case_id    BIGINT        PRIMARY KEY REFERENCES freeze_case (id),
    summary    VARCHAR(4000) NOT NULL,
    closed_by  VARCHAR(100)  NOT NULL,
    closed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
