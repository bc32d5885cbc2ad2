-- Sign-in attempts (migration 5, decision 011): reserved before hashing, one row per member of a
-- counter (an attempt in a pair or address counter, an address in an account counter), like the
-- Redis sorted sets. Failures counted in login_failures before the upgrade are dropped.
DROP TABLE login_failures;
CREATE TABLE login_attempts (
  counter TEXT NOT NULL,
  member TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (counter, member)
) WITHOUT ROWID;
CREATE INDEX login_attempts_at ON login_attempts (at);
