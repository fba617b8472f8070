-- Clients as client-service reports them on crm.client.v1: writes for an unknown client are refused
-- without asking client-service.
create table known_client (
    id               uuid primary key,
    version          bigint      not null,
    legal_name       text,
    status           text        not null,
    owner_id         text,
    deleted          boolean     not null default false,
    merged_into      uuid,
    erased_at        timestamptz,
    -- the daily to-do list: the next contact date set by the latest contact
    last_contact_at  timestamptz,
    next_contact_on  date,
    updated_at       timestamptz not null
);
create index known_client_todo on known_client (owner_id, next_contact_on) where next_contact_on is not null and not deleted;

-- Contacts (interactions): visits, calls, e-mails, meetings, gifts, after-sales service, events.
create table interaction (
    id                 uuid primary key,
    client_id          uuid        not null,
    version            bigint      not null,
    kind               text        not null,
    direction          text        not null,
    occurred_at        timestamptz not null,
    duration_minutes   integer,
    staff_id           text        not null,
    attendee_level     text        not null,
    contact_person_id  uuid,
    contact_name       text,
    subject            text,
    notes              text,
    outcome            text,
    next_step          text,
    next_contact_on    date,
    check_in_latitude  numeric(9, 6),
    check_in_longitude numeric(9, 6),
    check_in_address   text,
    check_in_at        timestamptz,
    created_at         timestamptz not null,
    created_by         text        not null
);
create index interaction_timeline on interaction (client_id, occurred_at desc, id desc);
create index interaction_staff on interaction (staff_id, occurred_at desc, id desc);
