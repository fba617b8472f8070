-- Platform tables, created in the schema of the service that includes this location
-- (quarkus.flyway.locations=db/migration,db/crm-platform). Platform migrations are numbered 0.x,
-- services' own migrations 1 and up. A platform migration added once services have applied their own
-- (a 0.x version below an applied one) needs quarkus.flyway.out-of-order=true for that release.

-- Transactional outbox: rows are written in the business transaction and deleted by the relay once
-- Kafka acknowledged them.
create table outbox (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now()
);

-- Wakes the relay at commit (NOTIFY is delivered only when the inserting transaction commits).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_' || tg_table_schema, '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();

-- Inbox: ids of the events each consumer applied, written with the effect.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key of creates: the first response is replayed for a retry with the same key and body.
create table idempotency_key (
    principal     text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        int,
    location      text,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
