-- Contacts come from crm.interaction.v1, read by its own consumer: a contact may be applied before the client's
-- registered event (another topic) is. Contact facts therefore live in their own table, keyed by client, not as
-- columns of a profile row that may not exist yet.
create table contact_fact (
    client_id       uuid primary key,
    contacts        integer not null default 0,
    last_contact_at timestamptz,
    last_outcome    text
);
insert into contact_fact (client_id, contacts, last_contact_at, last_outcome)
select client_id, contacts, last_contact_at, last_outcome from client_profile
where contacts > 0 or last_contact_at is not null;
alter table client_profile drop column contacts, drop column last_contact_at, drop column last_outcome;
