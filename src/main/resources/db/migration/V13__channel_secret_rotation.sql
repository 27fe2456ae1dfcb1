-- Rotation of the channel secret each source's Subscriptions carry in channel.header (#19 defect 7). No
-- secret is stored: generation n > 0 is derived from the configured secret (HMAC-SHA256 of the source
-- and n), generation 0 is the configured secret itself, so every replica computes the same one.
alter table subscription_source
    add column secret_generation          integer     not null default 0,
    -- the generation before the last rotation, still accepted until previous_secret_until (null while
    -- the EHR's Subscriptions have not all been rewritten with the new one)
    add column previous_secret_generation integer,
    add column previous_secret_until      timestamptz,
    add column secret_rotated_at          timestamptz;
