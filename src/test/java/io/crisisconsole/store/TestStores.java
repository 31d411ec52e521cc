package io.crisisconsole.store;

import java.nio.file.Path;

/** Opens real stores in test folders. */
public final class TestStores {

    private TestStores() {
    }

    public static Store openIn(Path dir) {
        return Store.open(new DataHome(dir.resolve("data")));
    }
}
