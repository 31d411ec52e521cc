-- One row that counts committed write transactions. A copy of the count lives beside the store
-- (store.marker.json); a store that opens with a lower count than its copy has silently lost its
-- newest changes (e.g. a damaged file tail) and is not used without asking.
CREATE TABLE store_meta (
    id            INT     NOT NULL PRIMARY KEY,
    commit_seq    BIGINT  NOT NULL,
    committed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT store_meta_single_row CHECK (id = 1)
);

INSERT INTO store_meta (id, commit_seq, committed_at) VALUES (1, 0, NULL);
