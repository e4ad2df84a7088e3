-- Idea boards, one row per room keyed by <workshopId>.<roomId>: the board (settings, ideas, votes)
-- as JSON, written through by the member that owns the key on every change.
CREATE TABLE boards (
  id         VARCHAR(140) PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);
