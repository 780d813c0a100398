-- Share links pinned to a version (issue 11 item 4): a reader keeps seeing what was shared, and is told when a newer
-- version exists. NULL means "always the latest version", which is what every link made before this did.
ALTER TABLE share_links ADD COLUMN version INTEGER;
