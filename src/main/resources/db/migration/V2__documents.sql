-- Co-edited documents are stored as an op log plus occasional snapshots: appending an op costs
-- the same whatever the document's size. Loading = the latest snapshot + the ops after it.
CREATE TABLE doc_ops (
  doc_id     VARCHAR(64)  NOT NULL,
  rev        BIGINT       NOT NULL,
  op_id      VARCHAR(64)  NOT NULL,
  author     VARCHAR(64)  NOT NULL,
  delta      TEXT         NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (doc_id, rev)
);

CREATE TABLE doc_snapshots (
  doc_id     VARCHAR(64)  NOT NULL,
  rev        BIGINT       NOT NULL,
  content    TEXT         NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (doc_id, rev)
);
