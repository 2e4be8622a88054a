-- Targets at scale: the directory's legal requirements, address attribution, routing by rule instead of by
-- the filer's choice per row, and CSV imports checked in the background. Portable SQL (H2 and PostgreSQL).

ALTER TABLE counterparty ADD COLUMN legal_requirements VARCHAR(4000);

-- Which exchange holds an address, and who said so when; one attribution per address and chain.
CREATE TABLE address_attribution (
    chain            VARCHAR(20)  NOT NULL,
    address          VARCHAR(128) NOT NULL,
    counterparty_id  BIGINT       NOT NULL REFERENCES counterparty (id),
    source           VARCHAR(200) NOT NULL,
    attributed_on    DATE         NOT NULL,
    imported_by      VARCHAR(100) NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chain, address)
);
CREATE INDEX address_attribution_counterparty ON address_attribution (counterparty_id);

-- A target goes to every counterparty routed here: the issuer of its token, the exchange holding its
-- address, or whoever the filer chose instead (with the reason). No row means unattributed.
CREATE TABLE target_route (
    target_id        BIGINT        NOT NULL REFERENCES target (id),
    counterparty_id  BIGINT        NOT NULL REFERENCES counterparty (id),
    reason           VARCHAR(30)   NOT NULL,
    override_reason  VARCHAR(1000),
    overridden_by    VARCHAR(100),
    PRIMARY KEY (target_id, counterparty_id)
);
CREATE INDEX target_route_counterparty ON target_route (counterparty_id, target_id);

INSERT INTO target_route (target_id, counterparty_id, reason)
SELECT id, counterparty_id, 'FILER_CHOICE' FROM target WHERE counterparty_id IS NOT NULL;

ALTER TABLE target DROP COLUMN counterparty_id;

-- A line of a filing or an import is stored once.
CREATE UNIQUE INDEX target_request_line ON target (freeze_request_id, line_number);

-- An uploaded CSV file being checked, then its preview; kept in the database so any node can show it.
CREATE TABLE target_import (
    id                  VARCHAR(36)   PRIMARY KEY,
    owner               VARCHAR(100)  NOT NULL,
    case_id             BIGINT REFERENCES freeze_case (id),
    request_sequence    INT,
    file_name           VARCHAR(255)  NOT NULL,
    file_sha256         VARCHAR(64)   NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    total_lines         INT           NOT NULL,
    checked_lines       INT           NOT NULL DEFAULT 0,
    error_lines         INT           NOT NULL DEFAULT 0,
    warning_lines       INT           NOT NULL DEFAULT 0,
    failure             VARCHAR(1000),
    draft               VARCHAR(20000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX target_import_owner ON target_import (owner);

-- Values are normalized when the line is valid and as typed (shortened to fit) when it is not.
CREATE TABLE target_import_line (
    import_id    VARCHAR(36)     NOT NULL REFERENCES target_import (id),
    line_number  INT             NOT NULL,
    valid        BOOLEAN         NOT NULL,
    chain        VARCHAR(20),
    asset        VARCHAR(20),
    address      VARCHAR(128),
    amount_text  VARCHAR(60),
    amount       NUMERIC(38, 18),
    tx_hashes    VARCHAR(4000),
    note         VARCHAR(1000),
    PRIMARY KEY (import_id, line_number)
);

CREATE TABLE target_import_problem (
    import_id    VARCHAR(36)   NOT NULL REFERENCES target_import (id),
    line_number  INT           NOT NULL,
    column_name  VARCHAR(20),
    severity     VARCHAR(10)   NOT NULL,
    message      VARCHAR(1000) NOT NULL
);
CREATE INDEX target_import_problem_line ON target_import_problem (import_id, line_number);

CREATE TABLE target_import_route (
    import_id        VARCHAR(36) NOT NULL REFERENCES target_import (id),
    line_number      INT         NOT NULL,
    counterparty_id  BIGINT      NOT NULL REFERENCES counterparty (id),
    reason           VARCHAR(30) NOT NULL,
    PRIMARY KEY (import_id, line_number, counterparty_id)
);
