-- Version 1 of the ${programId} schema on H2, run by Freelance Island when the program starts
-- (docs/database.md). A released migration never changes: change an entity, then add
-- V2__<what>.sql (or .h2.sql and .postgresql.sql where the two differ); SchemaMigrationsTest fails
-- until the migrations make what the entities describe. Retiring the program never drops tables.

CREATE TABLE ${programId}_item (id BIGINT NOT NULL, created_at TIMESTAMP NOT NULL, created_by VARCHAR(100) NOT NULL, fiscal_year INTEGER NOT NULL, person_id VARCHAR(100), starts_on DATE, status VARCHAR(20) NOT NULL, title_en VARCHAR(200), title_ja VARCHAR(200) NOT NULL, updated_at TIMESTAMP NOT NULL, version BIGINT, PRIMARY KEY (id));
CREATE UNIQUE INDEX ${programId}_item_title_uq ON ${programId}_item (fiscal_year, title_ja);
CREATE INDEX ${programId}_item_person ON ${programId}_item (person_id);
CREATE TABLE ${programId}_sequence (seq_name VARCHAR(50) NOT NULL, seq_value NUMERIC(38), PRIMARY KEY (seq_name));
INSERT INTO ${programId}_sequence(seq_name, seq_value) values ('item', 0);
