-- Segmentation's classification of a client (crm.segment.v1): a KEY-tier client gets a weekly cadence.
alter table known_client
    add column abc_class     text,
    add column value_tier    text,
    add column classified_at timestamptz;

-- Visit plans (访问计划): PLANNED -> DONE (linked to the contact that fulfilled it) | MISSED | CANCELLED.
create table visit_plan (
    id             uuid primary key,
    client_id      uuid        not null,
    version        bigint      not null,
    -- the day in the business time zone; planned_at when a time was given (UTC)
    planned_on     date        not null,
    planned_at     timestamptz,
    purpose        text,
    assignee_id    text        not null,
    attendee_level text        not null,
    status         text        not null,
    -- MANUAL (a user planned it) or CADENCE (scheduled from the client's cadence)
    source         text        not null,
    interaction_id uuid,
    completed_at   timestamptz,
    missed_at      timestamptz,
    cancelled_at   timestamptz,
    cancel_reason  text,
    created_at     timestamptz not null,
    created_by     text        not null
);
create index visit_plan_agenda on visit_plan (assignee_id, planned_on, planned_at, id);
create index visit_plan_client on visit_plan (client_id, planned_on);
create index visit_plan_open on visit_plan (planned_on) where status = 'PLANNED';
create unique index visit_plan_interaction on visit_plan (interaction_id) where interaction_id is not null;

-- A client's revisit cadence: every N days, or weekly on a day; a MANUAL one always wins over the SEGMENT default.
create table cadence (
    client_id      uuid primary key,
    version        bigint      not null,
    interval_days  integer     not null check (interval_days between 1 and 366),
    day_of_week    text,
    attendee_level text        not null,
    source         text        not null,
    set_by         text        not null,
    set_at         timestamptz not null
);
