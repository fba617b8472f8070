-- Team members (协作人) of a client: users the owner or a manager added, who read the card (READ) or also change
-- it and log contacts as its owner does (EDIT); docs/domain.md, "Data scope".
create table client_team_member (
    client_id uuid        not null references client (id) on delete cascade,
    user_id   text        not null,
    access    text        not null check (access in ('READ', 'EDIT')),
    added_by  text        not null,
    added_at  timestamptz not null,
    primary key (client_id, user_id)
);
-- "the clients I am a team member of": the scoped client list's third way in
create index client_team_member_user on client_team_member (user_id, client_id);

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
