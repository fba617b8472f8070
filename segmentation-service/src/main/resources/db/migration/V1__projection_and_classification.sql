-- The per-client projection, kept current from crm.client.v1, crm.interaction.v1 and crm.complaint.v1.
create table client_profile (
    client_id            uuid primary key,
    card_version         bigint      not null,
    legal_name           text,
    status               text        not null,
    owner_id             text,
    industry             text,
    province             text,
    city                 text,
    tags                 jsonb       not null default '[]',
    relationship_level   text,
    deleted              boolean     not null default false,
    merged_into          uuid,
    erased               boolean     not null default false,
    last_contact_at      timestamptz,
    contacts             integer     not null default 0,
    updated_at           timestamptz not null
);
create index client_profile_owner on client_profile (owner_id);

-- Orders as facts (revenue by month, frequency, recency are computed from them); cancelled ones stay, flagged.
create table order_fact (
    order_id   uuid primary key,
    client_id  uuid           not null,
    ordered_at timestamptz    not null,
    amount     numeric(19, 4) not null,
    currency   char(3)        not null,
    cancelled  boolean        not null default false
);
create index order_fact_client on order_fact (client_id, ordered_at);

-- Instalments reported overdue, with what is still unpaid (payments allocated to them reduce it).
create table overdue_instalment (
    instalment_id uuid primary key,
    client_id     uuid           not null,
    outstanding   numeric(19, 4) not null,
    currency      char(3)        not null
);
create index overdue_instalment_client on overdue_instalment (client_id) where outstanding > 0;

-- Complaints as facts: open or not, breached or not, compensation, the latest survey's gap.
create table complaint_fact (
    complaint_id      uuid primary key,
    client_id         uuid        not null,
    received_at       timestamptz not null,
    open              boolean     not null,
    breached          boolean     not null default false,
    compensation      numeric(19, 4),
    compensation_currency char(3),
    survey_score      integer,
    survey_gap        integer
);
create index complaint_fact_client on complaint_fact (client_id);

-- Missed visits (churn factor), one row per missed plan.
create table missed_visit (
    plan_id    uuid primary key,
    client_id  uuid        not null,
    planned_on date        not null
);
create index missed_visit_client on missed_visit (client_id, planned_on);

-- Classification runs: one at a time across replicas (advisory lock), with their history.
create table classification_run (
    id          uuid primary key,
    trigger     text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    status      text        not null,
    clients     integer,
    changed     integer,
    counts      jsonb,
    duration_ms bigint
);
create index classification_run_started on classification_run (started_at desc);

-- The latest classification of each client, with the reasons that produced it.
create table classification (
    client_id    uuid primary key,
    run_id       uuid        not null,
    computed_at  timestamptz not null,
    abc_class    text        not null,
    abc_reason   jsonb       not null,
    rfm_r        integer     not null,
    rfm_f        integer     not null,
    rfm_m        integer     not null,
    rfm_segment  text        not null,
    rfm_reason   jsonb       not null,
    value_tier   text        not null,
    tier_reason  text        not null,
    churn_score  integer     not null,
    churn_risk   text        not null,
    churn_reason jsonb       not null
);
create index classification_abc on classification (abc_class, client_id);
create index classification_tier on classification (value_tier, client_id);
create index classification_risk on classification (churn_risk, client_id);
