-- A workshop's report state, one row per workshop: language, when it was last generated, the
-- rooms' findings as that generation read them, and the accepted overlap groups, as JSON. The
-- report's text itself is a co-edited document (doc_ops, doc_snapshots under report.<workshopId>).
CREATE TABLE reports (
  id         VARCHAR(64)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);
