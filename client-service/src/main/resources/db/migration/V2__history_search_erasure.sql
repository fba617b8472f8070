-- Field-level history of every card change, with actor, time and reason.
create table client_history (
    id        bigint generated always as identity primary key,
    client_id uuid        not null references client (id) on delete cascade,
    version   bigint      not null,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    reason    text,
    -- {"address.city": {"from": "北京市", "to": "上海市"}, ...}
    changes   jsonb       not null default '{}'
);
create index client_history_client on client_history (client_id, id desc);

-- Soft delete (restorable by an admin) and irreversible erasure of personal data.
alter table client
    add column deleted_at timestamptz,
    add column deleted_by text,
    add column erased_at  timestamptz;

-- Search: name substrings (Chinese included) through trigrams, tags through jsonb containment.
-- pg_trgm lives in schema public (created by the database set-up, deploy/local/crm).
create index client_legal_name_trgm on client using gin (legal_name public.gin_trgm_ops);
create index client_short_name_trgm on client using gin (short_name public.gin_trgm_ops);
create index client_tags on client using gin (tags jsonb_path_ops);
create index client_live_created on client (created_at desc, id desc) where deleted_at is null;
