-- Version 1 of the demo schema on PostgreSQL: the baseline. It is what EclipseLink's create-or-extend-tables
-- made from the entities before migrations existed, so a database made then is adopted as version 1.
-- A released migration never changes: change the schema with a new version.

CREATE TABLE demo_record (id BIGINT NOT NULL, created_at TIMESTAMP NOT NULL, data_key VARCHAR(200) NOT NULL, kind VARCHAR(40) NOT NULL, module_id VARCHAR(40) NOT NULL, ref VARCHAR(200), PRIMARY KEY (id));
CREATE INDEX demo_record_module ON demo_record (module_id, kind);
ALTER TABLE demo_record ADD CONSTRAINT demo_record_key UNIQUE (data_key);
CREATE TABLE demo_sequence (seq_name VARCHAR(50) NOT NULL, seq_value DECIMAL(38), PRIMARY KEY (seq_name));
INSERT INTO demo_sequence(seq_name, seq_value) values ('record', 0);
