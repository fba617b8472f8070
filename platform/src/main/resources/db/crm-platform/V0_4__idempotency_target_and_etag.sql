-- An Idempotency-Key is bound to the request it was first sent with: the method, path and query (target) join
-- the body's hash, so the same key sent to another resource is refused instead of replaying the first answer; the
-- first answer's ETag is kept so a replay carries the same headers. Rows written before this column have no target
-- and are matched on the body alone until they expire (crm.idempotency.retention).
alter table idempotency_key add column target text;
alter table idempotency_key add column etag text;
