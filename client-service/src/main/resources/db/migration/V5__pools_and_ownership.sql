-- Client ownership: public pools (公海), claims and assignments, automatic recall, ownership caps and locks.

-- A pool: who administers it, who may claim from it, and its claim and recall rules.
create table pool (
    id                    uuid primary key,
    version               bigint      not null,
    name                  text        not null,
    description           text,
    -- the pool whose rules govern clients that were never in a pool (registered by a rep), and where they return
    is_default            boolean     not null default false,
    admins                jsonb       not null default '[]',
    member_users          jsonb       not null default '[]',
    member_departments    jsonb       not null default '[]',
    daily_claim_limit     integer check (daily_claim_limit is null or daily_claim_limit > 0),
    reclaim_cooldown_days integer     not null default 0 check (reclaim_cooldown_days >= 0),
    warning_days          integer     not null default 3 check (warning_days >= 0),
    created_at            timestamptz not null,
    created_by            text        not null,
    updated_at            timestamptz not null
);
create unique index pool_name on pool (lower(name));
create unique index pool_single_default on pool (is_default) where is_default;

-- Recall rules of a pool, combinable (the earliest due one recalls). Days per ABC class or value tier replace the
-- rule's days; when both apply, the longer wins (key clients get longer).
create table recall_rule (
    pool_id            uuid    not null references pool (id) on delete cascade,
    kind               text    not null check (kind in ('NO_FOLLOW_UP', 'NO_ORDER', 'NOT_CONVERTED')),
    days               integer not null check (days > 0),
    days_by_abc_class  jsonb   not null default '{}',
    days_by_value_tier jsonb   not null default '{}',
    exempt_with_deal   boolean not null default false,
    primary key (pool_id, kind)
);

-- A client is owned by a rep or sits in a pool, never neither. pool_id is the pool that governs the client:
-- the one it sits in, or, while owned, the one it was taken from (recall rules, where it returns).
alter table client
    add column pool_id          uuid references pool (id),
    add column owner_department text,
    add column owned_since      timestamptz,
    add column pool_entered_at  timestamptz,
    add column pool_reason_code text,
    add column pool_reason      text,
    add column locked_at        timestamptz,
    add column locked_by        text;
update client set owned_since = created_at where owner_id is not null;
alter table client
    add constraint client_owner_or_pool check (owner_id is not null or pool_id is not null),
    add constraint client_owned_since check (owner_id is null or owned_since is not null),
    add constraint client_in_pool_since check (owner_id is not null or pool_entered_at is not null),
    add constraint client_locked_only_owned check (locked_at is null or owner_id is not null);
create index client_in_pool on client (pool_id, pool_entered_at desc, id desc) where owner_id is null and deleted_at is null;
create index client_owner_department on client (owner_department) where deleted_at is null and owner_department is not null;

-- Who released which client when: the previous-owner cool-down.
create table ownership_release (
    client_id   uuid        not null references client (id) on delete cascade,
    owner_id    text        not null,
    released_at timestamptz not null,
    primary key (client_id, owner_id)
);

-- Claims per user, pool and business day: the daily claim limit.
create table pool_claim_count (
    pool_id uuid    not null references pool (id) on delete cascade,
    user_id text    not null,
    day     date    not null,
    claims  integer not null,
    primary key (pool_id, user_id, day)
);

-- Ownership caps per user or department: clients owned and locked; whether clients with a deal count.
create table ownership_cap (
    scope                  text        not null check (scope in ('USER', 'DEPARTMENT')),
    subject                text        not null,
    version                bigint      not null,
    max_owned              integer check (max_owned is null or max_owned >= 0),
    max_locked             integer check (max_locked is null or max_locked >= 0),
    count_clients_with_deal boolean    not null default true,
    updated_at             timestamptz not null,
    updated_by             text        not null,
    primary key (scope, subject)
);

-- What client-service learns from crm.interaction.v1: the last follow-up and orders, per client.
create table client_activity (
    client_id         uuid primary key,
    last_follow_up_at timestamptz,
    last_order_at     timestamptz,
    live_orders       integer not null default 0
);
create table client_order (
    order_id   uuid primary key,
    client_id  uuid        not null,
    ordered_at timestamptz not null,
    cancelled  boolean     not null default false
);
create index client_order_client on client_order (client_id);

-- A client has a deal (成交) once an order that is not cancelled is on record for it, or its status is EXISTING.
create function client_has_deal(status text, live_orders integer) returns boolean
    language sql immutable parallel safe
    return status = 'EXISTING' or coalesce(live_orders, 0) > 0;

-- The length of a recall day: 1 day, unless the session sets crm.recall_day_seconds (client.ownership.day-seconds, an
-- override for tests and local end-to-end runs that production pins to 86400).
create function recall_day() returns interval
    language sql stable parallel safe
    return make_interval(secs => coalesce(nullif(current_setting('crm.recall_day_seconds', true), '')::double precision,
                                          86400));

-- When each owned, unlocked, live client would be recalled, and by which rule: the one place the recall rules are
-- evaluated (the recall job, the warning feed and GET /clients/{id}/ownership read it).
create view recall_schedule as
select c.id                                                  as client_id,
       c.owner_id,
       c.owner_department,
       home.id                                               as pool_id,
       due.kind                                              as rule,
       due.days,
       due.anchor,
       due.due_at,
       due.due_at - home.warning_days * recall_day()           as warn_from
from client c
         join pool home on home.id = coalesce(c.pool_id, (select d.id from pool d where d.is_default))
         left join client_activity a on a.client_id = c.id
         cross join lateral (
    select r.kind, d.days, anchor.at as anchor, anchor.at + d.days * recall_day() as due_at
    from recall_rule r
             cross join lateral (select coalesce(greatest((r.days_by_value_tier ->> c.value_tier)::integer,
                                                          (r.days_by_abc_class ->> c.abc_class)::integer),
                                                 r.days) as days) d
             cross join lateral (select case r.kind
                                            when 'NO_FOLLOW_UP' then greatest(c.owned_since, a.last_follow_up_at)
                                            when 'NO_ORDER' then greatest(c.owned_since, a.last_order_at)
                                            else c.owned_since end as at) anchor
    where r.pool_id = home.id
      and (r.kind <> 'NOT_CONVERTED' or c.status in ('POTENTIAL', 'INTENDED'))
      and not (r.exempt_with_deal and client_has_deal(c.status, a.live_orders))
    order by due_at, r.kind
    limit 1) due
where c.owner_id is not null
  and c.deleted_at is null
  and c.locked_at is null;

-- The recall warning last sent per client: once per client and due date.
create table recall_warning (
    client_id uuid primary key references client (id) on delete cascade,
    owner_id  text        not null,
    rule      text        not null,
    due_at    timestamptz not null,
    warned_at timestamptz not null
);
