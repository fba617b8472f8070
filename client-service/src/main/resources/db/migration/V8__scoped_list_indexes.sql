-- The scoped client list (docs/domain.md, "Data scope") reads by owner, by owner department, by pool, by team and,
-- for managers, the clients whose owner's department is not known: each arm has an index, newest first within it.
drop index client_owner_department;
create index client_owner_department on client (owner_department, created_at desc, id desc)
    where deleted_at is null and owner_department is not null;
create index client_unplaced_owner on client (created_at desc, id desc)
    where deleted_at is null and owner_id is not null and owner_department is null;
