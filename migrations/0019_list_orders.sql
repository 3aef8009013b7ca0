-- 0019 list orders (issue 15 point 4, issue 16): the keyset orders of the registry and of a body's
-- decided items that no earlier index serves.

-- A body's decided items by deadline (the default order, both directions: keyset on
-- deadline, issued_on, item_no, id), without sorting the body's items on each page
CREATE INDEX decisions_body_deadline_idx ON decisions (body_id, deadline, issued_on, item_no, id);

-- The registry by name (keyset on name, id)
CREATE INDEX bodies_name_idx ON bodies (name, id);
