-- The customer profile card (客户资料卡) and its contact persons.
create table client (
    id                         uuid primary key,
    version                    bigint       not null,
    kind                       text         not null,
    legal_name                 text         not null,
    short_name                 text,
    industry                   text,
    acquisition_source         text,
    unified_social_credit_code text,
    legal_representative       text,
    founded_on                 date,
    first_deal_on              date,
    organisation_form          text,
    employees                  integer,
    registered_capital_amount  numeric(19, 4),
    registered_capital_currency char(3),
    website                    text,
    phone                      text,
    email                      text,
    tags                       jsonb        not null default '[]',
    custom_attributes          jsonb        not null default '{}',
    -- address
    country                    text,
    province                   text,
    city                       text,
    district                   text,
    street                     text,
    postal_code                text,
    -- finance and credit
    bank_name                  text,
    bank_account               text,
    credit_rating              text,
    credit_limit_amount        numeric(19, 4),
    credit_limit_currency      char(3),
    payment_terms_days         integer,
    -- characteristics and business status
    service_area               text,
    sales_capability           text,
    development_potential      text,
    scale                      text,
    cooperation_attitude       text,
    competitor_relations       text,
    notes                      text,
    rapport                    jsonb,
    -- lifecycle and ownership
    status                     text         not null,
    relationship_level         text,
    owner_id                   text,
    last_verified_at           timestamptz  not null,
    review_due_at              timestamptz  not null,
    -- filled from crm.segment.v1
    abc_class                  text,
    value_tier                 text,
    churn_risk                 text,
    segment_computed_at        timestamptz,
    created_at                 timestamptz  not null,
    created_by                 text         not null,
    updated_at                 timestamptz  not null,
    constraint client_credit_limit_not_negative check (credit_limit_amount is null or credit_limit_amount >= 0)
);

create index client_created on client (created_at desc, id desc);
create index client_owner on client (owner_id, created_at desc, id desc);
create index client_status on client (status, created_at desc, id desc);
create index client_review_due on client (review_due_at);
create unique index client_credit_code on client (unified_social_credit_code)
    where unified_social_credit_code is not null;

create table contact_person (
    id             uuid primary key,
    client_id      uuid        not null references client (id) on delete cascade,
    version        bigint      not null,
    name           text        not null,
    title          text,
    decision_maker boolean     not null default false,
    phone          text,
    email          text,
    preferences    text,
    birthday       date,
    notes          text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index contact_person_client on contact_person (client_id, created_at, id);
