-- Desk lines (CTI, ECMA TR/87): a desk phone registers as its own account, the line (e.g. "1001"),
-- and is assigned to the one user who may control it from their computer. A user may have several
-- lines; a line has one owner. Deleting either account removes the assignment.
CREATE TABLE desk_lines (
    line   VARCHAR(1023) NOT NULL PRIMARY KEY REFERENCES users (username) ON DELETE CASCADE,
    owner  VARCHAR(1023) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    CHECK (line <> owner)
);
CREATE INDEX desk_lines_owner ON desk_lines (owner);
