package io.crisisconsole.composer;

import java.util.List;

/** Counts and checks all variants against the core message and the case; pure and fast (no I/O). */
public interface MessageChecker {

    CheckReport check(CoreMessage core, List<Variant> variants, MessageContext context);
}
