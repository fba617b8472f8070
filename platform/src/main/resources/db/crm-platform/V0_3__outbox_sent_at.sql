-- When a relay first handed the row to its Kafka producer (null: never). Written and committed before the send,
-- so a relay that later finds a row with sent_at set knows a predecessor may have published it without deleting
-- it (killed between the broker's acknowledgement and its commit) and looks for it on the topic before sending.
alter table outbox add column sent_at timestamptz;
