-- Prospects (seed 001): the latest contact's outcome sets the revisit bucket.
alter table client_profile add column last_outcome text;
-- Retention (seed 004): when a client was terminated.
alter table client_profile add column terminated_at timestamptz;
