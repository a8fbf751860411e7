-- Version 3 of the platform schema: a token of the ledger's content, so that readers (the KPI
-- program's figures) can keep what they computed until the ledger changes, on every node
-- (ActivityLedger.revision(), since platform-api ledger 1.2). One row; every transaction that records
-- or purges events sets a new random token in it. The first token is random too, so that two
-- installations never share one.
CREATE TABLE platform_ledger_revision (
    id INTEGER NOT NULL,
    token BIGINT NOT NULL,
    PRIMARY KEY (id));
INSERT INTO platform_ledger_revision (id, token) VALUES (1, CAST(random() * 9000000000000000000 AS BIGINT));
