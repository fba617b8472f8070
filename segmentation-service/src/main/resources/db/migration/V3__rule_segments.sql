-- Rule-based segments: a JSON rule tree over projection fields, evaluated after every run and on demand.
create table segment (
    id          uuid primary key,
    version     bigint      not null,
    name        text        not null unique,
    description text,
    rule        jsonb       not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    evaluated_at timestamptz,
    members     integer     not null default 0
);

create table segment_member (
    segment_id uuid        not null references segment (id) on delete cascade,
    client_id  uuid        not null,
    entered_at timestamptz not null,
    primary key (segment_id, client_id)
);
