-- The organisation: the department tree and where each user sits in it. client-service maintains it (its
-- organisation API) and announces every change; the other services keep the same tables as a replica built from
-- those events. Data scope (who sees which clients) is read from here: docs/domain.md, "Data scope".

-- A department; its id is the value a token's department claim names (crm.security.department-claim).
create table department (
    id         text        primary key,
    name       text        not null,
    parent_id  text        references department (id),
    closed_at  timestamptz,
    version    bigint      not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index department_parent on department (parent_id);

-- Every (ancestor, descendant) pair of the tree, a department with itself at depth 0: "a department and everything
-- below it" is one index range. Rebuilt from the parent links by rebuild_department_closure() after a change.
create table department_closure (
    ancestor_id   text    not null,
    descendant_id text    not null,
    depth         integer not null,
    primary key (ancestor_id, descendant_id)
);
create index department_closure_descendant on department_closure (descendant_id);

-- The department a user works in, and whether they manage it (a manager sees their department and everything
-- below it). A user with no row is placed by their token's department claim.
create table org_member (
    user_id       text        primary key,
    department_id text        not null references department (id),
    manager       boolean     not null default false,
    version       bigint      not null default 0,
    updated_at    timestamptz not null
);
create index org_member_department on org_member (department_id);

-- Team members (协作人) of each client, who read it (READ) or also change it (EDIT) whoever owns it: client-service
-- keeps them (its migration 7 adds who added them and when), the other services a replica of them.
create table client_team_member (
    client_id uuid not null,
    user_id   text not null,
    access    text not null check (access in ('READ', 'EDIT')),
    primary key (client_id, user_id)
);
-- "the clients I am a team member of": a scoped list's way in besides the owner and the department
create index client_team_member_user on client_team_member (user_id, client_id);

-- The closure from the parent links in one statement (2 000 departments: a few milliseconds). A cycle cannot be
-- stored (client-service refuses a move under a department's own subtree), and the recursion stops at depth 64.
create function rebuild_department_closure() returns void
    language sql
    set search_path from current as
$$
    delete from department_closure;
    insert into department_closure (ancestor_id, descendant_id, depth)
    with recursive up (ancestor_id, descendant_id, depth) as (
        select id, id, 0 from department
        union all
        select d.parent_id, up.descendant_id, up.depth + 1
        from up join department d on d.id = up.ancestor_id
        where d.parent_id is not null and up.depth < 64)
    select ancestor_id, descendant_id, depth from up;
$$;
