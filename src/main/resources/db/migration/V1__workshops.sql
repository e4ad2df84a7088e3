-- Workshop data is stored as JSON documents keyed by id: each table backs one Hazelcast map,
-- and each row is written through by the member that owns the key.
CREATE TABLE workshops (
  id         VARCHAR(64)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);

CREATE TABLE participants (
  id         VARCHAR(64)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);

-- Keyed by the SHA-256 of the token: the tokens themselves are never stored.
CREATE TABLE access_tokens (
  id         VARCHAR(64)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);

-- Keyed by the SHA-256 of the invitation code.
CREATE TABLE invitations (
  id         VARCHAR(64)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);

CREATE TABLE join_codes (
  id         VARCHAR(16)  PRIMARY KEY,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL
);
