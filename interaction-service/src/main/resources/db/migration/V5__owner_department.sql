-- The department each client's owner works in (crm.client.v1 registered and owner-changed events, and a user placed
-- in another department): the data scope of reads (docs/domain.md, "Data scope"). Clients registered before this
-- column get it with their next owner change or when the organisation places their owner.
alter table known_client add column owner_department text;
create index known_client_owner_department on known_client (owner_department) where owner_department is not null;
create index known_client_owner on known_client (owner_id) where owner_id is not null;
