-- Duplicate detection: a normalised name (legal-form suffixes and punctuation removed) compared by
-- trigram similarity, and the phone's digits compared exactly.
alter table client
    add column name_key     text,
    add column phone_digits text,
    add column merged_into  uuid references client (id);

create index client_name_key_trgm on client using gin (name_key public.gin_trgm_ops) where deleted_at is null;
create index client_phone_digits on client (phone_digits) where deleted_at is null and phone_digits is not null;
