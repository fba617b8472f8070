-- Clients as client-service reports them on crm.client.v1, with segmentation's tier from crm.segment.v1
-- (a KEY-tier or class-A client gets the stricter SLA).
create table known_client (
    id            uuid primary key,
    version       bigint      not null,
    legal_name    text,
    status        text        not null,
    owner_id      text,
    deleted       boolean     not null default false,
    merged_into   uuid,
    erased_at     timestamptz,
    abc_class     text,
    value_tier    text,
    classified_at timestamptz,
    updated_at    timestamptz not null
);

-- Solutions knowledge base (seed 003): searched by title, symptoms and answer (trigram, Chinese included).
create table solution (
    id          uuid primary key,
    version     bigint      not null,
    title       text        not null,
    category    text        not null,
    symptoms    text,
    answer      text        not null,
    tags        jsonb       not null default '[]',
    usage_count integer     not null default 0,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null
);
create index solution_search on solution using gin ((title || ' ' || coalesce(symptoms, '') || ' ' || answer) public.gin_trgm_ops);

create sequence complaint_number_seq;

-- Complaints: intake, the handling steps of seed 000, SLA clocks and the escalation ladder.
create table complaint (
    id                       uuid primary key,
    number                   text        not null unique,
    client_id                uuid        not null,
    version                  bigint      not null,
    channel                  text        not null,
    category                 text        not null,
    severity                 text        not null,
    subject                  text        not null,
    customer_words           text,
    order_id                 uuid,
    received_at              timestamptz not null,
    assignee_id              text,
    status                   text        not null,
    waiting_on_customer      boolean     not null default false,
    waiting_since            timestamptz,
    -- the policy that set the targets, e.g. HIGH or HIGH/KEY, and the targets themselves (seconds of SLA time)
    sla_policy               text        not null,
    first_response_target_s  bigint      not null,
    resolution_target_s      bigint      not null,
    -- the resolution clock restarts on reopening; paused SLA time (waiting on the customer) extends it
    resolution_clock_start   timestamptz not null,
    resolution_paused_s      bigint      not null default 0,
    first_response_due_at    timestamptz not null,
    resolution_due_at        timestamptz,
    -- stages per clock: 0 running, 1 warned (80%), 2 breached (100%), 3 a further interval passed
    first_response_stage     integer     not null default 0,
    resolution_stage         integer     not null default 0,
    escalation_level         text        not null default 'NONE',
    first_response_breached  boolean     not null default false,
    resolution_breached      boolean     not null default false,
    -- the next instant a clock crosses a threshold; null when no clock runs (the escalation scan's index)
    next_escalation_at       timestamptz,
    acknowledged_at          timestamptz,
    resolved_at              timestamptz,
    closed_at                timestamptz,
    reopen_count             integer     not null default 0,
    -- the handling steps (seed 000): listened, investigated, resolved, follow-up
    acknowledgement          jsonb,
    investigation            jsonb,
    resolution               jsonb,
    solution_id              uuid references solution (id),
    compensation_type        text,
    compensation_amount      numeric(19, 4) check (compensation_amount >= 0),
    compensation_currency    char(3),
    created_at               timestamptz not null,
    created_by               text        not null
);
create index complaint_escalation_due on complaint (next_escalation_at) where next_escalation_at is not null;
create index complaint_list on complaint (received_at desc, id desc);
create index complaint_client on complaint (client_id, received_at desc);
create index complaint_assignee on complaint (assignee_id, status);

create table complaint_follow_up (
    id           uuid primary key,
    complaint_id uuid        not null references complaint (id),
    action       text        not null,
    due_on       date        not null,
    assignee_id  text,
    done_at      timestamptz,
    created_at   timestamptz not null
);
create index complaint_follow_up_complaint on complaint_follow_up (complaint_id, due_on);

-- What happened to a complaint, in order: transitions, handling steps, escalations, breaches, surveys.
create table complaint_history (
    id           bigint generated always as identity primary key,
    complaint_id uuid        not null references complaint (id),
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    from_status  text,
    to_status    text,
    detail       jsonb       not null default '{}'
);
create index complaint_history_complaint on complaint_history (complaint_id, id);

-- Satisfaction surveys (seeds 000, 004): opened on resolution, answered once, by the customer through a
-- token (only its SHA-256 is stored) or by staff from a call.
create table survey (
    id           uuid primary key,
    complaint_id uuid        not null references complaint (id),
    token_sha256 text        not null unique,
    opened_at    timestamptz not null,
    answered_at  timestamptz,
    answered_by  text,
    score        integer check (score between 1 and 5),
    performance  integer check (performance between 1 and 10),
    expectation  integer check (expectation between 1 and 10),
    gap          integer,
    comment      text
);
create index survey_complaint on survey (complaint_id, opened_at desc);
