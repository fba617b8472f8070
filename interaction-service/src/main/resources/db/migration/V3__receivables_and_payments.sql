-- Receivable plans (回款计划) and payments (回款). Every order owes its total: placing it creates one
-- instalment due after the default payment terms; a plan replaces that with several instalments.
alter table client_order add column paid_amount numeric(19, 4) not null default 0
    check (paid_amount >= 0 and paid_amount <= total_amount);

create table receivable_instalment (
    id            uuid primary key,
    order_id      uuid           not null references client_order (id),
    client_id     uuid           not null,
    seq           integer        not null,
    due_on        date           not null,
    amount        numeric(19, 4) not null check (amount > 0),
    currency      char(3)        not null,
    paid_amount   numeric(19, 4) not null default 0 check (paid_amount >= 0 and paid_amount <= amount),
    reminder_days integer        not null default 0 check (reminder_days between 0 and 365),
    -- PENDING, PARTIAL, PAID, OVERDUE (set by the daily job, with overdue_since), VOID (plan replaced, order cancelled)
    status        text           not null,
    overdue_since date,
    voided_at     timestamptz,
    created_at    timestamptz    not null
);
create index receivable_instalment_order on receivable_instalment (order_id, seq);
create index receivable_instalment_open on receivable_instalment (client_id, due_on, id)
    where status in ('PENDING', 'PARTIAL', 'OVERDUE');
-- the daily overdue check: unpaid, past due, not flagged yet
create index receivable_instalment_unflagged on receivable_instalment (due_on)
    where status in ('PENDING', 'PARTIAL');

create table payment (
    id            uuid primary key,
    client_id     uuid           not null,
    order_id      uuid           not null references client_order (id),
    instalment_id uuid references receivable_instalment (id),
    amount        numeric(19, 4) not null check (amount > 0),
    currency      char(3)        not null,
    paid_at       timestamptz    not null,
    method        text           not null,
    reference     text,
    -- which instalments the payment settled: [{"instalmentId": ..., "amount": ...}]
    allocations   jsonb          not null,
    recorded_at   timestamptz    not null,
    recorded_by   text           not null
);
create index payment_client on payment (client_id, paid_at desc, id desc);
create index payment_order on payment (order_id, paid_at);
