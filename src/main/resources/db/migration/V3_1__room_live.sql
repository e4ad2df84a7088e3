-- A room's timer, latest broadcast and raised hands, one JSON row per room (key "<workshopId>/<roomId>"),
-- written through by the member that owns the key so that a restart keeps a running timer.
CREATE TABLE room_live (
  id         VARCHAR(140) PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);
