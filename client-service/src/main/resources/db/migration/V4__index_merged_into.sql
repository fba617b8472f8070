-- merged_into references client(id): without an index every delete of a card scans the whole table
-- for cards merged into it.
create index client_merged_into on client (merged_into) where merged_into is not null;
