-- The event publication registry of Spring Modulith (the review queue, the serving changes …):
-- its own PostgreSQL schema (spring-modulith-events-jdbc 2.0.3,
-- org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql), created here rather
-- than by its initializer. Two servers starting together on one database both ran that
-- initializer's CREATE TABLE IF NOT EXISTS, and one of them failed on PostgreSQL's duplicate type;
-- Flyway's lock lets one server make it. IF NOT EXISTS keeps a database whose initializer already
-- made the table.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
