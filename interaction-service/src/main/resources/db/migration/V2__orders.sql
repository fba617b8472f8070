-- Orders (购买数量、时间): the card's behaviour data; amounts in one currency per order.
create table client_order (
    id            uuid primary key,
    client_id     uuid           not null,
    version       bigint         not null,
    ordered_at    timestamptz    not null,
    status        text           not null,
    currency      char(3)        not null,
    total_amount  numeric(19, 4) not null check (total_amount > 0),
    lines         jsonb          not null default '[]',
    cancelled_at  timestamptz,
    cancel_reason text,
    delivered_at  timestamptz,
    created_at    timestamptz    not null,
    created_by    text           not null
);
create index client_order_client on client_order (client_id, ordered_at desc, id desc);
