-- Version 2 of the people schema: every node refreshes its search index every few seconds with the
-- people changed since its last look (PeopleService.refreshIndex), by updated_at.
CREATE INDEX people_person_updated_idx ON people_person (updated_at);
