package io.crisisconsole.contacts;

import io.crisisconsole.toolkit.ValidationException;
import java.util.Objects;

/** A name on a network: {@code x: @anna_pr}, {@code signal: +48 601 234 567}, {@code teams: anna@example.com}. */
public record Handle(Network network, String handle) {

    public static final int MAX_HANDLE = 200;

    public Handle {
        Objects.requireNonNull(network, "network");
        handle = ContactFields.blankToNull(handle);
        if (handle == null) {
            throw new ValidationException("handles", "the " + network.slug() + " handle is empty");
        }
        if (handle.length() > MAX_HANDLE) {
            throw new ValidationException("handles", "the " + network.slug() + " handle is longer than " + MAX_HANDLE
                    + " characters");
        }
        if (handle.contains(";") || handle.contains("\n") || handle.contains("\r")) {
            throw new ValidationException("handles", "the handle '" + handle + "' cannot contain ; or line breaks");
        }
    }

    @Override
    public String toString() {
        return network.slug() + ": " + handle;
    }
}
