-- Team members (协作人) of a client (platform migration 0.5's client_team_member): here also who added them and when,
-- and they go with their client; docs/domain.md, "Data scope".
alter table client_team_member
    add column added_by text        not null,
    add column added_at timestamptz not null,
    add foreign key (client_id) references client (id) on delete cascade;

-- Every change of the organisation (platform migration 0.5's department and org_member): who, when, what.
create table organisation_history (
    id         bigint generated always as identity primary key,
    -- DEPARTMENT (subject = department id) or MEMBER (subject = user id)
    kind       text        not null check (kind in ('DEPARTMENT', 'MEMBER')),
    subject    text        not null,
    action     text        not null,
    at         timestamptz not null,
    actor      text        not null,
    changes    jsonb       not null default '{}'
);
create index organisation_history_subject on organisation_history (kind, subject, id desc);
