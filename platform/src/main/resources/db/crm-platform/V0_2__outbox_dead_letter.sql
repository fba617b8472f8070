-- Outbox rows the broker can never take (larger than the producer's max.request.size or the topic's
-- max.message.bytes): the relay moves them here with the reason instead of stopping every later event of
-- the service behind them. An operator republishes one after raising the limit, or settles it by hand.
create table outbox_dead_letter (
    seq              bigint      primary key,
    event_id         uuid        not null,
    topic            text        not null,
    record_key       text        not null,
    event_type       text        not null,
    payload          jsonb       not null,
    created_at       timestamptz not null,
    reason           text        not null,
    dead_lettered_at timestamptz not null default now()
);
