-- Voice mailboxes' counts for the message-waiting indicator (RFC 3842). The server records no
-- voicemail itself: an administrator (CLI `mailbox set`), the demo seed or a future voicemail
-- system sets the counts. No row means an empty mailbox.
CREATE TABLE voice_mailboxes (
    username      VARCHAR(1023) NOT NULL PRIMARY KEY REFERENCES users (username) ON DELETE CASCADE,
    new_messages  INTEGER       NOT NULL,
    old_messages  INTEGER       NOT NULL,
    CHECK (new_messages >= 0 AND old_messages >= 0)
);
